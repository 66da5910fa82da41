import { advance } from './advance';
import type { FlowIndex } from './flowIndex';
import type { EngineMutants } from './mutants';
import { TABLE_NAMES, type RunRecord, type RunVerdict, type TraceRecord } from './records';
import { Rng } from './rng';
import { oneOffCopies, StaleCopy, type CopyHolder } from './runCopy';
import type { SimulationStore, StoreTx } from './store';
import { describeCycle, stepLimitVerdict, stopVerdict } from './verdict';

export interface BatchProgress {
  steps: number;
  run: RunRecord;
  /** The batch's last trace row (what a view shows as the last step, without reading it). */
  trace?: TraceRecord;
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
  /**
   * Run `between` of a batch while the next batch is written (a UI paints while IndexedDB commits).
   * A stop thrown there aborts that write unless it already committed: the run stops at a batch
   * boundary either way, nothing half-written.
   */
  overlap?: boolean;
}

/**
 * Micro-steps computed between two pauses while a commit is in flight. A batch computed ahead runs as
 * one chain of promise callbacks: IndexedDB's answers to the commit in flight (tasks) wait until it
 * ends, and the commit with them. Letting them in every few dozen steps lets the commit finish while
 * the batch is computed (the store's `pause`: a task of its own, costs a fraction of a millisecond).
 */
const PAUSE_EVERY_STEPS = 25;

/**
 * One batch inside the caller's transaction: steps until the batch is full or a verdict says stop;
 * writes the trace rows and the run row (with the verdict, if any).
 */
async function batch(
  tx: StoreTx, run: RunRecord, index: FlowIndex, mutants: EngineMutants, limits: BatchLimits, done: number, pause?: () => Promise<void>,
): Promise<{ trace: TraceRecord[]; verdict?: RunVerdict }> {
  const ctx = { tx, run, index, rng: new Rng(run.rngState), mutants };
  const trace: TraceRecord[] = [];
  const limit = Math.min(limits.perTransaction, limits.maxSteps - done);
  let verdict: RunVerdict | undefined;
  let steps = 0;
  while (trace.length < limit && !verdict) {
    // Now and then the store's events are let in: the previous batch's commit completes while this one is computed.
    if (pause && ++steps % PAUSE_EVERY_STEPS === 0) await pause();
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
    await between?.({ steps, run, trace: trace[trace.length - 1] });
    if (verdict) return { steps, quiet: run.quiet, run, verdict };
  }
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
  copies: CopyHolder = oneOffCopies(),
): Promise<BatchResult> {
  if (store.direct) return runDirect(store, runId, indexFor, mutants, limits, between);
  let copy = await copies.take(store, runId);
  let steps = 0;
  /** The next batch, computed on the copy (not yet written); `ahead` while a commit is in flight. */
  const compute = async (done: number, ahead = false) => {
    const run = await copy.run();
    return { run, ...(await batch(copy.tables.tx(), run, indexFor(run), mutants, limits, done, ahead ? store.pause : undefined)) };
  };
  let next = await compute(steps);
  /** With `overlap`: `between` of the batch before `current`, still running while `current` is written. */
  let pending: Promise<void> | undefined;
  for (;;) {
    const current = next;
    const commit = copy.commit(store, current.run);
    // Pipelined: while IndexedDB commits this batch, the next one is computed on the copy. It is
    // written only after `between` heard of this one (a stop thrown there drops it unwritten).
    await commit.issued;
    const ahead = current.verdict ? undefined : compute(steps + current.trace.length, true);
    if (pending) {
      const heard = pending;
      pending = undefined;
      try {
        await heard;
      } catch (error) {
        // Stopped while this batch was being written: aborted if it has not committed (else it is whole).
        commit.abort();
        await commit.done.catch(() => undefined);
        await ahead?.catch(() => undefined);
        copies.drop();
        throw error;
      }
    }
    try {
      await commit.done;
    } catch (error) {
      await ahead?.catch(() => undefined);
      copies.drop();
      if (!(error instanceof StaleCopy)) throw error;
      copy = await copies.take(store, runId);
      next = await compute(steps);
      continue;
    }
    steps += current.trace.length;
    const progress = { steps, run: current.run, trace: current.trace[current.trace.length - 1] };
    if (limits.overlap && ahead && between) {
      const running = Promise.resolve().then(() => between(progress));
      running.catch(() => undefined); // heard above, once the next batch is issued
      pending = running;
      next = await ahead;
      continue;
    }
    try {
      await between?.(progress);
    } catch (error) {
      // The batch computed ahead is in the copy but not in the store: the copy is no longer the store's.
      await ahead?.catch(() => undefined);
      if (!ahead) copies.keep(copy);
      throw error;
    }
    if (current.verdict) {
      copies.keep(copy);
      return { steps, quiet: current.run.quiet, run: current.run, verdict: current.verdict };
    }
    next = await (ahead as ReturnType<typeof compute>);
  }
}
