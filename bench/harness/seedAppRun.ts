// A long run in the app's own database, made fast: the engine runs on the in-memory store while a
// recording wrapper keeps every write; the writes are then replayed, in order and in big batches,
// into the app's IndexedDB (`efd-simulation`) through the Dexie store. The result is exactly the
// run the engine would have written there itself, in a fraction of the time, so the panels can be
// measured on a 100,000-row log within the bench's budget.
import {
  createMemorySimulationStore, createSimulationEngine, SIMULATION_SCHEMA,
  type SimulationStore, type SimulationTables, type StoreTx, type TableName,
} from '../../src/core';
import { designs } from './designs';
import { createDexieSimulationStore, openSimulationEngine, simulationDb } from '../../src/persistence/simulation';

type Write =
  | { op: 'put'; table: TableName; rows: SimulationTables[TableName][] }
  | { op: 'delete'; table: TableName; key: Parameters<StoreTx['delete']>[1] }
  | { op: 'deletePrefix'; table: TableName; prefix: Parameters<StoreTx['deletePrefix']>[1] };

/** A store that records every write it passes on (copies: the engine may reuse the objects it put). */
function recording(inner: SimulationStore, writes: Write[]): SimulationStore {
  return {
    transaction: (mode, tables, fn) => inner.transaction(mode, tables, (tx) => fn({
      ...tx,
      put: (table, row) => { writes.push({ op: 'put', table, rows: [structuredClone(row)] }); return tx.put(table, row); },
      bulkPut: (table, rows) => { writes.push({ op: 'put', table, rows: structuredClone(rows) }); return tx.bulkPut(table, rows); },
      delete: (table, key) => { writes.push({ op: 'delete', table, key }); return tx.delete(table, key); },
      deletePrefix: (table, prefix) => { writes.push({ op: 'deletePrefix', table, prefix }); return tx.deletePrefix(table, prefix); },
    })),
  };
}

const BATCH_ROWS = 20_000;

/** The primary key of a row, as text, from the table's key path in SIMULATION_SCHEMA (e.g. `[runId+seq]`). */
function primaryKeyOf(table: TableName): (row: SimulationTables[TableName]) => string {
  const paths = (SIMULATION_SCHEMA[table].split(',')[0] ?? '').trim().replace(/^\[|\]$/g, '').split('+');
  return (row) => JSON.stringify(paths.map((path) => (row as unknown as Record<string, unknown>)[path]));
}

/**
 * The same writes with each row put only in its last state: a row whose status changed ten times
 * is written once. Puts never move across a delete, so the final state is the same.
 */
function coalesce(writes: readonly Write[]): Write[] {
  const out: Write[] = [];
  let pending = new Map<TableName, Map<string, SimulationTables[TableName]>>();
  const flush = () => {
    for (const [table, rows] of pending) out.push({ op: 'put', table, rows: [...rows.values()] });
    pending = new Map();
  };
  for (const write of writes) {
    if (write.op !== 'put') {
      flush();
      out.push(write);
      continue;
    }
    const keyOf = primaryKeyOf(write.table);
    let rows = pending.get(write.table);
    if (!rows) pending.set(write.table, (rows = new Map()));
    for (const row of write.rows) {
      const key = keyOf(row);
      rows.delete(key);
      rows.set(key, row);
    }
  }
  flush();
  return out;
}

async function replay(all: readonly Write[], target: SimulationStore): Promise<number> {
  const writes = coalesce(all);
  let rows = 0;
  let i = 0;
  while (i < writes.length) {
    // Consecutive puts go out together, per table, up to a batch; deletes keep their place in the order.
    const batch: Write[] = [];
    let size = 0;
    while (i < writes.length && size < BATCH_ROWS) {
      const write = writes[i]!;
      // A big put is split so that no transaction grows without bound.
      if (write.op === 'put' && write.rows.length > BATCH_ROWS - size) {
        const room = Math.max(1, BATCH_ROWS - size);
        batch.push({ ...write, rows: write.rows.slice(0, room) });
        writes[i] = { ...write, rows: write.rows.slice(room) };
        size += room;
        if (writes[i]!.op === 'put' && (writes[i] as { rows: unknown[] }).rows.length === 0) i++;
        continue;
      }
      batch.push(write);
      size += write.op === 'put' ? write.rows.length : 1;
      i++;
    }
    const tables = [...new Set(batch.map((w) => w.table))];
    await target.transaction('rw', tables, async (tx) => {
      let pending: { table: TableName; rows: SimulationTables[TableName][] } | undefined;
      const flush = async () => {
        if (pending) await tx.bulkPut(pending.table, pending.rows);
        pending = undefined;
      };
      for (const write of batch) {
        if (write.op === 'put') {
          if (pending && pending.table !== write.table) await flush();
          pending ??= { table: write.table, rows: [] };
          pending.rows.push(...write.rows);
          rows += write.rows.length;
        } else {
          await flush();
          if (write.op === 'delete') await tx.delete(write.table, write.key);
          else await tx.deletePrefix(write.table, write.prefix);
        }
      }
      await flush();
    });
  }
  return rows;
}

export interface SeededRun {
  designId: string;
  commands: number;
  steps: number;
  traceRows: number;
  writtenRows: number;
  seconds: number;
}

/**
 * Replaces the run of the saved design `designId` in the app's database by a quiet run of
 * `commands` commands (seeded), computed on the in-memory store and replayed into IndexedDB.
 */
export async function seedAppRun(designId: string, commands: number, seed = 7): Promise<SeededRun> {
  const t = performance.now();
  const loaded = await designs().loadDesign(designId);
  const flow = loaded.status === 'ok' ? loaded.design.doc : undefined;
  if (!flow) throw new Error(`no saved design "${designId}" in this browser`);
  await openSimulationEngine().deleteRun(designId);
  const writes: Write[] = [];
  const engine = createSimulationEngine(recording(createMemorySimulationStore(), writes));
  await engine.startRun(flow, { seed });
  await engine.fireMany(flow.id, { count: commands });
  const result = await engine.runUntilQuiet(flow.id);
  const writtenRows = await replay(writes, createDexieSimulationStore(simulationDb()));
  const counts = await openSimulationEngine().counts(designId);
  return {
    designId, commands, steps: result.steps, traceRows: counts.trace, writtenRows,
    seconds: Number(((performance.now() - t) / 1000).toFixed(1)),
  };
}
