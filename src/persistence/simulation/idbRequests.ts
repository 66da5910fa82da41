/**
 * IndexedDB requests as promises, and the key ranges of the engine's index queries: the engine's
 * transactions talk to IndexedDB directly (see dexieSimulationStore.ts), without Dexie's per-request
 * wrapping. A request that fails is not handled here: IndexedDB then aborts its whole transaction,
 * so nothing of a transaction that met an error is written.
 */
import Dexie from 'dexie';
import type { IndexQuery } from '../../core';

/** The answer of one request. */
export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('an IndexedDB request failed'));
  });
}

/**
 * Key range of a prefix query. The lower bound is the prefix itself (a shorter array sorts before
 * every longer one that starts with it), not `[...prefix, minKey]`, so that a prefix covering the
 * whole index (e.g. `[runId, eventId]` on `[runId+eventId]`) still matches.
 */
export function queryRange(q: IndexQuery): IDBKeyRange {
  const lower: unknown[] = q.from === undefined ? [...q.prefix] : [...q.prefix, q.from];
  const upper: unknown[] = q.to === undefined ? [...q.prefix, Dexie.maxKey] : [...q.prefix, q.to, Dexie.maxKey];
  return Dexie.dependencies.IDBKeyRange.bound(lower, upper);
}

/** Every key that starts with `prefix`. */
export function prefixRange(prefix: readonly unknown[]): IDBKeyRange {
  return Dexie.dependencies.IDBKeyRange.bound([...prefix], [...prefix, Dexie.maxKey]);
}

/** The values in `range` of a store or index, in key order (or reversed), at most `limit`. */
export function readRange(source: IDBObjectStore | IDBIndex, range: IDBKeyRange, limit?: number, reverse = false): Promise<unknown[]> {
  if (limit !== undefined && limit <= 0) return Promise.resolve([]);
  if (!reverse) return requested(source.getAll(range, limit));
  const rows: unknown[] = [];
  const cursor = source.openCursor(range, 'prev');
  return new Promise<unknown[]>((resolve, reject) => {
    cursor.onerror = () => reject(cursor.error ?? new Error('an IndexedDB cursor failed'));
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return resolve(rows);
      rows.push(at.value);
      if (limit !== undefined && rows.length >= limit) return resolve(rows);
      at.continue();
    };
  });
}
