import type { DBCore, DBCoreQueryRequest, Middleware } from 'dexie';

/** Dexie marks the native transaction of a `db.transaction(...)` scope, whose requests come one after another. */
type DexieNativeTransaction = IDBTransaction & { _explicit?: boolean };

/**
 * Commits a read-only transaction that Dexie opened for one read (a `get`, `getMany`, `count` or a
 * `getAll` query outside `db.transaction`) as soon as its requests are issued: it needs nothing
 * more, and the read-write transaction queued behind it (the engine's next batch) then starts as
 * soon as IndexedDB has answered, not once this page has handled the answer. Without it, each of
 * the panels' live reads between two batches of Run until quiet kept IndexedDB idle for as long as
 * the page took to get to the answer (two small reads per batch cost ~20 % of a long run's steps).
 */
function commitIfOneShot(trans: unknown): void {
  const native = trans as DexieNativeTransaction;
  if (native.mode !== 'readonly' || native._explicit || typeof native.commit !== 'function') return;
  try {
    native.commit();
  } catch {
    // Finished already (a failed request aborted it).
  }
}

/** `answer` (its requests issued already), with its transaction committed if it asked IndexedDB something. */
function committed<T>(answer: T, trans: unknown, requested = true): T {
  if (requested) commitIfOneShot(trans);
  return answer;
}

/**
 * Whether Dexie's IndexedDB core answers `request` with one `getAll`/`getAllKeys` request (else it
 * walks a cursor, whose `continue()` needs the transaction to stay open).
 */
function queriesAtOnce(request: DBCoreQueryRequest): boolean {
  if (request.limit === 0) return false; // answered without a request: nothing to commit for
  if (typeof IDBObjectStore === 'undefined') return false;
  if ('getAllRecords' in IDBObjectStore.prototype) return true;
  return 'getAll' in IDBObjectStore.prototype && (request.direction ?? 'next') === 'next';
}

/**
 * The middleware, right above Dexie's IndexedDB core (below its cache and observation layers, which
 * may answer a read without a request): only what reaches IndexedDB is committed early.
 */
export const commitOneShotReads: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'commitOneShotReads',
  level: -10,
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      return {
        ...table,
        get: (request) => committed(table.get(request), request.trans),
        getMany: (request) => committed(table.getMany(request), request.trans, request.keys.length > 0),
        count: (request) => committed(table.count(request), request.trans),
        query: (request) => committed(table.query(request), request.trans, queriesAtOnce(request)),
      };
    },
  }),
};
