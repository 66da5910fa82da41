import { edgeId, type Handler } from '../../model';
import { bump } from '../counters';
import { commitPlanned, eventsFromEmissions, planEvents } from '../commitEvents';
import { derivesIds, publishesFirst, usesInbox, usesOutbox } from '../flowIndex';
import { instanceName } from '../instances';
import { crashConsumer } from '../processes';
import type { DeliveryRecord, EventMessage, HandlingRecord, ProcessRecord, ProjectionRowRecord, RowChange } from '../records';
import type { ConsumerHolding, RowRead } from '../runRecord';
import { progressed, type StepContext, type StepReport } from '../stepContext';
import { applyEffect, effectKey, eventView, handlerGenerator, type ValueContext } from '../values';
import { audience, publish, subscriptionEdge } from './broker';
import { fail, isPoison } from './consumerSteps';
import { guardWrite, releaseLocks } from './raceSteps';
import { invalidate } from './cacheSteps';

/**
 * Applies the handler's projection effects; returns each row's change (before → after). `reads`: a
 * split handling computes from the rows as it read them (issue 13), whatever they hold now, and
 * logs that as `before`; the write bumps the row's version either way.
 */
async function applyEffects(ctx: StepContext, event: EventMessage, handler: Handler | undefined, values: ValueContext, reads?: RowRead[]): Promise<RowChange[]> {
  const { run, tx, index } = ctx;
  const rows = new Map<string, RowChange>();
  const stored = new Map<string, ProjectionRowRecord | undefined>();
  for (const effect of handler?.effects ?? []) {
    const key = effectKey(effect, values);
    if (key === undefined) continue;
    const id = `${effect.projectionId}\u0000${key}`;
    let change = rows.get(id);
    if (!change) {
      const row = await tx.get('projectionRows', [run.runId, effect.projectionId, key]);
      stored.set(id, row);
      const read = reads?.find((r) => r.projectionId === effect.projectionId && r.key === key);
      const base = read ? read.values : row?.values ?? null;
      change = { projectionId: effect.projectionId, key, before: base, after: base };
      rows.set(id, change);
    }
    change.after = applyEffect(effect, index.projection(effect.projectionId), change.after ?? undefined, key, values).next;
  }
  for (const [id, change] of rows) {
    const current = stored.get(id);
    if (index.projection(change.projectionId)?.cache) await invalidate(ctx, change.projectionId, change.key);
    if (change.after === null) {
      if (current) {
        await tx.delete('projectionRows', [run.runId, change.projectionId, change.key]);
        bump(run.stats.projectionRows, change.projectionId, -1);
      }
    } else {
      const row: ProjectionRowRecord = {
        runId: run.runId, projectionId: change.projectionId, key: change.key, values: change.after, lastEventId: event.eventId, updatedStep: run.step,
        version: (current?.version ?? 0) + 1,
      };
      await tx.put('projectionRows', row);
      if (!current) bump(run.stats.projectionRows, change.projectionId);
    }
  }
  return [...rows.values()];
}

async function logHandling(ctx: StepContext, delivery: DeliveryRecord, event: EventMessage, outcome: HandlingRecord['outcome'], changes: RowChange[], emitted: string[]): Promise<void> {
  const { run } = ctx;
  await ctx.tx.put('handlings', {
    runId: run.runId, seq: ++run.seq.handling, consumerId: delivery.consumerId, eventId: event.eventId, eventTypeId: event.eventTypeId,
    streamId: event.streamId, version: event.version, deliverySeq: delivery.seq, outcome, changes, emitted, step: run.step,
  });
  run.stats.handlings += 1;
}

async function recordInbox(ctx: StepContext, consumerId: string, event: EventMessage): Promise<void> {
  const { run } = ctx;
  await ctx.tx.put('inbox', { runId: run.runId, consumerId, eventId: event.eventId, seq: ++run.seq.inbox, eventTypeName: event.eventTypeName, processedStep: run.step, duplicatesSkipped: 0 });
  bump(run.stats.inboxProcessed, consumerId);
}

/** Micro-step (separate-inbox mutant only): the consumer writes the inbox row of a handling committed in the step before. */
export async function recordInboxLater(ctx: StepContext, process: ProcessRecord, holding: ConsumerHolding): Promise<StepReport> {
  const { run, tx } = ctx;
  const consumerId = process.nodeId;
  const delivery = await tx.get('deliveries', [run.runId, holding.deliverySeq]);
  const publication = delivery && (await tx.get('publications', [run.runId, delivery.publicationSeq]));
  if (!delivery || !publication) throw new Error(`${consumerId} holds delivery #${holding.deliverySeq}, which is not in the table`);
  await recordInbox(ctx, consumerId, publication.message);
  process.consumer = { ...holding, stage: 'handled' };
  return {
    kind: 'handle', phase: 'inbox-record-later', text: `${instanceName(ctx.index, process)} recorded ${publication.eventTypeName} ${publication.eventId} in its inbox (a second transaction)`,
    eventId: publication.eventId, nodeIds: [consumerId], edgeIds: [],
  };
}

/**
 * Micro-step: the consumer handles the message it holds, in one transaction: inbox check,
 * projection effects, change log, inbox row, and its own emitted events (event store + outbox).
 * External effects happen outside the transaction, before the commit. A failure (fault or poison)
 * commits nothing; a crash before the commit leaves only the external effects behind.
 */
export async function handleDelivery(ctx: StepContext, process: ProcessRecord, holding: ConsumerHolding): Promise<StepReport> {
  const { run, tx, index, rng, mutants } = ctx;
  const consumerId = process.nodeId;
  const delivery = await tx.get('deliveries', [run.runId, holding.deliverySeq]);
  const publication = delivery && (await tx.get('publications', [run.runId, delivery.publicationSeq]));
  const consumer = index.consumer(consumerId);
  if (!delivery || !publication) throw new Error(`${consumerId} holds delivery #${holding.deliverySeq}, which is not in the table`);
  if (!consumer) return fail(ctx, process, delivery, 'unknown consumer', false);
  const event = publication.message;
  const name = instanceName(index, process);
  const acked = holding.stage === 'acked';
  const poison = isPoison(event.payload, run.settings.faults.poisonValue);
  const failure = poison ? `poison value "${run.settings.faults.poisonValue}" (fault)` : rng.chance(run.settings.faults.consumerFailure) ? 'consumer failure (fault)' : undefined;
  if (failure && acked) {
    delete process.consumer;
    return {
      kind: 'handle-failed', phase: 'handle-failed', fault: poison ? 'poison' : 'consumer-failure', eventId: event.eventId, nodeIds: [consumerId], edgeIds: [],
      text: `${name} failed to handle ${event.eventTypeName} ${event.eventId}: ${failure}; it was acknowledged already, so nothing brings it back`,
    };
  }
  if (failure) return fail(ctx, process, delivery, failure, poison);
  const split = holding.stage === 'read';
  if (split) {
    const refused = await guardWrite(ctx, process, holding, delivery);
    if (refused) return refused;
  }
  const done = async (stage: ConsumerHolding['stage']) => {
    if (split) await releaseLocks(ctx, process);
    if (acked) delete process.consumer;
    else process.consumer = split ? { deliverySeq: holding.deliverySeq, stage } : { ...holding, stage };
  };
  const edge = subscriptionEdge(ctx, delivery);
  const inbox = usesInbox(index, run.settings, consumerId);
  const inboxRow = inbox && !mutants.skipInboxCheck ? await tx.get('inbox', [run.runId, consumerId, event.eventId]) : undefined;
  if (inboxRow) {
    await tx.put('inbox', { ...inboxRow, duplicatesSkipped: inboxRow.duplicatesSkipped + 1 });
    await tx.put('deliveries', { ...delivery, outcome: 'duplicate-skipped' });
    await logHandling(ctx, delivery, event, 'skipped', [], []);
    bump(run.stats.duplicatesSkipped, consumerId);
    await done('handled');
    return crashAfterHandle(ctx, process, {
      kind: 'handle', phase: 'inbox-duplicate', text: `${name} skipped duplicate ${event.eventTypeName} ${event.eventId}: already in its inbox`,
      eventId: event.eventId, nodeIds: [consumerId], edgeIds: [edge],
    });
  }
  const handler = index.subscriptions(event.eventTypeId).find((s) => s.consumer.id === consumerId)?.handler;
  const values: ValueContext = { event: eventView(event, index.flow.envelope, index.flow.id), generate: handlerGenerator(event.eventId, event.occurredAt, consumerId) };
  const parts: string[] = [];
  for (const external of handler?.externalEffects ?? []) {
    await tx.put('externalEffects', { runId: run.runId, seq: ++run.seq.external, consumerId, eventId: event.eventId, name: external.name, step: run.step });
    parts.push(`called out: ${external.name}`);
  }
  const derive = derivesIds(index, run.settings, consumerId) ? { causeEventId: event.eventId, consumerId } : undefined;
  const emitted = eventsFromEmissions(ctx, handler?.emits ?? [], values, { aggregateType: consumer.name }, derive);
  const planned = await planEvents(ctx, consumerId, emitted, { commandId: event.commandId, causationId: event.eventId, depth: event.depth + 1 });
  const outbox = usesOutbox(index, run.settings, consumerId) && !mutants.emitWithoutOutbox;
  const first = !outbox && publishesFirst(run.settings, consumerId);
  if (first) {
    for (const p of planned) {
      const { subscriberIds, reordered } = await publish(ctx, p.message, consumerId, 'direct');
      parts.push(`published ${p.message.eventTypeName} ${p.message.eventId} first (publish-first dual write) ${audience(ctx, subscriberIds, reordered)}`);
    }
  }
  if (rng.chance(run.settings.faults.crashBeforeCommit)) {
    const after = await crashConsumer(ctx, process);
    const before = parts.length > 0 ? `${parts.join('; ')}; ` : '';
    return {
      kind: 'handle', phase: 'handle-crashed', fault: 'crash-before-commit', eventId: event.eventId, nodeIds: [consumerId], edgeIds: [edge],
      text: `${name} ${before}crashed before committing its handling of ${event.eventTypeName} ${event.eventId} (fault): nothing committed${after}`,
    };
  }
  const changes = await applyEffects(ctx, event, handler, values, split ? holding.reads : undefined);
  const stored = await commitPlanned(ctx, consumerId, planned, { published: first, direct: !outbox, holder: process });
  const emittedIds = planned.map((p) => p.message.eventId);
  await logHandling(ctx, delivery, event, 'applied', changes, emittedIds);
  const separate = inbox && mutants.inboxInSeparateTransaction;
  if (inbox && !separate) await recordInbox(ctx, consumerId, event);
  await tx.put('deliveries', { ...delivery, outcome: 'applied' });
  await done(separate ? 'applied' : 'handled');
  progressed(ctx);
  const projections = [...new Set(changes.map((c) => c.projectionId))];
  const reEmitted = planned.filter((p) => !p.isNew).map((p) => p.message);
  parts.unshift(projections.length > 0 ? `updated ${projections.map((p) => index.nodeName(p)).join(', ')}` : 'no projection effect');
  parts.push(inbox ? (separate ? 'inbox row to follow in a second transaction' : 'inbox recorded') : 'no inbox check (inbox off)');
  parts.push(...stored.map((e) => `emitted ${e.eventTypeName} ${e.eventId} (${first ? 'published first' : outbox ? 'outbox' : 'dual write'})`));
  parts.push(...reEmitted.map((e) => `re-emitted ${e.eventTypeName} ${e.eventId} (same derived id: not appended again)`));
  const report: StepReport = {
    kind: 'handle',
    phase: !inbox ? 'apply-without-inbox' : separate ? 'inbox-apply-separately' : 'inbox-apply',
    text: `${name} applied ${event.eventTypeName} ${event.eventId}: ${parts.join('; ')}`,
    eventId: event.eventId,
    nodeIds: [consumerId, ...projections, ...planned.map((p) => p.message.eventTypeId)],
    edgeIds: [edge, ...projections.map((p) => edgeId('updates', consumerId, p)), ...planned.map((p) => edgeId('emits', consumerId, p.message.eventTypeId))],
  };
  return crashAfterHandle(ctx, process, report);
}

/** The crash-after-handle fault: the consumer's process ends after its commit, before its ack. */
async function crashAfterHandle(ctx: StepContext, process: ProcessRecord, report: StepReport): Promise<StepReport> {
  if (!ctx.rng.chance(ctx.run.settings.faults.crashAfterHandle)) return report;
  const name = instanceName(ctx.index, process);
  const after = await crashConsumer(ctx, process);
  return { ...report, fault: 'crash-after-handle', text: `${report.text}; ${name} crashed after the commit, before acknowledging (fault)${after}` };
}
