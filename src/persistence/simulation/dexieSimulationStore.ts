import Dexie, { type Table, type Transaction } from 'dexie';
import type { FlowDocument, IndexQuery, KeyPart, RunRecord, SimulationStore, StoreTx, TableName } from '../../core';
import { joinRunRow, namesDesign, newDesignKey, splitRunRow, type RunDesignRecord, type StoredRunRow } from './runDesigns';
import type { SimulationDb } from './simulationDb';

type AnyTable = Table<unknown, unknown>;

/**
 * Key bounds of a prefix query. The lower bound is the prefix itself (a shorter array sorts before
 * every longer one that starts with it), not `[...prefix, minKey]`, so that a prefix covering the
 * whole index (e.g. `[runId, eventId]` on `[runId+eventId]`) still matches.
 */
function bounds(q: IndexQuery): [unknown[], unknown[]] {
  const lower: unknown[] = q.from === undefined ? [...q.prefix] : [...q.prefix, q.from];
  const upper: unknown[] = q.to === undefined ? [...q.prefix, Dexie.maxKey] : [...q.prefix, q.to, Dexie.maxKey];
  return [lower, upper];
}

function collection(table: AnyTable, index: string, q: IndexQuery) {
  const [lower, upper] = bounds(q);
  let c = table.where(index).between(lower, upper, true, true);
  if (q.reverse) c = c.reverse();
  return c;
}

/** The design snapshot of each run as this store last read or wrote it (committed), by run id. */
type KnownDesigns = Map<string, { key: string; flow: FlowDocument }>;

/**
 * Operations bound to one Dexie transaction explicitly (not through Dexie's zone), so nested async
 * helpers are safe. A run row is split from its design snapshot on write (the snapshot is written
 * only when it is not the one stored) and joined on read (the snapshot read only when this store
 * does not know it yet); `learned` collects what this transaction tells `known` once it commits.
 */
function txFor(trans: Transaction, known: KnownDesigns, learned: KnownDesigns): StoreTx {
  const t = (name: TableName) => trans.table(name) as AnyTable;
  const designs = () => trans.table('runDesigns') as Table<RunDesignRecord, string>;
  const designOf = (runId: string) => learned.get(runId) ?? known.get(runId);
  const joined = async (row: StoredRunRow | undefined): Promise<RunRecord | undefined> => {
    if (!row) return undefined;
    if (!namesDesign(row)) return joinRunRow(row, undefined);
    const held = designOf(row.runId);
    if (held?.key === row.designKey) return joinRunRow(row, held);
    const design = await designs().get(row.runId);
    if (design?.key === row.designKey) learned.set(row.runId, { key: design.key, flow: design.flow });
    return joinRunRow(row, design);
  };
  const splitRun = async (run: RunRecord): Promise<StoredRunRow> => {
    const held = designOf(run.runId);
    if (held && held.flow === run.flow) return splitRunRow(run, held.key);
    const key = newDesignKey();
    await designs().put({ runId: run.runId, key, flow: run.flow });
    learned.set(run.runId, { key, flow: run.flow });
    return splitRunRow(run, key);
  };
  const forget = async (runId: string) => {
    await designs().delete(runId);
    learned.delete(runId);
    known.delete(runId);
  };
  return {
    async get(table, key) {
      if (table === 'runs') return (await joined((await t('runs').get(key)) as StoredRunRow | undefined)) as never;
      return (await t(table).get(key)) as never;
    },
    async put(table, row) {
      await t(table).put(table === 'runs' ? await splitRun(row as RunRecord) : row);
    },
    async bulkPut(table, rows) {
      if (rows.length === 0) return;
      await t(table).bulkPut(table === 'runs' ? await Promise.all((rows as RunRecord[]).map(splitRun)) : rows);
    },
    async delete(table, key) {
      await t(table).delete(key);
      if (table === 'runs') await forget(String(Array.isArray(key) ? key[0] : key));
    },
    async query(table, index, q) {
      const c = collection(t(table), index, q);
      const rows = await (q.limit === undefined ? c : c.limit(q.limit)).toArray();
      if (table === 'runs') return (await Promise.all((rows as StoredRunRow[]).map(joined))) as never;
      return rows as never;
    },
    async count(table, index, q) {
      return collection(t(table), index, q).count();
    },
    abort() {
      try {
        trans.abort();
      } catch {
        // Committed (or committing) already: it is written whole.
      }
    },
    async deletePrefix(table, prefix: KeyPart[]) {
      const pk = t(table).schema.primKey;
      if (!pk.compound) {
        await t(table).delete(prefix[0]);
        if (table === 'runs') await forget(String(prefix[0]));
        return;
      }
      await t(table).where(':id').between([...prefix], [...prefix, Dexie.maxKey], true, true).delete();
    },
  };
}

/** One task later: IndexedDB's events queued meanwhile (request answers, a commit) are handled first. Faster than a 0 ms timer. */
let channel: { post(): void; waiting: (() => void)[] } | undefined;
function yieldTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    const { port1, port2 } = new MessageChannel();
    const waiting: (() => void)[] = [];
    port1.onmessage = () => waiting.shift()?.();
    // In node (tests, tools) an open port would keep the process alive.
    (port1 as { unref?(): void }).unref?.();
    channel = { waiting, post: () => port2.postMessage(null) };
  }
  const { waiting, post } = channel;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    post();
  });
}

/**
 * The engine's storage on Dexie. Each `transaction` is one IndexedDB transaction; the engine
 * awaits nothing but IndexedDB inside it. A transaction over the run rows also spans their design
 * snapshots (`runDesigns`, see runDesigns.ts).
 */
export function createDexieSimulationStore(db: SimulationDb): SimulationStore {
  const known: KnownDesigns = new Map();
  return {
    pause: yieldTask,
    async transaction(mode, tables, fn) {
      const scope = tables.includes('runs') ? [...tables, 'runDesigns'] : tables;
      const learned: KnownDesigns = new Map();
      const result = await db.transaction(mode === 'rw' ? 'rw' : 'r', scope.map((n) => db.table(n)), (trans) => fn(txFor(trans, known, learned)));
      // Only what committed is known: an aborted transaction's snapshot was never stored.
      for (const [runId, design] of learned) known.set(runId, design);
      return result;
    },
  };
}
