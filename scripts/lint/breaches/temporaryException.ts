// Linted as src/features/simulation/queries.ts, one of the TEMPORARY exceptions: it may import
// src/persistence until the run session owns run mode, but still never Dexie.
import Dexie from 'dexie'; // breach: no-restricted-imports
import { useLiveQuery } from 'dexie-react-hooks'; // breach: no-restricted-imports
import { outboxSource } from '../../persistence/reads';

export const lazyDexie = () => import('dexie'); // breach: no-restricted-syntax
export const used = [Dexie, useLiveQuery, outboxSource];
