import type { Handler } from '../../model';
import { appendAndQueue, eventsFromEmissions, maybeCrashAfterCommit } from '../commitEvents';
import { usesInbox, usesOutbox } from '../flowIndex';
import { recordAnomaly, times } from '../invariants';
import type { DeliveryRecord, EventRecord, Payload, ProjectionRowRecord } from '../records';
import { bump, shortId, type StepContext, type StepReport } from '../stepContext';
import { applyEffect, effectKey, eventView, handlerGenerator, type ValueContext } from '../values';
import { subscriptionEdge } from './brokerSteps';

function isPoison(payload: Payload, poison: string | null): boolean {
  if (poison === null || poison === '') return false;
  return Object.values(payload).some((v) => (Array.isArray(v) ? v.map(String).includes(poison) : String(v) === poison));
}

async function fail(ctx: StepContext, delivery: DeliveryRecord, reason: string, poison: boolean): Promise<StepReport> {
  const { run, tx, index } = ctx;
  const consumer = index.consumer(delivery.consumerId);
  const limit = Math.max(1, consumer?.retryLimit ?? 1);
  const dead = delivery.attempts >= limit;
  bump(run.stats.delivered, delivery.consumerId, -1);
  bump(run.stats.retries, delivery.consumerId);
  if (dead) {
    await tx.put('deliveries', { ...delivery, status: 'dead' });
    await tx.put('deadLetters', {
      runId: run.runId, seq: ++run.seq.deadLetter, consumerId: delivery.consumerId, eventId: delivery.eventId,
      eventTypeName: delivery.eventTypeName, deliverySeq: delivery.seq, attempts: delivery.attempts, reason, step: run.step,
    });
    bump(run.stats.dead, delivery.consumerId);
  } else {
    await tx.put('deliveries', { ...delivery, status: 'queued', order: ++run.seq.order });
    bump(run.stats.queued, delivery.consumerId);
  }
  const name = index.nodeName(delivery.consumerId);
  return {
    kind: 'handle-failed',
    text: `${name} failed to handle ${delivery.eventTypeName} ${delivery.eventId}: ${reason}; attempt ${delivery.attempts} of ${limit}, ${dead ? 'moved to dead letters' : 'redelivery queued'}`,
    fault: poison ? 'poison' : 'consumer-failure',
    eventId: delivery.eventId,
    nodeIds: [delivery.consumerId],
    edgeIds: [],
  };
}

/** Applies the handler's projection effects; returns the projections touched. */
async function applyEffects(ctx: StepContext, event: EventRecord, handler: Handler | undefined, values: ValueContext): Promise<string[]> {
  const { run, tx, index } = ctx;
  const rows = new Map<string, ProjectionRowRecord | null>();
  for (const effect of handler?.effects ?? []) {
    const key = effectKey(effect, values);
    if (key === undefined) continue;
    const id = `${effect.projectionId}\u0000${key}`;
    if (!rows.has(id)) rows.set(id, (await tx.get('projectionRows', [run.runId, effect.projectionId, key])) ?? null);
    const current = rows.get(id);
    const result = applyEffect(effect, index.projection(effect.projectionId), current?.values, key, values);
    if (result.next === null) {
      if (current) {
        await tx.delete('projectionRows', [run.runId, effect.projectionId, key]);
        bump(run.stats.projectionRows, effect.projectionId, -1);
      }
      rows.set(id, null);
    } else {
      const row: ProjectionRowRecord = { runId: run.runId, projectionId: effect.projectionId, key, values: result.next, lastEventId: event.eventId, updatedStep: run.step };
      await tx.put('projectionRows', row);
      if (!current) bump(run.stats.projectionRows, effect.projectionId);
      rows.set(id, row);
    }
  }
  return [...new Set((handler?.effects ?? []).map((e) => e.projectionId))];
}

/** Records the application in the simulator's ledger and reports duplicate and out-of-order effects. */
async function observeApplication(ctx: StepContext, event: EventRecord, consumerId: string, inbox: boolean): Promise<string> {
  const { run, tx } = ctx;
  const key = [run.runId, consumerId, event.eventId];
  const previous = await tx.get('applications', key);
  const [latest] = await tx.query('applications', '[runId+consumerId+streamId+version]', {
    prefix: [run.runId, consumerId, event.streamId], reverse: true, limit: 1,
  });
  const count = (previous?.times ?? 0) + 1;
  await tx.put('applications', {
    runId: run.runId, consumerId, eventId: event.eventId, streamId: event.streamId, version: event.version,
    times: count, firstStep: previous?.firstStep ?? run.step,
  });
  const name = ctx.index.nodeName(consumerId);
  if (previous) {
    await recordAnomaly(ctx, {
      id: `duplicate-effect:${consumerId}:${event.eventId}`, kind: 'duplicate-effect', eventIds: [event.eventId],
      nodeIds: [consumerId, event.eventTypeId],
      message: `${event.eventTypeName} ${event.eventId} applied ${times(count)} by ${name}: ${inbox ? 'the inbox did not stop it' : 'inbox is off'}`,
    });
    return '; duplicate effect (invariant broken)';
  }
  if (latest && latest.version > event.version) {
    await recordAnomaly(ctx, {
      id: `out-of-order:${consumerId}:${event.eventId}`, kind: 'out-of-order', eventIds: [event.eventId, latest.eventId],
      nodeIds: [consumerId, event.eventTypeId],
      message: `${event.eventTypeName} ${event.eventId} (${event.aggregateType} ${shortId(event.aggregateId)} version ${event.version}) applied by ${name} after version ${latest.version} (${latest.eventId})`,
    });
    return '; applied out of order (invariant broken)';
  }
  return '';
}

/**
 * Micro-step 5: the consumer handles a delivered message in one transaction: inbox check,
 * projection effects, inbox record, and its own emitted events (event store + outbox). A failure
 * (fault or poison) commits nothing but the broker's redelivery or dead letter.
 */
export async function handleDelivery(ctx: StepContext, delivery: DeliveryRecord): Promise<StepReport> {
  const { run, tx, index, rng } = ctx;
  const [event] = await tx.query('events', '[runId+eventId]', { prefix: [run.runId, delivery.eventId], limit: 1 });
  const consumer = index.consumer(delivery.consumerId);
  if (!event || !consumer) return fail(ctx, delivery, 'unknown event or consumer', false);
  if (isPoison(event.payload, run.settings.faults.poisonValue)) return fail(ctx, delivery, `poison value "${run.settings.faults.poisonValue}" (fault)`, true);
  if (rng.chance(run.settings.faults.consumerFailure)) return fail(ctx, delivery, 'consumer failure (fault)', false);
  const inbox = usesInbox(index, run.settings, consumer.id);
  const edge = subscriptionEdge(ctx, delivery);
  bump(run.stats.delivered, consumer.id, -1);
  bump(run.stats.handled, consumer.id);
  const inboxRow = inbox ? await tx.get('inbox', [run.runId, consumer.id, event.eventId]) : undefined;
  if (inboxRow) {
    await tx.put('inbox', { ...inboxRow, duplicatesSkipped: inboxRow.duplicatesSkipped + 1 });
    await tx.put('deliveries', { ...delivery, status: 'handled', outcome: 'duplicate-skipped' });
    bump(run.stats.duplicatesSkipped, consumer.id);
    return {
      kind: 'handle', text: `${consumer.name} skipped duplicate ${event.eventTypeName} ${event.eventId}: already in its inbox`,
      eventId: event.eventId, nodeIds: [consumer.id], edgeIds: [edge],
    };
  }
  const handler = index.subscriptions(event.eventTypeId).find((s) => s.consumer.id === consumer.id)?.handler;
  const values: ValueContext = { event: eventView(event, ctx.index.flow.envelope, ctx.index.flow.id), generate: handlerGenerator(event.eventId, event.occurredAt, consumer.id) };
  const projections = await applyEffects(ctx, event, handler, values);
  if (inbox) {
    await tx.put('inbox', { runId: run.runId, consumerId: consumer.id, eventId: event.eventId, seq: ++run.seq.inbox, eventTypeName: event.eventTypeName, processedStep: run.step, duplicatesSkipped: 0 });
    bump(run.stats.inboxProcessed, consumer.id);
  }
  const broken = await observeApplication(ctx, event, consumer.id, inbox);
  const emitted = eventsFromEmissions(ctx, handler?.emits ?? [], values, { aggregateType: consumer.name });
  const stored = await appendAndQueue(ctx, consumer.id, emitted, { commandId: event.commandId, causationId: event.eventId });
  await tx.put('deliveries', { ...delivery, status: 'handled', outcome: 'applied' });
  const crash = await maybeCrashAfterCommit(ctx, consumer.id, stored);
  const parts = [
    projections.length > 0 ? `updated ${projections.map((p) => index.nodeName(p)).join(', ')}` : 'no projection effect',
    inbox ? 'inbox recorded' : 'no inbox check (inbox off)',
    ...stored.map((e) => `emitted ${e.eventTypeName} ${e.eventId} (${usesOutbox(index, run.settings, consumer.id) ? 'outbox' : 'dual write'})`),
  ];
  return {
    kind: 'handle',
    text: `${consumer.name} applied ${event.eventTypeName} ${event.eventId}: ${parts.join('; ')}${broken}${crash}`,
    fault: crash ? 'crash-after-commit' : undefined,
    eventId: event.eventId,
    nodeIds: [consumer.id, ...projections, ...stored.map((e) => e.eventTypeId)],
    edgeIds: [edge, ...projections.map((p) => `updates:${consumer.id}->${p}`), ...stored.map((e) => `emits:${consumer.id}->${e.eventTypeId}`)],
  };
}
