// Linted as src/core/engine/testing/__breaches__.ts: a test helper of the core may read files in
// node, but it is still core code for the rest (no shell, no clock, no randomness).
import { readFileSync } from 'node:fs';
import { useAppStore } from '../../../state/store'; // breach: no-restricted-imports
import Dexie from 'dexie'; // breach: no-restricted-imports

export const fixture = (path: string) => readFileSync(path, 'utf8');
export const stamp = () => Date.now(); // breach: no-restricted-properties
export const dice = () => Math.random(); // breach: no-restricted-properties
export const used = [useAppStore, Dexie];
