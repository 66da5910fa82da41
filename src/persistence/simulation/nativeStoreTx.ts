/**
 * The engine's `StoreTx` on one native IndexedDB transaction. A run row is split from its design
 * snapshot on write (the snapshot is written only when it is not the one stored) and joined on read
 * (the snapshot read only when the store does not know it yet); `learned` collects what this
 * transaction tells `known` once it commits, `written` the tables it wrote (for live readers).
 */
import type { FlowDocument, KeyPart, RunRecord, StoreTx, TableName } from '../../core';
import { prefixKeyRange, queryRange, readRange, requested } from './idbRequests';
import { joinRunRow, namesDesign, newDesignKey, splitRunRow, type RunDesignRecord, type StoredRunRow } from './runDesigns';

/** The design snapshot of each run as the store last read or wrote it (committed), by run id. */
export type KnownDesigns = Map<string, { key: string; flow: FlowDocument }>;

/** What one transaction wrote: table name → whether rows of it were deleted. */
export type WrittenTables = Map<string, boolean>;

const spelled = (keyPath: string | string[] | null) => (Array.isArray(keyPath) ? `[${keyPath.join('+')}]` : (keyPath ?? ''));

/**
 * The store or index that answers a query by `index` (a Dexie spelling, `:id` for the primary key):
 * the primary key when it is spelled so, else the index of that name, else — as Dexie's virtual
 * indexes do — the primary key or index whose key starts with the parts named (prefix queries on it
 * are the same).
 */
function indexOf(os: IDBObjectStore, index: string): IDBObjectStore | IDBIndex {
  if (index === ':id' || spelled(os.keyPath) === index) return os;
  if (os.indexNames.contains(index)) return os.index(index);
  const starts = (keyPath: string | string[] | null) => spelled(keyPath).startsWith(index.replace(/]$/, '+'));
  if (starts(os.keyPath)) return os;
  for (const name of Array.from(os.indexNames)) if (starts(os.index(name).keyPath)) return os.index(name);
  throw new Error(`the ${os.name} table has no index ${index}`);
}

export function nativeStoreTx(trans: IDBTransaction, known: KnownDesigns, learned: KnownDesigns, written: WrittenTables): StoreTx {
  const store = (name: string) => trans.objectStore(name);
  const source = (name: string, index: string) => indexOf(store(name), index);
  const wrote = (name: string, deleted = false) => written.set(name, deleted || (written.get(name) ?? false));
  const designOf = (runId: string) => learned.get(runId) ?? known.get(runId);
  const joined = async (row: StoredRunRow | undefined): Promise<RunRecord | undefined> => {
    if (!row) return undefined;
    if (!namesDesign(row)) return joinRunRow(row, undefined);
    const held = designOf(row.runId);
    if (held?.key === row.designKey) return joinRunRow(row, held);
    const design = (await requested(store('runDesigns').get(row.runId))) as RunDesignRecord | undefined;
    if (design?.key === row.designKey) learned.set(row.runId, { key: design.key, flow: design.flow });
    return joinRunRow(row, design);
  };
  const splitRun = (run: RunRecord): StoredRunRow => {
    const held = designOf(run.runId);
    if (held && held.flow === run.flow) return splitRunRow(run, held.key);
    const key = newDesignKey();
    wrote('runDesigns');
    // Not awaited: a failed put aborts the transaction, and the transaction's failure is what the caller hears.
    requested(store('runDesigns').put({ runId: run.runId, key, flow: run.flow } satisfies RunDesignRecord)).catch(() => {});
    learned.set(run.runId, { key, flow: run.flow });
    return splitRunRow(run, key);
  };
  const forget = async (runId: string) => {
    wrote('runDesigns', true);
    await requested(store('runDesigns').delete(runId));
    learned.delete(runId);
    known.delete(runId);
  };
  const put = (table: TableName, row: unknown) => {
    wrote(table);
    return requested(store(table).put(table === 'runs' ? splitRun(row as RunRecord) : row));
  };
  return {
    async get(table, key) {
      const row = await requested(store(table).get(key as IDBValidKey));
      return (table === 'runs' ? await joined(row as StoredRunRow | undefined) : row) as never;
    },
    async put(table, row) {
      await put(table, row);
    },
    async bulkPut(table, rows) {
      // Requests complete in order, and a failed one aborts the transaction (every later request then
      // fails too): the last one's answer is the answer of all.
      if (rows.length === 0) return;
      wrote(table);
      const os = store(table);
      let last: IDBRequest | undefined;
      if (table === 'runs') for (const row of rows as RunRecord[]) last = os.put(splitRun(row));
      else for (const row of rows as unknown[]) last = os.put(row);
      if (last) await requested(last);
    },
    async delete(table, key) {
      wrote(table, true);
      await requested(store(table).delete(key as IDBValidKey));
      if (table === 'runs') await forget(String(Array.isArray(key) ? key[0] : key));
    },
    async query(table, index, q) {
      const rows = await readRange(source(table, index), queryRange(q), q.limit, q.reverse);
      if (table === 'runs') return (await Promise.all((rows as StoredRunRow[]).map(joined))) as never;
      return rows as never;
    },
    count: (table, index, q) => requested(source(table, index).count(queryRange(q))),
    abort() {
      try {
        trans.abort();
      } catch {
        // Committed (or committing) already: it is written whole.
      }
    },
    commit() {
      try {
        trans.commit();
      } catch {
        // Not active any more: it commits (or has) on its own.
      }
    },
    async deletePrefix(table, prefix: KeyPart[]) {
      wrote(table, true);
      const os = store(table);
      if (!Array.isArray(os.keyPath)) {
        await requested(os.delete(prefix[0] as IDBValidKey));
        if (table === 'runs') await forget(String(prefix[0]));
        return;
      }
      await requested(os.delete(prefixKeyRange(prefix)));
    },
  };
}
