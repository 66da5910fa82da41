import type { FlowIndex } from './flowIndex';
import type { EngineMutants } from './mutants';
import type { RunRecord, TraceRecord } from './records';
import type { Rng } from './rng';
import type { StoreTx } from './store';

export { bump, countOf, total } from './counters';

/** What one micro-step works with: the open transaction, the run (mutated, written by the caller), lookups, randomness. */
export interface StepContext {
  tx: StoreTx;
  run: RunRecord;
  index: FlowIndex;
  rng: Rng;
  mutants: EngineMutants;
}

/** What a micro-step reports; the caller numbers it and stores it in the trace. */
export type StepReport = Omit<TraceRecord, 'runId' | 'step' | 'clock' | 'phase'> & { phase: NonNullable<TraceRecord['phase']> };

/** The simulated clock as ISO text. Pure. */
export function isoAt(clock: number): string {
  return new Date(clock).toISOString();
}

/** Short form of a long id for plain-words text (uuids shortened to 8 characters). Pure. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(id) ? `${id.slice(0, 8)}…` : id;
}

/** Marks the run as having moved forward at this step (for the not-converging verdict). */
export function progressed(ctx: StepContext): void {
  ctx.run.stats.progressStep = ctx.run.step;
}
