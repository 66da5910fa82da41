/**
 * A consumer process takes one delivery at a time from the broker: take (deliver) → handle (one
 * transaction: inbox check, projection effects, change log, inbox row, emitted events) → its own
 * direct publishes, if it dual-writes → ack. A failure puts the message back or dead-letters it.
 */
import { bump } from '../counters';
import { heldDeliveries, instanceName, isGroup } from '../instances';
import type { CellValue, DeliveryRecord, Payload, ProcessRecord } from '../records';
import type { ConsumerHolding } from '../runRecord';
import { progressed, type StepContext, type StepReport } from '../stepContext';
import { handOut, nextDeliverable, requeueOrder, settle, subscriptionEdge } from './broker';
import { releaseLocks } from './raceSteps';

/** Micro-step: the broker hands the consumer its next deliverable message (the duplicate fault may queue a second copy). */
export async function take(ctx: StepContext, process: ProcessRecord, delivery: DeliveryRecord): Promise<StepReport> {
  const consumerId = process.nodeId;
  const group = isGroup(ctx.index.consumer(consumerId)) || process.instance !== undefined;
  const { duplicate, handed } = await handOut(ctx, delivery, group ? process.id : undefined);
  const prefetching = process.consumer !== undefined || (process.prefetched?.length ?? 0) > 0;
  if (prefetching) (process.prefetched ??= []).push(delivery.seq);
  else process.consumer = { deliverySeq: delivery.seq, stage: 'received' };
  const consumer = instanceName(ctx.index, process);
  const attempt = handed.attempts > 1 ? ` (attempt ${handed.attempts})` : '';
  const copy = delivery.duplicateOf !== undefined ? ' (duplicate copy)' : '';
  const partition = delivery.partition === undefined ? '' : ` (partition ${delivery.partition}, key ${delivery.orderingKey ?? ''})`;
  return {
    kind: 'deliver',
    phase: 'deliver',
    text: `broker delivered ${delivery.eventTypeName} ${delivery.eventId}${partition} to ${consumer}${attempt}${copy}${prefetching ? ` (prefetched: it holds ${heldDeliveries(process).length} unacknowledged)` : ''}${duplicate ? '; a duplicate copy is queued (fault)' : ''}`,
    fault: duplicate ? 'duplicate' : undefined,
    eventId: delivery.eventId,
    nodeIds: [delivery.eventTypeId, consumerId],
    edgeIds: [subscriptionEdge(ctx, delivery)],
  };
}

/** Whether a payload holds the poison value anywhere, nested objects and lists included (scalars compared as text). Pure. */
export function isPoison(payload: Payload, poison: string | null): boolean {
  if (poison === null || poison === '') return false;
  const holds = (value: CellValue): boolean => {
    if (Array.isArray(value)) return value.some(holds);
    if (typeof value === 'object' && value !== null) return Object.values(value).some(holds);
    return String(value) === poison;
  };
  return Object.values(payload).some(holds);
}

/**
 * The handling failed (nothing committed): the consumer gives the message back. It is queued again
 * at the head of its stream, or dead-lettered once its failures exceed the consumer's retry limit
 * (retry limit 0: the first failure dead-letters it).
 */
export async function fail(ctx: StepContext, process: ProcessRecord, delivery: DeliveryRecord, reason: string, poison: boolean): Promise<StepReport> {
  const { run, tx, index } = ctx;
  const retryLimit = Math.max(0, index.consumer(delivery.consumerId)?.retryLimit ?? 0);
  const failures = delivery.failures + 1;
  const dead = failures > retryLimit;
  bump(run.stats.retries, delivery.consumerId);
  await releaseLocks(ctx, process);
  delete process.consumer;
  if (dead) {
    await settle(ctx, delivery, { ...delivery, status: 'dead', failures });
    await tx.put('deadLetters', {
      runId: run.runId, seq: ++run.seq.deadLetter, consumerId: delivery.consumerId, eventId: delivery.eventId,
      eventTypeName: delivery.eventTypeName, deliverySeq: delivery.seq, attempts: delivery.attempts, reason, step: run.step,
    });
    progressed(ctx);
  } else {
    await settle(ctx, delivery, { ...delivery, status: 'queued', failures, order: await requeueOrder(ctx, delivery) });
  }
  const name = instanceName(index, process);
  const limit = retryLimit === 0 ? 'retry limit 0: no retry' : `retry limit ${retryLimit}`;
  return {
    kind: 'handle-failed',
    phase: 'handle-failed',
    text: `${name} failed to handle ${delivery.eventTypeName} ${delivery.eventId}: ${reason}; failure ${failures} (${limit}): ${dead ? 'moved to dead letters' : `queued again, retry ${failures} of ${retryLimit}`}`,
    fault: poison ? 'poison' : 'consumer-failure',
    eventId: delivery.eventId,
    nodeIds: [delivery.consumerId],
    edgeIds: [],
  };
}

/** Micro-step: the consumer acknowledges the delivery it holds; the broker drops it. */
export async function ack(ctx: StepContext, process: ProcessRecord, holding: ConsumerHolding): Promise<StepReport> {
  const { run, tx } = ctx;
  const consumerId = process.nodeId;
  const delivery = await tx.get('deliveries', [run.runId, holding.deliverySeq]);
  if (!delivery) throw new Error(`${consumerId} holds delivery #${holding.deliverySeq}, which is not in the table`);
  const beforeHandling = holding.stage === 'received';
  if (beforeHandling) process.consumer = { ...holding, stage: 'acked' };
  else delete process.consumer;
  const name = instanceName(ctx.index, process);
  const already = delivery.status === 'acked' || delivery.status === 'dead';
  if (!already) await settle(ctx, delivery, { ...delivery, status: 'acked', ackedStep: run.step });
  const late = delivery.status === 'queued' ? ' (its ack deadline had passed: the broker had queued it again, and now drops it)' : '';
  return {
    kind: 'ack',
    phase: 'ack',
    text: `${name} acknowledged ${delivery.eventTypeName} ${delivery.eventId}${beforeHandling ? ' before handling it' : ''}${late}`,
    eventId: delivery.eventId,
    nodeIds: [consumerId, delivery.eventTypeId],
    edgeIds: [subscriptionEdge(ctx, delivery)],
  };
}

/** The next deliverable message for a consumer that holds nothing (see `nextDeliverable`). */
export { nextDeliverable };
