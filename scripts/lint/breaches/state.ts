// Linted as src/state/__breaches__.ts.
import { Toolbar } from '../features/toolbar/Toolbar'; // breach: no-restricted-imports
import { FirePanel } from '../features/simulation/fire/FirePanel'; // breach: no-restricted-imports
import { FlowCanvas } from '../canvas/FlowCanvas'; // breach: no-restricted-imports
import { App } from '../app/App'; // breach: no-restricted-imports
import Dexie from 'dexie'; // breach: no-restricted-imports
import { createRunSession } from '../session'; // breach: no-restricted-imports
import { Client as PgClient } from 'pg'; // breach: no-restricted-imports
// Allowed: the core and src/persistence (the state owns the repositories).
import { designRepository } from '../persistence/designs';
import { createEmptyDocument } from '../core';

export const lazyFeature = () => import('../features/simulation/SimulationWorkspace'); // breach: no-restricted-syntax
export const lazyDexie = () => import('dexie'); // breach: no-restricted-syntax
export const used = [createRunSession, PgClient, Toolbar, FirePanel, FlowCanvas, App, Dexie, designRepository, createEmptyDocument];
