import Dexie, { type Table, type Transaction } from 'dexie';
import type { IndexQuery, KeyPart, SimulationStore, StoreTx, TableName } from '../../core';
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

/** Operations bound to one Dexie transaction explicitly (not through Dexie's zone), so nested async helpers are safe. */
function txFor(trans: Transaction): StoreTx {
  const t = (name: TableName) => trans.table(name) as AnyTable;
  return {
    async get(table, key) {
      return (await t(table).get(key)) as never;
    },
    async put(table, row) {
      await t(table).put(row);
    },
    async bulkPut(table, rows) {
      if (rows.length > 0) await t(table).bulkPut(rows);
    },
    async delete(table, key) {
      await t(table).delete(key);
    },
    async query(table, index, q) {
      const c = collection(t(table), index, q);
      return (await (q.limit === undefined ? c : c.limit(q.limit)).toArray()) as never;
    },
    async count(table, index, q) {
      return collection(t(table), index, q).count();
    },
    async deletePrefix(table, prefix: KeyPart[]) {
      const pk = t(table).schema.primKey;
      if (!pk.compound) {
        await t(table).delete(prefix[0]);
        return;
      }
      await t(table).where(':id').between([...prefix], [...prefix, Dexie.maxKey], true, true).delete();
    },
  };
}

/**
 * The engine's storage on Dexie. Each `transaction` is one IndexedDB transaction; the engine
 * awaits nothing but IndexedDB inside it.
 */
export function createDexieSimulationStore(db: SimulationDb): SimulationStore {
  return {
    transaction(mode, tables, fn) {
      return db.transaction(mode === 'rw' ? 'rw' : 'r', tables.map((n) => db.table(n)), (trans) => fn(txFor(trans)));
    },
  };
}
