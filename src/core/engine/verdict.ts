/**
 * Why a long run stops, detected from the run's state: quiet; not converging (an emit cycle, or
 * nothing moved forward for a long time); waiting (only waiting is left, for longer than the
 * caller wants to wait); or the step limit.
 */
import { total } from './counters';
import { waitingFor } from './scheduler';
import type { RunRecord, RunVerdict, TraceRecord } from './records';
import type { StoreTx } from './store';

/** A causal chain this deep means events keep causing events: an emit cycle. */
export const CYCLE_DEPTH = 64;
/** Steps without a finished command, an appended event, a row marked sent, an applied handling or a dead letter: not converging. */
export const NO_PROGRESS_STEPS = 5_000;

/** What is still pending, in plain words. Pure. */
export function pendingSummary(run: RunRecord): string {
  const s = run.stats;
  const parts = [
    s.commandsPending > 0 ? `${s.commandsPending} command(s)` : '',
    total(s.outboxPending) > 0 ? `${total(s.outboxPending)} outbox row(s)` : '',
    total(s.directPending) > 0 ? `${total(s.directPending)} direct publish(es) in memory` : '',
    total(s.queued) > 0 ? `${total(s.queued)} queued message(s)` : '',
    total(s.inFlight) > 0 ? `${total(s.inFlight)} unacknowledged message(s)` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** The verdict to stop on after a step, if any (undefined: go on). Pure. */
export function stopVerdict(run: RunRecord, row: TraceRecord | undefined, maxWaitSteps: number): RunVerdict | undefined {
  if (!row || run.quiet) return { kind: 'quiet', message: `quiet after step ${run.step}: nothing left to do`, step: run.step };
  if (run.stats.maxDepth > CYCLE_DEPTH) return { kind: 'not-converging', message: `not converging: events keep causing events (a causal chain ${run.stats.maxDepth} deep)`, step: run.step };
  if (row.kind === 'wait') {
    const waiting = waitingFor(run, run.step);
    if (waiting.until - run.step > maxWaitSteps) {
      const what = waiting.text.startsWith('relay') ? `relay down: waiting until step ${waiting.until}` : `waiting until step ${waiting.until} for an ack deadline`;
      return { kind: 'waiting', message: `${what} (${waiting.until - run.step} steps); run until quiet again to wait it out, or change the faults`, step: run.step };
    }
  }
  // Waiting (relay down, an ack deadline) is not "no progress": it ends by itself.
  if (row.kind !== 'wait' && run.step - run.stats.progressStep > NO_PROGRESS_STEPS) {
    const relay = run.stats.relayCrashes > 0 ? `; the relay crashed ${run.stats.relayCrashes} time(s) before marking rows sent` : '';
    return { kind: 'not-converging', message: `not converging: nothing moved forward for ${NO_PROGRESS_STEPS.toLocaleString('en')} steps; pending: ${pendingSummary(run)}${relay}`, step: run.step };
  }
  return undefined;
}

/**
 * Names the consumers of an emit cycle from the deepest event's causation chain ("an emit cycle
 * through A → B → A"), reading the chain back through the event store.
 */
export async function describeCycle(tx: StoreTx, run: RunRecord, names: (id: string) => string): Promise<string> {
  const eventById = async (eventId: string) => (await tx.query('events', '[runId+eventId]', { prefix: [run.runId, eventId], limit: 1 }))[0];
  let event = await eventById(run.stats.deepestEventId);
  const chain: string[] = [];
  for (let i = 0; event && i < 2 * CYCLE_DEPTH; i++) {
    chain.push(event.sourceId);
    event = await eventById(event.causationId);
  }
  const order = chain.reverse();
  for (let start = 0; start < order.length; start++) {
    const again = order.indexOf(order[start] as string, start + 1);
    if (again > start) {
      const cycle = order.slice(start, again + 1).map(names);
      return `not converging: an emit cycle through ${cycle.join(' → ')} (a causal chain ${run.stats.maxDepth} deep)`;
    }
  }
  return `not converging: events keep causing events (a causal chain ${run.stats.maxDepth} deep)`;
}

/** The verdict when the step budget ran out. Pure. */
export function stepLimitVerdict(run: RunRecord, maxSteps: number): RunVerdict {
  return { kind: 'step-limit', message: `stopped after ${maxSteps.toLocaleString('en')} steps, not quiet; pending: ${pendingSummary(run)}`, step: run.step };
}
