import type { DeliveryRecord, DirectPublishRecord, OutboxRecord } from '../records';
import { bump, type StepContext, type StepReport } from '../stepContext';

/**
 * The broker accepts a message and fans it out: one queued delivery per subscriber (subscribers
 * of a base type receive its subtypes). The reorder fault delays a subscriber's copy.
 */
async function publish(
  ctx: StepContext,
  message: { eventId: string; eventTypeId: string; eventTypeName: string; publisherId: string; via: 'relay' | 'direct'; republished: boolean },
): Promise<{ subscriberIds: string[]; reordered: string[] }> {
  const { run, tx, index, rng } = ctx;
  const subscriptions = index.subscriptions(message.eventTypeId);
  const publicationSeq = ++run.seq.publication;
  const subscriberIds = subscriptions.map((s) => s.consumer.id);
  await tx.put('publications', { runId: run.runId, seq: publicationSeq, ...message, subscriberIds, step: run.step });
  bump(run.stats.published, message.eventTypeId);
  const reordered: string[] = [];
  const deliveries: DeliveryRecord[] = subscriptions.map(({ consumer }) => {
    let order = ++run.seq.order;
    if (rng.chance(run.settings.faults.reorder)) {
      order += rng.int(2, 8) + 0.5;
      reordered.push(consumer.name);
    }
    bump(run.stats.queued, consumer.id);
    return {
      runId: run.runId, seq: ++run.seq.delivery, publicationSeq, eventId: message.eventId, eventTypeId: message.eventTypeId,
      eventTypeName: message.eventTypeName, consumerId: consumer.id, status: 'queued', attempts: 0, order, queuedStep: run.step,
    };
  });
  await tx.bulkPut('deliveries', deliveries);
  return { subscriberIds, reordered };
}

function audience(ctx: StepContext, subscriberIds: string[], reordered: string[]): string {
  const to = subscriberIds.length === 0 ? 'no subscriber' : subscriberIds.map((id) => ctx.index.nodeName(id)).join(', ');
  return reordered.length === 0 ? `to ${to}` : `to ${to}; copy for ${reordered.join(', ')} delayed (fault)`;
}

/** Micro-step 2: the relay publishes the oldest pending outbox row (the crash-after-publish fault may follow). */
export async function relayPublish(ctx: StepContext, row: OutboxRecord): Promise<StepReport> {
  const { run, tx, rng } = ctx;
  const { subscriberIds, reordered } = await publish(ctx, {
    eventId: row.eventId, eventTypeId: row.eventTypeId, eventTypeName: row.eventTypeName,
    publisherId: row.ownerId, via: 'relay', republished: row.publishAttempts > 0,
  });
  const crashed = rng.chance(run.settings.faults.crashAfterPublish);
  await tx.put('outbox', { ...row, status: crashed ? 'pending' : 'publishing', publishAttempts: row.publishAttempts + 1 });
  if (!crashed) run.stats.outboxPublishing += 1;
  const again = row.publishAttempts > 0 ? ' again (same event id: a duplicate on the wire)' : '';
  return {
    kind: 'relay-publish',
    text: `relay published ${row.eventTypeName} ${row.eventId}${again} ${audience(ctx, subscriberIds, reordered)}${crashed ? '; crash before mark-sent (fault)' : ''}`,
    fault: crashed ? 'crash-after-publish' : reordered.length > 0 ? 'reorder' : undefined,
    eventId: row.eventId,
    nodeIds: [row.ownerId, row.eventTypeId, ...subscriberIds],
    edgeIds: [`emits:${row.ownerId}->${row.eventTypeId}`],
  };
}

/** Micro-step 3: the relay marks the oldest published outbox row sent. */
export async function relayMarkSent(ctx: StepContext, row: OutboxRecord): Promise<StepReport> {
  const { run, tx } = ctx;
  await tx.put('outbox', { ...row, status: 'sent', sentStep: run.step });
  run.stats.outboxPublishing -= 1;
  bump(run.stats.outboxPending, row.ownerId, -1);
  bump(run.stats.outboxSent, row.ownerId);
  return {
    kind: 'relay-mark-sent',
    text: `relay marked ${row.eventTypeName} ${row.eventId} sent in ${ctx.index.nodeName(row.ownerId)}'s outbox`,
    eventId: row.eventId,
    nodeIds: [row.ownerId],
    edgeIds: [],
  };
}

/** Dual write: the owner publishes straight to the broker after its commit (no outbox, no retry). */
export async function directPublish(ctx: StepContext, pending: DirectPublishRecord): Promise<StepReport> {
  const { run, tx } = ctx;
  const [event] = await tx.query('events', '[runId+eventId]', { prefix: [run.runId, pending.eventId], limit: 1 });
  await tx.delete('directPublishes', [run.runId, pending.seq]);
  run.stats.directPending -= 1;
  const eventTypeId = event?.eventTypeId ?? '';
  const { subscriberIds, reordered } = await publish(ctx, {
    eventId: pending.eventId, eventTypeId, eventTypeName: pending.eventTypeName,
    publisherId: pending.ownerId, via: 'direct', republished: false,
  });
  return {
    kind: 'direct-publish',
    text: `${ctx.index.nodeName(pending.ownerId)} published ${pending.eventTypeName} ${pending.eventId} directly (dual write) ${audience(ctx, subscriberIds, reordered)}`,
    fault: reordered.length > 0 ? 'reorder' : undefined,
    eventId: pending.eventId,
    nodeIds: [pending.ownerId, eventTypeId, ...subscriberIds],
    edgeIds: [`emits:${pending.ownerId}->${eventTypeId}`],
  };
}

/** The edge a delivery travels on: from the event type the consumer's handler subscribes to. */
export function subscriptionEdge(ctx: StepContext, delivery: DeliveryRecord): string {
  const sub = ctx.index.subscriptions(delivery.eventTypeId).find((s) => s.consumer.id === delivery.consumerId);
  return `subscribes:${sub?.handler.eventTypeId ?? delivery.eventTypeId}->${delivery.consumerId}`;
}

/** Micro-step 4: the broker delivers the first queued message (the duplicate fault may queue a second copy). */
export async function deliver(ctx: StepContext, delivery: DeliveryRecord): Promise<StepReport> {
  const { run, tx, rng } = ctx;
  const attempts = delivery.attempts + 1;
  await tx.put('deliveries', { ...delivery, status: 'delivered', attempts, deliveredStep: run.step });
  bump(run.stats.queued, delivery.consumerId, -1);
  bump(run.stats.delivered, delivery.consumerId);
  const duplicate = delivery.duplicateOf === undefined && rng.chance(run.settings.faults.duplicateDelivery);
  if (duplicate) {
    await tx.put('deliveries', {
      ...delivery, seq: ++run.seq.delivery, status: 'queued', attempts: 0, order: ++run.seq.order,
      duplicateOf: delivery.seq, queuedStep: run.step,
    });
    bump(run.stats.queued, delivery.consumerId);
  }
  const consumer = ctx.index.nodeName(delivery.consumerId);
  return {
    kind: 'deliver',
    text: `broker delivered ${delivery.eventTypeName} ${delivery.eventId} to ${consumer}${attempts > 1 ? ` (attempt ${attempts})` : ''}${delivery.duplicateOf !== undefined ? ' (duplicate copy)' : ''}${duplicate ? '; a duplicate copy is queued (fault)' : ''}`,
    fault: duplicate ? 'duplicate' : undefined,
    eventId: delivery.eventId,
    nodeIds: [delivery.eventTypeId, delivery.consumerId],
    edgeIds: [subscriptionEdge(ctx, delivery)],
  };
}

/** Micro-step 6: the consumer acknowledges a handled delivery; the broker drops it. */
export async function ack(ctx: StepContext, delivery: DeliveryRecord): Promise<StepReport> {
  const { run, tx } = ctx;
  await tx.put('deliveries', { ...delivery, status: 'acked', ackedStep: run.step });
  bump(run.stats.handled, delivery.consumerId, -1);
  bump(run.stats.acked, delivery.consumerId);
  return {
    kind: 'ack',
    text: `${ctx.index.nodeName(delivery.consumerId)} acknowledged ${delivery.eventTypeName} ${delivery.eventId}`,
    eventId: delivery.eventId,
    nodeIds: [delivery.consumerId, delivery.eventTypeId],
    edgeIds: [subscriptionEdge(ctx, delivery)],
  };
}
