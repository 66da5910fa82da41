import { advance } from './advance';
import type { FlowIndex } from './flowIndex';
import { MemoryTables, STEP_INDEXES } from './memoryStore';
import type { EngineMutants } from './mutants';
import { TABLE_NAMES, type RunRecord, type RunVerdict, type TableName, type TraceRecord } from './records';
import { Rng } from './rng';
import type { SimulationStore, StoreTx } from './store';
import { describeCycle, stepLimitVerdict, stopVerdict } from './verdict';

export interface BatchProgress {
  steps: number;
  run: RunRecord;
}

export interface BatchResult {
  steps: number;
  quiet: boolean;
  run: RunRecord;
  /** Why it stopped, in plain words (also written to `run.verdict`). */
  verdict: RunVerdict;
}

export interface BatchLimits {
  maxSteps: number;
  perTransaction: number;
  /** Stop (verdict `waiting`) when only waiting is left and it would last longer than this. */
  maxWaitSteps: number;
}

/**
 * One batch inside the caller's transaction: steps until the batch is full or a verdict says stop;
 * writes the trace rows and the run row (with the verdict, if any).
 */
async function batch(tx: StoreTx, run: RunRecord, index: FlowIndex, mutants: EngineMutants, limits: BatchLimits, done: number): Promise<{ trace: TraceRecord[]; verdict?: RunVerdict }> {
  const ctx = { tx, run, index, rng: new Rng(run.rngState), mutants };
  const trace: TraceRecord[] = [];
  const limit = Math.min(limits.perTransaction, limits.maxSteps - done);
  let verdict: RunVerdict | undefined;
  while (trace.length < limit && !verdict) {
    const row = await advance(ctx);
    if (row) trace.push(row);
    verdict = stopVerdict(run, row, limits.maxWaitSteps);
  }
  if (verdict?.kind === 'not-converging' && run.stats.maxDepth > 0 && verdict.message.includes('causal chain')) {
    verdict = { ...verdict, message: await describeCycle(tx, run, (id) => index.nodeName(id)) };
  }
  if (!verdict && done + trace.length >= limits.maxSteps) verdict = stepLimitVerdict(run, limits.maxSteps);
  if (verdict) run.verdict = verdict;
  await tx.bulkPut('trace', trace);
  await tx.put('runs', run);
  return { trace, verdict };
}

/** Long runs on an in-process store: each batch steps straight on it in one of its transactions. */
async function runDirect(
  store: SimulationStore, runId: string, indexFor: (run: RunRecord) => FlowIndex, mutants: EngineMutants, limits: BatchLimits,
  between?: (progress: BatchProgress) => Promise<void> | void,
): Promise<BatchResult> {
  let steps = 0;
  for (;;) {
    const { run, trace, verdict } = await store.transaction('rw', TABLE_NAMES, async (tx) => {
      const run = await tx.get('runs', runId);
      if (!run) throw new Error(`no simulation run for design "${runId}"`);
      return { run, ...(await batch(tx, run, indexFor(run), mutants, limits, steps)) };
    });
    steps += trace.length;
    await between?.({ steps, run });
    if (verdict) return { steps, quiet: run.quiet, run, verdict };
  }
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
    for (const key of deletes) writes.push(tx.delete(table, table === 'runs' || table === 'reports' ? String(key[0]) : key));
    writes.push(tx.bulkPut(table, puts as never[]));
  }
  await Promise.all(writes);
}

/**
 * Runs micro-steps, `perTransaction` at a time: each batch is computed on an in-memory copy of the
 * run's tables and written in one IndexedDB transaction. The micro-steps and the trace are exactly
 * those of one transaction per step (the engine's tests check this); only the commits are grouped.
 * If the run row changed underneath (a fire, a settings change), the batch is dropped and recomputed
 * from the stored state. Stops when quiet, at the step limit, or with a verdict (see verdict.ts).
 */
export async function runBatched(
  store: SimulationStore,
  runId: string,
  indexFor: (run: RunRecord) => FlowIndex,
  mutants: EngineMutants,
  limits: BatchLimits,
  between?: (progress: BatchProgress) => Promise<void> | void,
): Promise<BatchResult> {
  if (store.direct) return runDirect(store, runId, indexFor, mutants, limits, between);
  let copy = await loadCopy(store, runId);
  let steps = 0;
  for (;;) {
    const tx = copy.tables.tx();
    // A copy: the held row may be shared with the store's own objects, and steps mutate the run.
    const run = structuredClone((await tx.get('runs', runId)) as RunRecord);
    const { trace, verdict } = await batch(tx, run, indexFor(run), mutants, limits, steps);
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
    if (verdict) return { steps, quiet: run.quiet, run, verdict };
  }
}
