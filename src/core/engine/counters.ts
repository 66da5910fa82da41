/**
 * Per-node counters of the run row (`RunStats`). Node ids are names a user chose, so a counter is
 * never read as `counts[id]` (an absent `constructor` would read `Object`) nor written as
 * `counts[id] = n` (a `__proto__` would replace the prototype): these helpers use own keys only.
 */
import { getOwn, setOwn } from '../model/ownKeys';
import type { CountsByNode } from './runRecord';

/** The counter of a node (0 when absent). Pure. */
export function countOf(counts: CountsByNode, nodeId: string): number {
  return getOwn(counts, nodeId) ?? 0;
}

/** Adds `delta` to a node's counter (mutates `counts`). */
export function bump(counts: CountsByNode, nodeId: string, delta = 1): void {
  setOwn(counts, nodeId, countOf(counts, nodeId) + delta);
}

/** Sum of a per-node counter. Pure. */
export function total(counts: CountsByNode): number {
  let sum = 0;
  for (const value of Object.values(counts)) sum += value;
  return sum;
}

/** The counters without zero entries, as a Map (to compare counters with tables). Pure. */
export function nonZeroCounts(counts: CountsByNode): Map<string, number> {
  return new Map(Object.entries(counts).filter(([, v]) => v !== 0));
}
