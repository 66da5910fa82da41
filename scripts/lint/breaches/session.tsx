// Linted as src/session/__breaches__.ts: the run session is headless TypeScript above the state.
import { useSyncExternalStore } from 'react'; // breach: no-restricted-imports
import Dexie from 'dexie'; // breach: no-restricted-imports
import { RunToolbar } from '../features/simulation/toolbar/RunToolbar'; // breach: no-restricted-imports
import { FlowCanvas } from '../canvas/FlowCanvas'; // breach: no-restricted-imports
import { App } from '../app/App'; // breach: no-restricted-imports
// Allowed: the core, src/persistence (engine, read API) and the state.
import { isRunStale } from '../core';
import { openSimulationEngine } from '../persistence/simulation';
import { useAppStore } from '../state/store';

export const lazyDexie = () => import('dexie'); // breach: no-restricted-syntax
export const lazyFeature = () => import('../features/simulation/SimulationWorkspace'); // breach: no-restricted-syntax
export const jsx = <div />; // breach: no-restricted-syntax
export const used = [useSyncExternalStore, Dexie, RunToolbar, FlowCanvas, App, isRunStale, openSimulationEngine, useAppStore];
