/**
 * IndexedDB requests as promises, and the key ranges of the engine's index queries: the engine's
 * transactions talk to IndexedDB directly (see dexieSimulationStore.ts), without Dexie's per-request
 * wrapping. A request that fails is not handled here: IndexedDB then aborts its whole transaction,
 * so nothing of a transaction that met an error is written.
 */
import Dexie from 'dexie';
import type { IndexQuery } from '../../core';
import { prefixRange, type KeyPart } from '../reads/prefixRange';

/** The answer of one request. */
export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('an IndexedDB request failed'));
  });
}

/** The key range of `prefixRange`'s bounds (every key that starts with the prefix). */
function rangeOf({ lower, upper }: { lower: unknown[]; upper: unknown[] }): IDBKeyRange {
  return Dexie.dependencies.IDBKeyRange.bound(lower, upper);
}

/** Every key that starts with `prefix`. */
export function prefixKeyRange(prefix: readonly KeyPart[]): IDBKeyRange {
  return rangeOf(prefixRange(prefix));
}

/** Key range of a prefix query: from its prefix (and `from`) to the last key under its prefix (and `to`). */
export function queryRange(q: IndexQuery): IDBKeyRange {
  const lower = prefixRange(q.from === undefined ? q.prefix : [...q.prefix, q.from]).lower;
  const upper = prefixRange(q.to === undefined ? q.prefix : [...q.prefix, q.to]).upper;
  return rangeOf({ lower, upper });
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
