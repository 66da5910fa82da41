import { countOf, getOwn, type FlowDocument, type RunSettings, type RunStats } from '../../../core';
import type { RunOverrides } from '../../../canvas/RunOverlayContext';

export type BadgeTone = 'neutral' | 'wait' | 'ok' | 'warn' | 'bad';

export interface NodeBadge {
  /** Short text on the node, e.g. "outbox 2 pending". */
  label: string;
  tone: BadgeTone;
  /** The longer explanation shown on hover. */
  title: string;
  /** Takes a line of its own on the card. */
  line?: boolean;
}

const n = countOf;
/** 12345 → "12,345": badges stay readable on long runs. */
const f = (value: number) => value.toLocaleString('en');

/**
 * The live badges of one node, from the run's counters: outbox pending/sent for a producer;
 * queued/delivered/acked, inbox processed, duplicates skipped, retries and dead letters for a
 * consumer; publications for an event type; rows for a projection; plus its anomalies. Zero
 * counters that say nothing new are left out, so a quiet node stays quiet. Pure.
 */
export function nodeBadges(flow: FlowDocument, stats: RunStats, nodeId: string, anomalies: number): NodeBadge[] {
  const badges: NodeBadge[] = [];
  const add = (label: string, tone: BadgeTone, title: string) => badges.push({ label, tone, title });
  const producer = flow.producers.find((p) => p.id === nodeId);
  const isProducer = producer !== undefined;
  const consumer = flow.consumers.find((c) => c.id === nodeId);
  const pending = n(stats.outboxPending, nodeId);
  const sent = n(stats.outboxSent, nodeId);
  if (isProducer || ((pending > 0 || sent > 0) && consumer)) {
    add(`outbox ${f(pending)} pending`, pending > 0 ? 'wait' : 'neutral', 'Outbox rows not yet marked sent by the relay');
    add(`${f(sent)} sent`, sent > 0 ? 'ok' : 'neutral', 'Outbox rows the relay published and marked sent');
  }
  if (consumer) {
    const queued = n(stats.queued, nodeId);
    const inFlight = n(stats.inFlight, nodeId);
    add(`${f(queued)} queued`, queued > 0 ? 'wait' : 'neutral', 'Messages waiting at the broker for this subscriber');
    add(`${f(inFlight)} in flight`, inFlight > 0 ? 'wait' : 'neutral', 'Handed to the consumer and not yet acknowledged');
    add(`${f(n(stats.acked, nodeId))} acked`, 'ok', 'Deliveries acknowledged');
    add(`inbox ${f(n(stats.inboxProcessed, nodeId))}`, 'neutral', 'Event ids recorded in the inbox (processed)');
    const dups = n(stats.duplicatesSkipped, nodeId);
    if (dups > 0) add(`${f(dups)} dup skipped`, 'warn', 'Duplicate deliveries the inbox skipped');
    const retries = n(stats.retries, nodeId);
    if (retries > 0) add(`${f(retries)} retries`, 'warn', 'Failed handling attempts, redelivered');
    const redelivered = n(stats.redelivered, nodeId);
    if (redelivered > 0) add(`${f(redelivered)} redelivered`, 'warn', 'Handed out again because no ack came within the ack timeout');
    const crashes = n(stats.crashes, nodeId);
    if (crashes > 0) add(`${f(crashes)} crash${crashes === 1 ? '' : 'es'}`, 'bad', 'Times its process crashed and restarted (what it held in memory was lost)');
    const dead = n(stats.dead, nodeId);
    if (dead > 0) add(`${f(dead)} dead`, 'bad', 'Messages moved to dead letters after the retry limit');
  }
  if (isProducer) {
    const crashes = n(stats.crashes, nodeId);
    if (crashes > 0) add(`${f(crashes)} crash${crashes === 1 ? '' : 'es'}`, 'bad', 'Times its process crashed and restarted (what it held in memory was lost)');
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

/**
 * What a run switched for a node against its design (only the switches that differ), for its card
 * to show the run's value instead of the design's. Undefined when nothing differs. Pure.
 */
export function runOverrides(flow: FlowDocument, settings: RunSettings, nodeId: string): RunOverrides | undefined {
  const p = settings.patterns;
  const owner = flow.producers.find((x) => x.id === nodeId) ?? flow.consumers.find((x) => x.id === nodeId);
  if (!owner) return undefined;
  const out: RunOverrides = {};
  const outbox = getOwn(p.outbox, nodeId) ?? owner.publishMode === 'outbox';
  const publish = outbox ? 'outbox' : getOwn(p.publishFirst, nodeId) ? 'publish-first' : 'dual-write';
  if (publish !== owner.publishMode) out.publish = publish;
  if (owner.kind === 'consumer') {
    const inbox = getOwn(p.inbox, nodeId);
    if (inbox !== undefined && inbox !== owner.useInbox) out.inbox = inbox;
    const derived = getOwn(p.derivedIds, nodeId);
    const designed = (owner.emittedIds ?? 'derived') === 'derived';
    if (derived !== undefined && derived !== designed) out.emittedIds = derived ? 'derived' : 'fresh';
  } else {
    const keys = getOwn(p.idempotencyKey, nodeId);
    if (keys !== undefined && owner.commands.some((c) => (c.idempotencyKey ?? false) !== keys)) out.idempotencyKey = keys;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
