// Linted beside src/features/simulation/queries.ts, once a TEMPORARY exception: since the run session
// owns run mode (src/session) it reads the run's tables through the session, never src/persistence.
import Dexie from 'dexie'; // breach: no-restricted-imports
import { outboxSource } from '../../persistence/reads'; // breach: no-restricted-imports
// Allowed: the session (the panels' read models), the core.
import { traceSource } from '../../session';
import { knownCount } from '../../core';

export const lazyDexie = () => import('dexie'); // breach: no-restricted-syntax
export const used = [Dexie, outboxSource, traceSource, knownCount];
