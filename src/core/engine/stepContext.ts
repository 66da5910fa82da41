import { getOwn, setOwn } from '../model/ownKeys';
import type { FlowIndex } from './flowIndex';
import type { CountsByNode, RunRecord, RunStats, TraceRecord } from './records';
import type { Rng } from './rng';
import type { StoreTx } from './store';

/** What one micro-step works with: the open transaction, the run (mutated, written by the caller), lookups, randomness. */
export interface StepContext {
  tx: StoreTx;
  run: RunRecord;
  index: FlowIndex;
  rng: Rng;
}

/** What a micro-step reports; the caller numbers it and stores it in the trace. */
export type StepReport = Omit<TraceRecord, 'runId' | 'step' | 'clock'>;

/** Adds delta to a per-node counter. */
export function bump(counts: CountsByNode, nodeId: string, delta = 1): void {
  setOwn(counts, nodeId, (getOwn(counts, nodeId) ?? 0) + delta);
}

/** Sum of a per-node counter. Pure. */
export function total(counts: CountsByNode): number {
  let sum = 0;
  for (const value of Object.values(counts)) sum += value;
  return sum;
}

/** The simulated clock as ISO text. Pure. */
export function isoAt(clock: number): string {
  return new Date(clock).toISOString();
}

/** Fresh counters for a new run. Pure. */
export function emptyStats(): RunStats {
  return {
    commandsPending: 0,
    commandsHandled: 0,
    commandsRejected: 0,
    outboxPending: {},
    outboxSent: {},
    outboxPublishing: 0,
    queued: {},
    delivered: {},
    handled: {},
    acked: {},
    dead: {},
    retries: {},
    inboxProcessed: {},
    duplicatesSkipped: {},
    projectionRows: {},
    published: {},
    directPending: 0,
    events: 0,
    anomalies: 0,
    stuckOutbox: 0,
  };
}

/** Short form of a long id for plain-words text (uuids shortened to 8 characters). Pure. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(id) ? `${id.slice(0, 8)}…` : id;
}
