/**
 * A consumer instance: pulls from its durable JetStream consumers (its partitions, or the shared
 * competing durable), handles one message at a time, and commits inbox row + projection effects +
 * its own emitted events (event store + outbox) + a handling-log row in one SQL transaction; then
 * acks. A failure rolls back and naks: JetStream redelivers until max_deliver, then announces the
 * message for the dead-letter forwarder.
 */
import { randomUUID } from 'node:crypto';
import type { JsMsg } from 'nats';
import type { Payload, ProjectionEffect } from '../../src/core';
import { derivedEventId } from '../../src/core/engine/commitEvents';
import { derivesIds } from '../../src/core/engine/flowIndex';
import { applyEffect, effectKey, eventView, handlerGenerator, type ValueContext } from '../../src/core/engine/values';
import type { ConsumerPlan, DurablePlan } from '../topology/plan';
import { appendEvents, eventsFromEmissions, fromWire, queueOutbox, StreamConflict, type StoredEvent } from './events';
import { subjectToken } from '../topology/names';
import { publishDirect } from './producer';
import { describe, sleep, transaction, type ProcessContext } from './processContext';

/** A handler failure: nothing is committed, the message is nak'ed. */
class HandlerFailure extends Error {}

interface RowChange {
  projectionId: string;
  key: string;
  before: Payload | null;
  after: Payload | null;
}

type Handled = { outcome: 'applied'; changes: RowChange[]; emitted: StoredEvent[] } | { outcome: 'duplicate-skipped' };

function isPoison(payload: Payload, poison: string | null): boolean {
  if (poison === null || poison === '') return false;
  return Object.values(payload).some((v) => (Array.isArray(v) ? v.map(String).includes(poison) : String(v) === poison));
}

async function applyEffects(ctx: ProcessContext, event: StoredEvent, effects: readonly ProjectionEffect[], values: ValueContext): Promise<RowChange[]> {
  const rows = new Map<string, { table: string; projectionId: string; key: string; before: Payload | null; current: Payload | null }>();
  for (const effect of effects) {
    const key = effectKey(effect, values);
    const projection = ctx.plan.projections.find((p) => p.id === effect.projectionId);
    if (key === undefined || !projection) continue;
    const table = `${ctx.plan.schemas.readModel}.${projection.table}`;
    const id = `${effect.projectionId}\u0000${key}`;
    let row = rows.get(id);
    if (!row) {
      const { rows: found } = await ctx.db.query<{ _row: Payload }>(`SELECT _row FROM ${table} WHERE _key = $1 FOR UPDATE`, [key]);
      const before = found[0]?._row ?? null;
      row = { table, projectionId: effect.projectionId, key, before, current: before };
      rows.set(id, row);
    }
    row.current = applyEffect(effect, ctx.index.projection(effect.projectionId), row.current ?? undefined, key, values).next;
  }
  const changes: RowChange[] = [];
  for (const row of rows.values()) {
    if (row.current === null) {
      await ctx.db.query(`DELETE FROM ${row.table} WHERE _key = $1`, [row.key]);
    } else {
      await ctx.db.query(
        `INSERT INTO ${row.table} (_key, _row, _last_event_id) VALUES ($1, $2, $3)
         ON CONFLICT (_key) DO UPDATE SET _row = EXCLUDED._row, _last_event_id = EXCLUDED._last_event_id, _updated_at = clock_timestamp()`,
        [row.key, JSON.stringify(row.current), event.eventId],
      );
    }
    changes.push({ projectionId: row.projectionId, key: row.key, before: row.before, after: row.current });
  }
  return changes;
}

async function handleInTransaction(ctx: ProcessContext, plan: ConsumerPlan, event: StoredEvent, deliveryCount: number): Promise<Handled> {
  const { db } = ctx;
  const log = (outcome: string, changes: unknown, emitted: string[]) =>
    db.query(
      `INSERT INTO ${ctx.plan.schemas.runner}.handlings (consumer_id, instance, event_id, event_type_name, stream_id, version, delivery_count, outcome, changes, emitted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [plan.id, ctx.who, event.eventId, event.eventTypeName, event.streamId, event.version, deliveryCount, outcome, JSON.stringify(changes), JSON.stringify(emitted)],
    );
  return transaction(db, async () => {
    if (plan.inbox) {
      const inserted = await db.query(`INSERT INTO ${plan.schema}.inbox (event_id, event_type_name) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING`, [event.eventId, event.eventTypeName]);
      if (inserted.rowCount === 0) {
        await db.query(`UPDATE ${plan.schema}.inbox SET duplicates_skipped = duplicates_skipped + 1 WHERE event_id = $1`, [event.eventId]);
        await log('duplicate-skipped', [], []);
        return { outcome: 'duplicate-skipped' as const };
      }
    }
    const handler = ctx.index.subscriptions(event.eventTypeId).find((s) => s.consumer.id === plan.id)?.handler;
    const values: ValueContext = { event: eventView(event), generate: handlerGenerator(event.eventId, event.occurredAt, plan.id) };
    for (const external of handler?.externalEffects ?? []) await callOut(ctx, plan.id, event.eventId, external.name);
    const changes = await applyEffects(ctx, event, handler?.effects ?? [], values);
    const derived = derivesIds(ctx.index, ctx.spec.settings, plan.id);
    const emittedId = (i: number) => (derived ? derivedEventId(event.eventId, plan.id, i) : randomUUID());
    const emitted = eventsFromEmissions(ctx.index, handler?.emits ?? [], values, { aggregateType: plan.name }, emittedId);
    const stored = await appendEvents(db, ctx.plan, plan.id, emitted, { commandId: event.commandId, causationId: event.eventId, occurredAt: ctx.now() }, derived);
    if (plan.outbox) await queueOutbox(db, ctx.plan, plan.schema, stored);
    await log('applied', changes, stored.map((e) => e.eventId));
    if (!plan.outbox && plan.publishFirst) await publishDirect(ctx, plan.id, stored);
    await ctx.crashPoint('before-commit', ctx.faults.crashBeforeCommit, `${plan.name} about to commit ${event.eventTypeName} ${event.eventId}${handler?.externalEffects?.length ? ' (external calls already made)' : ''}`);
    return { outcome: 'applied' as const, changes, emitted: stored };
  });
}

async function handleWithRetries(ctx: ProcessContext, plan: ConsumerPlan, event: StoredEvent, deliveryCount: number): Promise<Handled> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await handleInTransaction(ctx, plan, event, deliveryCount);
    } catch (error) {
      if (!(error instanceof StreamConflict) || attempt >= 3) throw error;
      ctx.log('conflict', `${plan.name} handling ${event.eventTypeName} ${event.eventId}: ${error.message}; retrying`);
    }
  }
}

/**
 * An external side effect (an e-mail, an API call): it happens in the outside world, not in the
 * consumer's transaction — here a message on the external-effects stream, which stands in for the
 * mail server's log. A rollback or a crash after it cannot take it back.
 */
async function callOut(ctx: ProcessContext, consumerId: string, eventId: string, name: string): Promise<void> {
  await ctx.js.publish(`${ctx.plan.externalEffects.subjectPrefix}.${subjectToken(consumerId)}`, JSON.stringify({ consumerId, eventId, name, by: ctx.who }));
}

/** Handles one delivered message, from the fault draws to the ack. */
export async function handleMessage(ctx: ProcessContext, plan: ConsumerPlan, msg: JsMsg): Promise<void> {
  let event: StoredEvent;
  try {
    event = fromWire(msg.json());
  } catch (error) {
    ctx.log('unreadable', `${msg.subject} #${msg.seq}: ${describe(error)}; terminated`);
    msg.term();
    return;
  }
  if (!plan.handledTypeIds.includes(event.eventTypeId)) {
    await msg.ackAck();
    return;
  }
  const deliveryCount = msg.info.deliveryCount;
  let handled: Handled;
  try {
    if (isPoison(event.payload, ctx.faults.poisonValue)) throw new HandlerFailure(`poison value "${ctx.faults.poisonValue}" (fault)`);
    if (ctx.rng.chance(ctx.faults.consumerFailure)) throw new HandlerFailure('consumer failure (fault)');
    handled = await handleWithRetries(ctx, plan, event, deliveryCount);
  } catch (error) {
    const last = deliveryCount >= plan.maxDeliver;
    ctx.log('handle-failed', `${plan.name} failed ${event.eventTypeName} ${event.eventId} on delivery ${deliveryCount} of ${plan.maxDeliver}: ${describe(error)}${last ? '; JetStream gives up: dead letter' : '; nak, redelivery'}`);
    msg.nak();
    return;
  }
  await ctx.crashPoint('after-handle', ctx.faults.crashAfterHandle, `${plan.name} committed ${event.eventTypeName} ${event.eventId} (delivery ${deliveryCount}), not yet acked${handled.outcome === 'applied' && !plan.outbox && !plan.publishFirst && handled.emitted.length > 0 ? ', its direct publishes not yet sent' : ''}`);
  if (handled.outcome === 'applied' && !plan.outbox && !plan.publishFirst) await publishDirect(ctx, plan.id, handled.emitted);
  if (ctx.rng.chance(ctx.faults.duplicateDelivery)) {
    ctx.log('ack-lost', `${plan.name}: the ack of ${event.eventTypeName} ${event.eventId} is lost (fault); JetStream redelivers after the ack wait`);
    return;
  }
  await msg.ackAck().catch((error: unknown) => ctx.log('ack-failed', `${plan.name} ${event.eventId}: ${describe(error)}; it will be redelivered`));
}

/** One instance's loop: every durable it owns, one message at a time across them. */
export async function runConsumer(ctx: ProcessContext): Promise<void> {
  const plan = ctx.plan.consumers.find((c) => c.id === ctx.spec.ownerId);
  if (!plan) throw new Error(`no consumer ${ctx.spec.ownerId} in the plan`);
  const mine = plan.durables.filter((d) => d.instance === undefined || d.instance === ctx.spec.instance);
  let busy = Promise.resolve();
  const serially = (fn: () => Promise<void>) => (busy = busy.then(fn, fn));
  await Promise.all(mine.map((durable) => pull(ctx, durable, (msg) => serially(() => handleMessage(ctx, plan, msg)))));
}

async function pull(ctx: ProcessContext, durable: DurablePlan, handle: (msg: JsMsg) => Promise<void>): Promise<void> {
  while (!ctx.stopping) {
    try {
      const consumer = await ctx.js.consumers.get(durable.stream, durable.durable);
      while (!ctx.stopping) {
        const msg = await consumer.next({ expires: 1000 });
        if (msg) await handle(msg);
      }
    } catch (error) {
      if (ctx.stopping) return;
      ctx.log('pull-failed', `${durable.durable}: ${describe(error)}; retrying`);
      await sleep(200);
    }
  }
}
