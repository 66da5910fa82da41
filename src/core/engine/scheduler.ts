import type { RunRecord } from './records';
import type { Rng } from './rng';
import { total } from './stepContext';

/** The kinds of pending work, one micro-step each. */
export type WorkKind = 'command' | 'relay-publish' | 'relay-mark-sent' | 'direct-publish' | 'deliver' | 'handle' | 'ack';

export const WORK_KINDS: readonly WorkKind[] = ['command', 'relay-publish', 'relay-mark-sent', 'direct-publish', 'deliver', 'handle', 'ack'];

/** Whether the relay is down at a step (the relay-down fault). Pure. */
export function relayIsDown(run: Pick<RunRecord, 'settings'>, step: number): boolean {
  const down = run.settings.faults.relayDown;
  return down !== null && step > down.fromStep && step <= down.fromStep + down.steps;
}

/** Work available per kind, from the run's counters. `blocked`: outbox work the relay cannot do now. Pure. */
export function pendingWork(run: RunRecord, step: number): { available: WorkKind[]; blocked: boolean } {
  const s = run.stats;
  const publishable = total(s.outboxPending) - s.outboxPublishing;
  const down = relayIsDown(run, step);
  const counts: Record<WorkKind, number> = {
    command: s.commandsPending,
    'relay-publish': down ? 0 : publishable,
    'relay-mark-sent': s.outboxPublishing,
    'direct-publish': s.directPending,
    deliver: total(s.queued),
    handle: total(s.delivered),
    ack: total(s.handled),
  };
  return {
    available: WORK_KINDS.filter((k) => counts[k] > 0),
    blocked: down && publishable > 0,
  };
}

/**
 * Picks the next micro-step: one of the kinds with pending work, uniformly at random from the
 * run's seeded source, so that commands, relays, the broker and consumers interleave differently
 * per seed but identically for the same seed. Returns undefined when nothing is available.
 */
export function chooseWork(available: readonly WorkKind[], rng: Rng): WorkKind | undefined {
  if (available.length === 0) return undefined;
  if (available.length === 1) return available[0];
  return rng.pick(available);
}

/** Whether a run has nothing left to do: no command, outbox row, publish or delivery pending. Pure. */
export function isQuiet(run: RunRecord): boolean {
  const s = run.stats;
  return s.commandsPending === 0 && total(s.outboxPending) === 0 && s.directPending === 0 &&
    total(s.queued) === 0 && total(s.delivered) === 0 && total(s.handled) === 0;
}
