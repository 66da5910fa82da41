// Linted as src/features/palette/__breaches__.ts.
import Dexie from 'dexie'; // breach: no-restricted-imports
import { useLiveQuery } from 'dexie-react-hooks'; // breach: no-restricted-imports
import { designRepository } from '../../persistence/designs'; // breach: no-restricted-imports
import type { SimulationDb } from '../../persistence/simulation'; // breach: no-restricted-imports
import { wherePrefix } from '../../persistence/reads/prefixRange'; // breach: no-restricted-imports
import { App } from '../../app/App'; // breach: no-restricted-imports
import { Client as PgClient } from 'pg'; // breach: no-restricted-imports
// Allowed: the state, the canvas, the core, React.
import { useAppStore } from '../../state/store';
import { FlowCanvas } from '../../canvas/FlowCanvas';
import { deriveEdges } from '../../core';
import { useState } from 'react';

export const lazyDexie = () => import('dexie'); // breach: no-restricted-syntax
export const lazyRun = () => import('../../persistence/simulation'); // breach: no-restricted-syntax
export const lazyLayout = () => import('elkjs/lib/elk.bundled.js');
export const used = [PgClient, Dexie, useLiveQuery, designRepository, wherePrefix, App, useAppStore, FlowCanvas, deriveEdges, useState];
export type Db = SimulationDb;
