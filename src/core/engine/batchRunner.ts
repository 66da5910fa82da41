import { advance } from './advance';
import type { FlowIndex } from './flowIndex';
import type { EngineMutants } from './mutants';
import { TABLE_NAMES, type RunRecord, type RunVerdict, type TraceRecord } from './records';
import { Rng } from './rng';
import { oneOffCopies, StaleCopy, type CopyCommit, type CopyHolder } from './runCopy';
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

/** A batch computed on the copy: its run row, its trace rows and the verdict that ends the run, if any. */
interface Batch {
  run: RunRecord;
  trace: TraceRecord[];
  verdict?: RunVerdict;
}

/**
 * Runs micro-steps, `perTransaction` at a time: each batch is computed on an in-memory copy of the
 * run's tables and written in one IndexedDB transaction. The micro-steps and the trace are exactly
 * those of one transaction per step (the engine's tests check this); only the commits are grouped.
 * If the run row changed underneath (a fire, a settings change), the batch is dropped and recomputed
 * from the stored state. Stops when quiet, at the step limit, or with a verdict (see verdict.ts).
 *
 * Pipelined: while IndexedDB writes one batch, the next is computed on the copy; without a
 * `between` that must hear of a batch before the next is written (i.e. with none, or with
 * `overlap`), the next batch is also issued before the one in flight is done, so that IndexedDB
 * never waits for the engine to serialize it. Such a batch is chained: its transaction finds the
 * run row of the one before it or aborts as stale (nothing written), so a failed batch takes the
 * ones after it with it, and they are recomputed from what the store holds.
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
  /** Steps written and heard of by `between`; steps computed on the copy (written or in flight, or not yet issued). */
  let steps = 0;
  let computed = 0;
  const compute = async (ahead = false): Promise<Batch> => {
    const run = await copy.run();
    const result = await batch(copy.tables.tx(), run, indexFor(run), mutants, limits, computed, ahead ? store.pause : undefined);
    computed += result.trace.length;
    return { run, ...result };
  };
  const chain = !between || !!limits.overlap;
  /** Batches issued and not yet known to be written, oldest first (at most two, with `chain`). */
  const inFlight: { batch: Batch; commit: CopyCommit }[] = [];
  /** Stops everything in flight: aborted where not committed yet (a batch is written whole or not at all). */
  const abandon = async (ahead: Promise<Batch> | undefined) => {
    for (const { commit } of inFlight) commit.abort();
    for (const { commit } of inFlight.splice(0)) await commit.done.catch(() => undefined);
    await ahead?.catch(() => undefined);
    copies.drop();
  };
  /** With `overlap`: `between` of the last batch written, still running while later ones are written. */
  let pending: Promise<void> | undefined;
  let next: Promise<Batch> | undefined = compute();
  for (;;) {
    const current = await (next as Promise<Batch>);
    const commit = copy.commit(store, current.run);
    await commit.issued;
    inFlight.push({ batch: current, commit });
    const ahead = current.verdict ? undefined : compute(true);
    next = ahead;
    // Settles the batches that must be written before going on: with `chain`, all but the one just
    // issued while another is computed; else all.
    while (inFlight.length > (chain && ahead ? 1 : 0)) {
      const { batch: written, commit: writing } = inFlight[0] as (typeof inFlight)[number];
      if (pending) {
        const heard = pending;
        pending = undefined;
        try {
          await heard;
        } catch (error) {
          // Stopped while later batches were being written: aborted where not committed (else whole).
          await abandon(ahead);
          throw error;
        }
      }
      try {
        await writing.done;
      } catch (error) {
        // The batches chained on this one fail with it (stale): recomputed from the store.
        await abandon(ahead);
        if (!(error instanceof StaleCopy)) throw error;
        copy = await copies.take(store, runId);
        computed = steps;
        next = compute();
        break;
      }
      inFlight.shift();
      steps += written.trace.length;
      const progress = { steps, run: written.run, trace: written.trace[written.trace.length - 1] };
      if (limits.overlap && between && (ahead || inFlight.length > 0)) {
        const running = Promise.resolve().then(() => between(progress));
        running.catch(() => undefined); // heard above, once the next batch is issued
        pending = running;
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
      if (written.verdict) {
        copies.keep(copy);
        return { steps, quiet: written.run.quiet, run: written.run, verdict: written.verdict };
      }
    }
  }
}
