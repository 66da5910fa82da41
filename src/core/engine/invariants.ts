import type { AnomalyRecord, OutboxRecord } from './records';
import { total, type StepContext } from './stepContext';

export type AnomalyInput = Pick<AnomalyRecord, 'id' | 'kind' | 'eventIds' | 'nodeIds' | 'message'>;

/** Adds or updates an invariant report entry (same id: updated in place, keeping its place in the list). */
export async function recordAnomaly(ctx: StepContext, input: AnomalyInput): Promise<void> {
  const { run, tx } = ctx;
  const existing = await tx.get('anomalies', [run.runId, input.id]);
  if (!existing) {
    run.stats.anomalies += 1;
    if (input.kind === 'stuck-outbox') run.stats.stuckOutbox += 1;
  }
  await tx.put('anomalies', { runId: run.runId, seq: existing?.seq ?? ++run.seq.anomaly, step: run.step, ...input });
}

/** "twice", "3 times". Pure. */
export function times(n: number): string {
  return n === 2 ? 'twice' : `${n} times`;
}

/** Publish attempts after which a row the relay keeps failing to mark sent counts as stuck. */
export const STUCK_PUBLISH_ATTEMPTS = 3;

/**
 * Whether an outbox row is stuck: pending for more than `afterSteps` steps while the relay is down,
 * or published again and again without being marked sent. A plain backlog (the relay busy with
 * older rows) is not stuck. Pure.
 */
export function isStuck(row: OutboxRecord, step: number, afterSteps: number, relayDown: boolean): boolean {
  if (row.status === 'sent' || step - row.createdStep <= afterSteps) return false;
  return relayDown || row.publishAttempts >= STUCK_PUBLISH_ATTEMPTS;
}

/** Groups outbox rows that count as stuck by owner. Pure. */
export function stuckByOwner(rows: readonly OutboxRecord[], step: number, afterSteps: number, relayDown: boolean): Map<string, OutboxRecord[]> {
  const byOwner = new Map<string, OutboxRecord[]>();
  for (const row of rows) {
    if (!isStuck(row, step, afterSteps, relayDown)) continue;
    byOwner.set(row.ownerId, [...(byOwner.get(row.ownerId) ?? []), row]);
  }
  return byOwner;
}

const STUCK_SCAN = 200;

/**
 * Brings the stuck-outbox entries of the report up to date: one entry per owner whose oldest
 * pending rows are older than the run's threshold; entries whose outbox drained are removed.
 */
export async function refreshStuckOutbox(ctx: StepContext, relayDown: boolean): Promise<void> {
  const { run, tx } = ctx;
  if (run.stats.stuckOutbox === 0 && total(run.stats.outboxPending) === 0) return;
  const threshold = run.settings.stuckOutboxAfterSteps;
  if (run.stats.stuckOutbox === 0) {
    const [head] = await tx.query('outbox', '[runId+status+seq]', { prefix: [run.runId, 'pending'], limit: 1 });
    if (!head || !isStuck(head, run.step, threshold, relayDown)) return;
  }
  const oldest = await tx.query('outbox', '[runId+status+seq]', {
    prefix: [run.runId, 'pending'],
    limit: STUCK_SCAN,
  });
  const stuck = stuckByOwner(oldest, run.step, threshold, relayDown);
  const previous = run.stats.stuckOutbox === 0
    ? []
    : await tx.query('anomalies', '[runId+kind+seq]', { prefix: [run.runId, 'stuck-outbox'] });
  for (const entry of previous) {
    const owner = entry.nodeIds[0] ?? '';
    if (!stuck.has(owner)) {
      await tx.delete('anomalies', [run.runId, entry.id]);
      run.stats.anomalies -= 1;
      run.stats.stuckOutbox -= 1;
    }
  }
  for (const [ownerId, rows] of stuck) {
    const first = rows[0];
    if (!first) continue;
    const count = rows.length >= STUCK_SCAN ? `${rows.length}+` : String(rows.length);
    const id = `stuck-outbox:${ownerId}`;
    const why = relayDown ? 'the relay is down' : `published ${first.publishAttempts} times, never marked sent`;
    const message = `${ctx.index.nodeName(ownerId)} outbox: ${count} row(s) pending for more than ${threshold} steps (oldest ${first.eventTypeName} ${first.eventId}): ${why}`;
    const existing = previous.find((p) => p.id === id);
    if (existing?.message === message) continue;
    await recordAnomaly(ctx, {
      id,
      kind: 'stuck-outbox',
      eventIds: rows.slice(0, 20).map((r) => r.eventId),
      nodeIds: [ownerId, ...new Set(rows.map((r) => r.eventTypeId))],
      message,
    });
  }
}
