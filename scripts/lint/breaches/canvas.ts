// Linted as src/canvas/__breaches__.ts.
import Dexie from 'dexie'; // breach: no-restricted-imports
import { simulationDb } from '../persistence/simulation'; // breach: no-restricted-imports
import { Toolbar } from '../features/toolbar/Toolbar'; // breach: no-restricted-imports
import { App } from '../app/App'; // breach: no-restricted-imports
import type { RunSession } from '../session'; // breach: no-restricted-imports
import { Client as PgClient } from 'pg'; // breach: no-restricted-imports
// Allowed: the state, the core, React Flow.
import { useAppStore } from '../state/store';
import { deriveEdges } from '../core';
import { useReactFlow } from '@xyflow/react';

export const lazyDexie = () => import('dexie'); // breach: no-restricted-syntax
export const lazyDb = () => import('../persistence/designs'); // breach: no-restricted-syntax
export type Session = RunSession;
export const used = [PgClient, Dexie, simulationDb, Toolbar, App, useAppStore, deriveEdges, useReactFlow];
