/**
 * The relay: one process reading every outbox in commit order. It publishes the oldest pending row,
 * then marks it sent (two micro-steps; a crash in between makes it publish the row again: at least
 * once). Dual-write owners publish straight from their process memory instead.
 */
import { edgeId } from '../../model';
import { bump } from '../counters';
import { messageOf } from '../commitEvents';
import { instanceName } from '../instances';
import { crashRelay, heldBy, relayOf } from '../processes';
import type { DirectPublishRecord, OutboxRecord, ProcessRecord } from '../records';
import type { RelayHolding } from '../runRecord';
import { progressed, type StepContext, type StepReport } from '../stepContext';
import { audience, publish } from './broker';

async function eventOf(ctx: StepContext, eventId: string) {
  const [event] = await ctx.tx.query('events', '[runId+eventId]', { prefix: [ctx.run.runId, eventId], limit: 1 });
  if (!event) throw new Error(`outbox or memory holds ${eventId}, which is not in the event store`);
  return messageOf(event);
}

async function markSent(ctx: StepContext, row: OutboxRecord): Promise<void> {
  const { run } = ctx;
  await ctx.tx.put('outbox', { ...row, status: 'sent', sentStep: run.step });
  bump(run.stats.outboxPending, row.ownerId, -1);
  bump(run.stats.outboxSent, row.ownerId);
  progressed(ctx);
}

/** Publishes a row's event; returns the plain words. */
async function publishRow(ctx: StepContext, row: OutboxRecord): Promise<{ text: string; republished: boolean; reordered: boolean }> {
  const { subscriberIds, reordered, republished } = await publish(ctx, await eventOf(ctx, row.eventId), row.ownerId, 'relay');
  const again = republished ? ' again (same event id: a duplicate on the wire)' : '';
  return { text: `relay published ${row.eventTypeName} ${row.eventId}${again} ${audience(ctx, subscriberIds, reordered)}`, republished, reordered: reordered.length > 0 };
}

/** Micro-step: the relay takes the oldest pending outbox row and publishes it (the at-most-once mutant marks it sent first). */
export async function relayTake(ctx: StepContext): Promise<StepReport | undefined> {
  const { run, tx, rng } = ctx;
  const [row] = await tx.query('outbox', '[runId+status+seq]', { prefix: [run.runId, 'pending'], limit: 1 });
  if (!row) return undefined;
  const relay = relayOf(run);
  const base = { eventId: row.eventId, edgeIds: [edgeId('emits', row.ownerId, row.eventTypeId)] };
  if (ctx.mutants.atMostOnceRelay) {
    await markSent(ctx, row);
    relay.relay = { outboxSeq: row.seq, eventId: row.eventId, stage: 'marked' };
    const crashed = rng.chance(run.settings.faults.crashAfterPublish);
    if (crashed) crashRelay(ctx);
    return {
      ...base, kind: 'relay-mark-sent', phase: 'relay-mark-before-publish', nodeIds: [row.ownerId],
      text: `relay marked ${row.eventTypeName} ${row.eventId} sent in ${ctx.index.nodeName(row.ownerId)}'s outbox before publishing it${crashed ? '; crash before publish (fault)' : ''}`,
      ...(crashed ? { fault: 'crash-after-publish' as const } : {}),
    };
  }
  const published = await publishRow(ctx, row);
  relay.relay = { outboxSeq: row.seq, eventId: row.eventId, stage: 'published' };
  const crashed = rng.chance(run.settings.faults.crashAfterPublish);
  if (crashed) crashRelay(ctx);
  return {
    ...base,
    kind: 'relay-publish',
    phase: 'relay-publish',
    text: `${published.text}${crashed ? '; crash before mark-sent (fault): the row stays pending' : ''}`,
    fault: crashed ? 'crash-after-publish' : published.reordered ? 'reorder' : undefined,
    nodeIds: [row.ownerId, row.eventTypeId, ...ctx.index.subscriptions(row.eventTypeId).map((s) => s.consumer.id)],
  };
}

/** Micro-step: the relay finishes the row it holds: marks it sent (or, at-most-once mutant, publishes it). */
export async function relayFinish(ctx: StepContext, holding: RelayHolding): Promise<StepReport> {
  const { run, tx } = ctx;
  const row = await tx.get('outbox', [run.runId, holding.outboxSeq]);
  if (!row) throw new Error(`the relay holds outbox row #${holding.outboxSeq}, which is not in the table`);
  delete relayOf(run).relay;
  if (holding.stage === 'marked') {
    const published = await publishRow(ctx, row);
    return { kind: 'relay-publish', phase: 'relay-publish', text: published.text, eventId: row.eventId, nodeIds: [row.ownerId, row.eventTypeId], edgeIds: [edgeId('emits', row.ownerId, row.eventTypeId)] };
  }
  await markSent(ctx, row);
  return {
    kind: 'relay-mark-sent',
    phase: 'relay-mark-sent',
    text: `relay marked ${row.eventTypeName} ${row.eventId} sent in ${ctx.index.nodeName(row.ownerId)}'s outbox`,
    eventId: row.eventId,
    nodeIds: [row.ownerId],
    edgeIds: [],
  };
}

/** Micro-step (dual write): an owner publishes an event it committed straight to the broker from its memory. */
export async function directPublish(ctx: StepContext, ownerId: string, process?: ProcessRecord): Promise<StepReport | undefined> {
  const { run, tx } = ctx;
  const own = process?.instance !== undefined;
  const rows: DirectPublishRecord[] = await tx.query('directPublishes', '[runId+ownerId+seq]', { prefix: [run.runId, ownerId], ...(own ? {} : { limit: 1 }) });
  const pending = rows.find((row) => heldBy(row, process));
  if (!pending) return undefined;
  await tx.delete('directPublishes', [run.runId, pending.seq]);
  bump(run.stats.directPending, ownerId, -1);
  if (process && own) process.directHeld = Math.max(0, (process.directHeld ?? 0) - 1);
  const message = await eventOf(ctx, pending.eventId);
  const { subscriberIds, reordered } = await publish(ctx, message, ownerId, 'direct');
  progressed(ctx);
  return {
    kind: 'direct-publish',
    phase: 'direct-publish',
    text: `${process && own ? instanceName(ctx.index, process) : ctx.index.nodeName(ownerId)} published ${pending.eventTypeName} ${pending.eventId} directly (dual write) ${audience(ctx, subscriberIds, reordered)}`,
    fault: reordered.length > 0 ? 'reorder' : undefined,
    eventId: pending.eventId,
    nodeIds: [ownerId, message.eventTypeId, ...subscriberIds],
    edgeIds: [edgeId('emits', ownerId, message.eventTypeId)],
  };
}
