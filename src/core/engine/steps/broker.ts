/**
 * The broker: publications fan out into one delivery per subscriber, kept in order per stream and
 * subscriber (a partitioned, per-aggregate ordering); a delivery handed to a consumer stays in
 * flight until it is acknowledged, or its ack deadline passes and it is handed out again.
 */
import { edgeId } from '../../model';
import { bump } from '../counters';
import type { Subscription } from '../flowIndex';
import { isGroup, orderingKeyOf, owns, partitionOf } from '../instances';
import type { BrokerCursorRecord, DeliveryRecord, EventMessage, ProcessRecord } from '../records';
import { type StepContext, type StepReport } from '../stepContext';

/** Queue orders within one stream per subscriber are at least this far apart. */
const ORDER_GAP = 1 / 1024;

/** The broker cursor of a partition (kept in `brokerCursors` beside the streams' cursors; no stream id starts with NUL). */
const partitionCursor = (eventTypeId: string, partition: number) => `\u0000partition\u0000${eventTypeId}\u0000${partition}`;

/** The cursor a delivery is ordered by: its partition's (partitioned subscription), else its stream's. */
const cursorOf = (d: Pick<DeliveryRecord, 'streamId' | 'partition'>, subscription: string | undefined) =>
  d.partition !== undefined && subscription !== undefined ? partitionCursor(subscription, d.partition) : d.streamId;

/** The next queue order for a message of `streamId` (or a partition's cursor) to `consumerId`: never before its previous message. */
async function nextOrder(ctx: Pick<StepContext, 'run' | 'tx' | 'mutants'>, consumerId: string, streamId: string, delay: number): Promise<number> {
  const { run, tx } = ctx;
  const order = ++run.seq.order + delay;
  if (ctx.mutants.reorderIgnoringOrder) return order;
  const key = [run.runId, consumerId, streamId];
  const cursor = await tx.get('brokerCursors', key);
  const ordered = cursor && cursor.order >= order ? cursor.order + ORDER_GAP : order;
  const next: BrokerCursorRecord = { runId: run.runId, consumerId, streamId, order: ordered };
  await tx.put('brokerCursors', next);
  return ordered;
}

/**
 * Puts a message on the broker and fans it out: one queued delivery per subscriber (subscribers of
 * a base type receive its subtypes). The reorder fault delays a subscriber's copy (later messages
 * of other streams overtake it; its own stream stays in order).
 */
export async function publish(
  ctx: StepContext,
  message: EventMessage,
  publisherId: string,
  via: 'relay' | 'direct',
): Promise<{ subscriberIds: string[]; reordered: string[]; republished: boolean }> {
  const { run, tx, index, rng } = ctx;
  const [earlier] = await tx.query('publications', '[runId+eventId]', { prefix: [run.runId, message.eventId], limit: 1 });
  const subscriptions = index.subscriptions(message.eventTypeId);
  const publicationSeq = ++run.seq.publication;
  const subscriberIds = subscriptions.map((s) => s.consumer.id);
  await tx.put('publications', {
    runId: run.runId, seq: publicationSeq, eventId: message.eventId, eventTypeId: message.eventTypeId, eventTypeName: message.eventTypeName,
    publisherId, via, republished: earlier !== undefined, subscriberIds, streamId: message.streamId, version: message.version,
    causationId: message.causationId, message, step: run.step,
  });
  bump(run.stats.published, message.eventTypeId);
  const reordered: string[] = [];
  const deliveries: DeliveryRecord[] = [];
  for (const { consumer, handler } of subscriptions) {
    let delay = 0;
    if (rng.chance(run.settings.faults.reorder)) {
      delay = rng.int(2, 8) + 0.5;
      reordered.push(consumer.name);
    }
    bump(run.stats.queued, consumer.id);
    const mode = handler.delivery;
    const partitioned = mode?.kind === 'partitioned' ? { orderingKey: orderingKeyOf(mode, message), partitions: mode.partitions } : undefined;
    const partition = partitioned ? partitionOf(partitioned.orderingKey, partitioned.partitions) : undefined;
    const cursor = partition === undefined ? message.streamId : partitionCursor(handler.eventTypeId, partition);
    deliveries.push({
      runId: run.runId, seq: ++run.seq.delivery, publicationSeq, eventId: message.eventId, eventTypeId: message.eventTypeId,
      eventTypeName: message.eventTypeName, streamId: message.streamId, version: message.version, consumerId: consumer.id,
      status: 'queued', attempts: 0, failures: 0, order: await nextOrder(ctx, consumer.id, cursor, delay), queuedStep: run.step,
      ...(partitioned ? { partition, orderingKey: partitioned.orderingKey } : {}),
    });
  }
  await tx.bulkPut('deliveries', deliveries);
  return { subscriberIds, reordered, republished: earlier !== undefined };
}

/** "to author-service, status-board" (and which copies the reorder fault delayed). */
export function audience(ctx: StepContext, subscriberIds: readonly string[], reordered: readonly string[]): string {
  const to = subscriberIds.length === 0 ? 'no subscriber' : subscriberIds.map((id) => ctx.index.nodeName(id)).join(', ');
  return reordered.length === 0 ? `to ${to}` : `to ${to}; copy for ${reordered.join(', ')} delayed (fault)`;
}

/** The subscription a delivery belongs to (the consumer's handler for its event type). */
export function subscriptionOf(ctx: Pick<StepContext, 'index'>, delivery: Pick<DeliveryRecord, 'eventTypeId' | 'consumerId'>): Subscription | undefined {
  return ctx.index.subscriptions(delivery.eventTypeId).find((s) => s.consumer.id === delivery.consumerId);
}

/** The edge a delivery travels on: from the event type the consumer's handler subscribes to. */
export function subscriptionEdge(ctx: StepContext, delivery: Pick<DeliveryRecord, 'eventTypeId' | 'consumerId'>): string {
  const sub = subscriptionOf(ctx, delivery);
  return edgeId('subscribes', sub?.handler.eventTypeId ?? delivery.eventTypeId, delivery.consumerId);
}

const SCAN = [16, 256, 4096];

/**
 * The next delivery the broker may hand to a consumer: the first queued one in order whose stream
 * has no earlier message still in flight to that consumer (a crashed consumer's unacknowledged
 * message holds its stream back until the ack deadline). Undefined when none may go now.
 */
export async function nextDeliverable(ctx: StepContext, consumerId: string, process?: ProcessRecord): Promise<DeliveryRecord | undefined> {
  const { run, tx } = ctx;
  if (process && isGroup(ctx.index.consumer(consumerId))) return nextForInstance(ctx, process);
  const prefix = [run.runId, consumerId, 'queued'];
  const inFlight = ctx.mutants.reorderIgnoringOrder ? [] : await tx.query('deliveries', '[runId+consumerId+status+order]', { prefix: [run.runId, consumerId, 'in-flight'] });
  if (inFlight.length === 0) {
    const [first] = await tx.query('deliveries', '[runId+consumerId+status+order]', { prefix, limit: 1 });
    return first;
  }
  const held = new Map<string, number>();
  for (const d of inFlight) held.set(d.streamId, Math.min(held.get(d.streamId) ?? Infinity, d.order));
  for (const limit of SCAN) {
    const queued = await tx.query('deliveries', '[runId+consumerId+status+order]', { prefix, limit });
    const free = queued.find((d) => !(d.order > (held.get(d.streamId) ?? Infinity)));
    if (free || queued.length < limit) return free;
  }
  return undefined;
}

/**
 * Issue 13: the next delivery an instance of a consumer group may take. Partitioned subscription:
 * the first queued message of a partition the instance owns, unless an earlier message of that
 * partition is still in flight (an unacknowledged message blocks its partition, whoever holds it).
 * Competing: the first queued message, whatever is in flight. No mode: as one consumer (each
 * stream in order across the instances).
 */
async function nextForInstance(ctx: StepContext, process: ProcessRecord): Promise<DeliveryRecord | undefined> {
  const { run, tx } = ctx;
  const consumerId = process.nodeId;
  const inFlight = await tx.query('deliveries', '[runId+consumerId+status+order]', { prefix: [run.runId, consumerId, 'in-flight'] });
  const held = new Map<string, number>();
  for (const d of inFlight) {
    const cursor = cursorOf(d, subscriptionOf(ctx, d)?.handler.eventTypeId);
    held.set(cursor, Math.min(held.get(cursor) ?? Infinity, d.order));
  }
  const may = (d: DeliveryRecord): boolean => {
    const handler = subscriptionOf(ctx, d)?.handler;
    const mode = handler?.delivery;
    if (mode?.kind === 'competing') return true;
    if (mode?.kind === 'partitioned' && handler) {
      if (d.partition === undefined || !owns(process, handler.eventTypeId, d.partition)) return false;
      return ctx.mutants.partitionNotBlocked === true || !held.has(cursorOf(d, handler.eventTypeId));
    }
    return !(d.order > (held.get(d.streamId) ?? Infinity));
  };
  const prefix = [run.runId, consumerId, 'queued'];
  for (const limit of SCAN) {
    const queued = await tx.query('deliveries', '[runId+consumerId+status+order]', { prefix, limit });
    const free = queued.find(may);
    if (free || queued.length < limit) return free;
  }
  return undefined;
}

/** The broker hands a delivery to its consumer (status in flight, ack deadline set); the duplicate fault queues a second copy. */
export async function handOut(ctx: StepContext, delivery: DeliveryRecord, instance?: string): Promise<{ duplicate: boolean; handed: DeliveryRecord }> {
  const { run, tx, rng } = ctx;
  const deadline = run.step + run.settings.ackTimeoutSteps;
  const handed: DeliveryRecord = {
    ...delivery, status: 'in-flight', attempts: delivery.attempts + 1, deliveredStep: run.step, deadline, ...(instance === undefined ? {} : { instance }),
  };
  await tx.put('deliveries', handed);
  bump(run.stats.queued, delivery.consumerId, -1);
  bump(run.stats.inFlight, delivery.consumerId);
  run.nextAckDeadline = Math.min(run.nextAckDeadline ?? Infinity, deadline);
  const duplicate = delivery.duplicateOf === undefined && delivery.attempts === 0 && rng.chance(run.settings.faults.duplicateDelivery);
  if (duplicate) {
    const copy: DeliveryRecord = {
      ...delivery, seq: ++run.seq.delivery, status: 'queued', attempts: 0, failures: 0,
      order: await nextOrder(ctx, delivery.consumerId, cursorOf(delivery, subscriptionOf(ctx, delivery)?.handler.eventTypeId), 0), duplicateOf: delivery.seq, queuedStep: run.step,
    };
    await tx.put('deliveries', copy);
    bump(run.stats.queued, delivery.consumerId);
  }
  return { duplicate, handed };
}

/** Takes a delivery out of flight (acked, dead or queued again), keeping the counters. */
export async function settle(ctx: StepContext, delivery: DeliveryRecord, next: DeliveryRecord): Promise<void> {
  const { run, tx } = ctx;
  // A fresh object without the deadline (`delete` would turn every settled row into a slow, larger dictionary object).
  const { deadline: _deadline, instance: _instance, ...settled } = next;
  await tx.put('deliveries', settled);
  const from = delivery.status === 'queued' ? run.stats.queued : delivery.status === 'in-flight' ? run.stats.inFlight : undefined;
  if (from) bump(from, delivery.consumerId, -1);
  if (settled.status === 'queued') bump(run.stats.queued, delivery.consumerId);
  if (settled.status === 'acked') bump(run.stats.acked, delivery.consumerId);
  if (settled.status === 'dead') bump(run.stats.dead, delivery.consumerId);
}

/** The queue order a failed or expired delivery goes back with: its own (the head of its stream), or the end (mutant). */
export async function requeueOrder(ctx: StepContext, delivery: DeliveryRecord): Promise<number> {
  return ctx.mutants.reorderIgnoringOrder ? ++ctx.run.seq.order : delivery.order;
}

/** The first in-flight delivery whose ack deadline has passed, if any; refreshes `run.nextAckDeadline`. */
export async function expiredDelivery(ctx: StepContext): Promise<DeliveryRecord | undefined> {
  const { run, tx } = ctx;
  if (run.nextAckDeadline === null || run.step <= run.nextAckDeadline) return undefined;
  const [first] = await tx.query('deliveries', '[runId+status+deadline]', { prefix: [run.runId, 'in-flight'], limit: 1 });
  run.nextAckDeadline = first?.deadline ?? null;
  return first && first.deadline !== undefined && run.step > first.deadline ? first : undefined;
}

/** The broker hands an unacknowledged delivery out again: its ack deadline passed. */
export async function redeliver(ctx: StepContext, delivery: DeliveryRecord): Promise<StepReport> {
  const { run } = ctx;
  await settle(ctx, delivery, { ...delivery, status: 'queued', order: await requeueOrder(ctx, delivery) });
  bump(run.stats.redelivered, delivery.consumerId);
  run.nextAckDeadline = null;
  const [next] = await ctx.tx.query('deliveries', '[runId+status+deadline]', { prefix: [run.runId, 'in-flight'], limit: 1 });
  run.nextAckDeadline = next?.deadline ?? null;
  return {
    kind: 'redeliver',
    phase: 'redeliver',
    text: `broker: no ack from ${ctx.index.nodeName(delivery.consumerId)} for ${delivery.eventTypeName} ${delivery.eventId} within ${run.settings.ackTimeoutSteps} steps (delivery #${delivery.seq}); queued again for redelivery`,
    fault: 'ack-timeout',
    eventId: delivery.eventId,
    nodeIds: [delivery.eventTypeId, delivery.consumerId],
    edgeIds: [subscriptionEdge(ctx, delivery)],
  };
}

/**
 * Redrive: a dead-lettered message goes back to its consumer as a new delivery (queued at the end
 * of its stream, no attempts, no failures), as an operator's "redrive" of a dead-letter queue does.
 * Returns the new delivery; the caller marks the dead letter as redriven.
 */
export async function redeliverDeadLetter(ctx: Pick<StepContext, 'run' | 'tx' | 'mutants' | 'index'>, dead: DeliveryRecord): Promise<DeliveryRecord> {
  const { run, tx } = ctx;
  const { deadline: _deadline, deliveredStep: _delivered, ackedStep: _acked, duplicateOf: _duplicate, ...base } = dead;
  const delivery: DeliveryRecord = {
    ...base, seq: ++run.seq.delivery, status: 'queued', attempts: 0, failures: 0,
    order: await nextOrder(ctx, dead.consumerId, cursorOf(dead, subscriptionOf(ctx, dead)?.handler.eventTypeId), 0), queuedStep: run.step, redriveOf: dead.seq,
  };
  await tx.put('deliveries', delivery);
  bump(run.stats.queued, dead.consumerId);
  run.quiet = false;
  return delivery;
}
