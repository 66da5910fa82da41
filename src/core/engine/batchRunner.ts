import { advance } from './advance';
import type { FlowIndex } from './flowIndex';
import { MemoryTables, STEP_INDEXES } from './memoryStore';
import { TABLE_NAMES, type RunRecord, type TableName, type TraceRecord } from './records';
import { Rng } from './rng';
import type { SimulationStore, StoreTx } from './store';

export interface BatchProgress {
  steps: number;
  run: RunRecord;
}

export interface BatchResult {
  steps: number;
  quiet: boolean;
  run: RunRecord;
}

/** Someone else wrote the run while a batch was computed in memory: the batch is dropped and redone. */
class StaleCopy extends Error {}

const HELD = (Object.keys(STEP_INDEXES) as TableName[]).filter((t) => t !== 'runs');

async function loadCopy(store: SimulationStore, runId: string): Promise<{ tables: MemoryTables; base: string }> {
  return store.transaction('r', TABLE_NAMES, async (tx) => {
    const run = await tx.get('runs', runId);
    if (!run) throw new Error(`no simulation run for design "${runId}"`);
    const tables = new MemoryTables();
    tables.load('runs', [run]);
    for (const table of HELD) tables.load(table, await tx.query(table, ':id', { prefix: [runId] }));
    return { tables, base: JSON.stringify(run) };
  });
}

/** Writes the copy's changes; all requests are issued at once (IndexedDB runs them in order). */
async function flush(tx: StoreTx, tables: MemoryTables): Promise<void> {
  const writes: Promise<void>[] = [];
  for (const [table, { puts, deletes }] of tables.takeChanges()) {
    for (const key of deletes) writes.push(tx.delete(table, table === 'runs' ? String(key[0]) : key));
    writes.push(tx.bulkPut(table, puts as never[]));
  }
  await Promise.all(writes);
}

/**
 * Runs up to `maxSteps` micro-steps, `perTransaction` at a time: each batch is computed on an
 * in-memory copy of the run's tables and written in one IndexedDB transaction. The micro-steps and
 * the trace are exactly those of one transaction per step (the engine's tests check this); only the
 * commits are grouped. If the run row changed underneath (a fire, a settings change), the batch is
 * dropped and recomputed from the stored state.
 */
export async function runBatched(
  store: SimulationStore,
  runId: string,
  indexFor: (run: RunRecord) => FlowIndex,
  maxSteps: number,
  perTransaction: number,
  between?: (progress: BatchProgress) => Promise<void> | void,
): Promise<BatchResult> {
  let copy = await loadCopy(store, runId);
  let steps = 0;
  for (;;) {
    const tx = copy.tables.tx();
    // A copy: the held row may be shared with the store's own objects, and steps mutate the run.
    const run = structuredClone((await tx.get('runs', runId)) as RunRecord);
    const ctx = { tx, run, index: indexFor(run), rng: new Rng(run.rngState) };
    const trace: TraceRecord[] = [];
    const limit = Math.min(perTransaction, maxSteps - steps);
    while (trace.length < limit) {
      const row = await advance(ctx);
      if (!row) break;
      trace.push(row);
    }
    await tx.bulkPut('trace', trace);
    await tx.put('runs', run);
    try {
      const base = copy.base;
      await store.transaction('rw', TABLE_NAMES, async (db) => {
        if (JSON.stringify(await db.get('runs', runId)) !== base) throw new StaleCopy();
        await flush(db, copy.tables);
      });
      copy.base = JSON.stringify(run);
    } catch (error) {
      if (!(error instanceof StaleCopy)) throw error;
      copy = await loadCopy(store, runId);
      continue;
    }
    steps += trace.length;
    await between?.({ steps, run });
    if (run.quiet || trace.length === 0 || steps >= maxSteps) return { steps, quiet: run.quiet, run };
  }
}
