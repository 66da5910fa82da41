import { getOwn } from '../../../core';
import type { FlowDocument, PatternOverrides, RunStats } from '../../../core';

export type BadgeTone = 'neutral' | 'wait' | 'ok' | 'warn' | 'bad';

export interface NodeBadge {
  /** Short text on the node, e.g. "outbox 2 pending". */
  label: string;
  tone: BadgeTone;
  /** The longer explanation shown on hover. */
  title: string;
}

const n = (counts: Record<string, number>, id: string) => getOwn(counts, id) ?? 0;
/** 12345 → "12,345": badges stay readable on long runs. */
const f = (value: number) => value.toLocaleString('en');

/**
 * The live badges of one node, from the run's counters: outbox pending/sent for a producer;
 * queued/delivered/acked, inbox processed, duplicates skipped, retries and dead letters for a
 * consumer; publications for an event type; rows for a projection; plus its anomalies. Zero
 * counters that say nothing new are left out, so a quiet node stays quiet. Pure.
 */
export function nodeBadges(
  flow: FlowDocument, stats: RunStats, nodeId: string, anomalies: number, patterns: PatternOverrides = { outbox: {}, inbox: {} },
): NodeBadge[] {
  const badges: NodeBadge[] = [];
  const add = (label: string, tone: BadgeTone, title: string) => badges.push({ label, tone, title });
  const producer = flow.producers.find((p) => p.id === nodeId);
  const isProducer = producer !== undefined;
  const consumer = flow.consumers.find((c) => c.id === nodeId);
  // A switch flipped in Faults & patterns overrides the design for this run: say so on the node.
  const owner = producer ?? consumer;
  const outbox = owner ? getOwn(patterns.outbox, owner.id) : undefined;
  if (owner && outbox !== undefined && outbox !== (owner.publishMode === 'outbox')) {
    add(outbox ? 'outbox ON in this run' : 'dual write in this run', 'warn', 'Switched in Faults & patterns, for this run only');
  }
  const inbox = consumer ? getOwn(patterns.inbox, consumer.id) : undefined;
  if (consumer && inbox !== undefined && inbox !== consumer.useInbox) {
    add(inbox ? 'inbox ON in this run' : 'inbox OFF in this run', 'warn', 'Switched in Faults & patterns, for this run only');
  }
  const pending = n(stats.outboxPending, nodeId);
  const sent = n(stats.outboxSent, nodeId);
  if (isProducer || ((pending > 0 || sent > 0) && consumer)) {
    add(`outbox ${f(pending)} pending`, pending > 0 ? 'wait' : 'neutral', 'Outbox rows not yet marked sent by the relay');
    add(`${f(sent)} sent`, sent > 0 ? 'ok' : 'neutral', 'Outbox rows the relay published and marked sent');
  }
  if (consumer) {
    const queued = n(stats.queued, nodeId);
    const delivered = n(stats.delivered, nodeId) + n(stats.handled, nodeId);
    add(`${f(queued)} queued`, queued > 0 ? 'wait' : 'neutral', 'Messages waiting at the broker for this subscriber');
    add(`${f(delivered)} delivered`, delivered > 0 ? 'wait' : 'neutral', 'Delivered and not yet acknowledged');
    add(`${f(n(stats.acked, nodeId))} acked`, 'ok', 'Deliveries acknowledged');
    add(`inbox ${f(n(stats.inboxProcessed, nodeId))}`, 'neutral', 'Event ids recorded in the inbox (processed)');
    const dups = n(stats.duplicatesSkipped, nodeId);
    if (dups > 0) add(`${f(dups)} dup skipped`, 'warn', 'Duplicate deliveries the inbox skipped');
    const retries = n(stats.retries, nodeId);
    if (retries > 0) add(`${f(retries)} retries`, 'warn', 'Failed handling attempts, redelivered');
    const dead = n(stats.dead, nodeId);
    if (dead > 0) add(`${f(dead)} dead`, 'bad', 'Messages moved to dead letters after the retry limit');
  }
  if (flow.eventTypes.some((e) => e.id === nodeId)) {
    const published = n(stats.published, nodeId);
    if (published > 0) add(`${f(published)} published`, 'neutral', 'Messages of this type put on the broker (republishes count again)');
  }
  if (flow.projections.some((p) => p.id === nodeId)) {
    const rows = n(stats.projectionRows, nodeId);
    add(`${f(rows)} row${rows === 1 ? '' : 's'}`, 'neutral', 'Rows in this projection now');
  }
  if (anomalies > 0) add(`⚠ ${f(anomalies)} anomal${anomalies === 1 ? 'y' : 'ies'}`, 'bad', 'See the Anomalies panel');
  return badges;
}

/** Counts anomalies per node id, from anomaly rows. Pure. */
export function anomaliesByNode(rows: readonly { nodeIds: readonly string[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) for (const id of new Set(row.nodeIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
