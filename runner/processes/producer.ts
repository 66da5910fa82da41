/**
 * A producer process: takes the next command a caller queued, and commits business row + event-store
 * append + outbox rows in one SQL transaction (dual write: business row + event, then a direct
 * publish after the commit). A lost race on the stream version (the unique constraint) re-reads the
 * aggregate and retries, up to CONFLICT_RETRIES, then rejects the command.
 */
import { headers as natsHeaders, type MsgHdrs } from 'nats';
import type { Payload } from '../../src/core';
import { uuidFromText } from '../../src/core/engine/rng';
import { buildPayload, evaluate, type ValueContext } from '../../src/core/engine/values';
import type { ProducerPlan } from '../topology/plan';
import { appendEvents, eventsFromEmissions, queueOutbox, StreamConflict, subjectOf, toWire, type StoredEvent } from './events';
import { describe, sleep, transaction, type ProcessContext } from './processContext';

/** Times a command that lost a race on its stream is retried before it is rejected. */
export const CONFLICT_RETRIES = 3;

interface QueuedCommand {
  seq: number;
  id: string;
  command_id: string;
  command_name: string;
  payload: Payload;
  attempts: number;
}

type Outcome =
  | { status: 'handled'; aggregateId: string | undefined; events: StoredEvent[]; replayed: boolean }
  | { status: 'rejected'; reason: string; aggregateId?: string };

/** Takes the oldest pending command of this producer (a caller's request), in its own transaction. */
async function take(ctx: ProcessContext, producerId: string): Promise<QueuedCommand | undefined> {
  const table = `${ctx.plan.schemas.runner}.commands`;
  return transaction(ctx.db, async () => {
    const { rows } = await ctx.db.query<QueuedCommand>(
      `SELECT seq, id, command_id, command_name, payload, attempts FROM ${table} WHERE producer_id = $1 AND status = 'pending' ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [producerId],
    );
    const row = rows[0];
    if (!row) return undefined;
    await ctx.db.query(`UPDATE ${table} SET status = 'taken', taken_by = $2, attempts = attempts + 1 WHERE seq = $1`, [row.seq, ctx.who]);
    return { ...row, attempts: row.attempts + 1 };
  });
}

async function execute(ctx: ProcessContext, plan: ProducerPlan, command: QueuedCommand): Promise<Outcome> {
  const producer = ctx.index.producer(plan.id);
  const definition = ctx.index.command(plan.id, command.command_id);
  if (!producer || !definition) return { status: 'rejected', reason: 'the command no longer exists in the design' };
  const { db } = ctx;
  const table = `${plan.schema}.${plan.businessTable}`;
  return transaction(db, async () => {
    const answered = await db.query<{ event_ids: string[] }>(`SELECT event_ids FROM ${plan.schema}.processed_commands WHERE command_id = $1`, [command.id]);
    const first = answered.rows[0];
    if (first && ctx.spec.idempotentCommands) {
      const events = await db.query<{ event_id: string }>(`SELECT event_id FROM ${ctx.plan.schemas.eventStore}.events WHERE event_id = ANY($1::text[])`, [first.event_ids]);
      return { status: 'handled', aggregateId: undefined, events: events.rows.map((r) => ({ eventId: r.event_id }) as StoredEvent), replayed: true };
    }
    const generate = (g: 'uuid' | 'now', target: string) => (g === 'uuid' ? uuidFromText(`${command.id}#${command.attempts}:${target}`) : ctx.now());
    const aggregateValue = evaluate(definition.aggregateId, { input: command.payload, generate }, 'aggregateId');
    if (aggregateValue === undefined || aggregateValue === null || aggregateValue === '') return { status: 'rejected', reason: 'no aggregate id in the payload' };
    const aggregateId = String(aggregateValue);
    const current = await db.query<{ version: number; columns: Payload }>(`SELECT version, columns FROM ${table} WHERE aggregate_id = $1 FOR UPDATE`, [aggregateId]);
    const row = current.rows[0];
    const values: ValueContext = { input: command.payload, before: row?.columns, generate };
    const columns = { ...row?.columns, ...buildPayload(definition.rowChanges, values) };
    const retry = command.attempts > 1 ? `-r${command.attempts}` : '';
    const events = eventsFromEmissions(ctx.index, definition.emits, values, { aggregateType: producer.aggregate, aggregateId }, (i) => `${command.id}${retry}-e${i + 1}`);
    const stored = await appendEvents(db, ctx.plan, plan.id, events, { commandId: command.id, causationId: command.id, occurredAt: ctx.now() });
    const streamVersion = stored.at(-1)?.version ?? 0;
    await db.query(
      `INSERT INTO ${table} (aggregate_id, version, stream_version, columns) VALUES ($1, 1, $2, $3)
       ON CONFLICT (aggregate_id) DO UPDATE SET version = ${table}.version + 1, stream_version = GREATEST(${table}.stream_version, EXCLUDED.stream_version), columns = EXCLUDED.columns, updated_at = clock_timestamp()`,
      [aggregateId, streamVersion, JSON.stringify(columns)],
    );
    if (plan.outbox) await queueOutbox(db, ctx.plan, plan.schema, stored);
    await db.query(`INSERT INTO ${plan.schema}.processed_commands (command_id, event_ids) VALUES ($1, $2) ON CONFLICT (command_id) DO NOTHING`, [command.id, JSON.stringify(stored.map((e) => e.eventId))]);
    return { status: 'handled', aggregateId, events: stored, replayed: false };
  });
}

async function executeWithRetries(ctx: ProcessContext, plan: ProducerPlan, command: QueuedCommand): Promise<Outcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await execute(ctx, plan, command);
    } catch (error) {
      if (!(error instanceof StreamConflict)) throw error;
      ctx.log('conflict', `${command.command_name} ${command.id}: ${error.message} (attempt ${attempt + 1})`);
      if (attempt >= CONFLICT_RETRIES) return { status: 'rejected', reason: `optimistic concurrency: ${error.message}, ${CONFLICT_RETRIES} retries exhausted` };
    }
  }
}

/** Publishes committed events straight to JetStream (dual write: no outbox, no retry after a crash). */
export async function publishDirect(ctx: ProcessContext, events: readonly StoredEvent[]): Promise<void> {
  for (const e of events) {
    await ctx.js.publish(subjectOf(ctx.plan, e), JSON.stringify(toWire(e)), {
      msgID: ctx.plan.brokerDedupe ? e.eventId : undefined,
      headers: publisherHeaders(ctx, e.eventId),
    });
  }
}

/** Headers naming who published (read back into the report's publications). */
export function publisherHeaders(ctx: ProcessContext, eventId: string): MsgHdrs {
  const h = natsHeaders();
  h.set('efd-event-id', eventId);
  h.set('efd-publisher', ctx.who);
  return h;
}

/** The producer's loop: take, execute, (crash point), publish directly in dual write, answer the caller. */
export async function runProducer(ctx: ProcessContext): Promise<void> {
  const plan = ctx.plan.producers.find((p) => p.id === ctx.spec.ownerId);
  if (!plan) throw new Error(`no producer ${ctx.spec.ownerId} in the plan`);
  while (!ctx.stopping) {
    const command = await take(ctx, plan.id);
    if (!command) {
      await sleep(25);
      continue;
    }
    let outcome: Outcome;
    try {
      outcome = await executeWithRetries(ctx, plan, command);
    } catch (error) {
      outcome = { status: 'rejected', reason: `error: ${describe(error)}` };
    }
    if (outcome.status === 'handled' && !outcome.replayed && outcome.events.length > 0) {
      await ctx.crashPoint('after-commit', ctx.faults.crashAfterCommit, `${plan.name} committed ${command.command_name} ${command.id} (${outcome.events.map((e) => e.eventId).join(', ')})`);
      if (!plan.outbox) await publishDirect(ctx, outcome.events);
    }
    await ctx.db.query(
      `UPDATE ${ctx.plan.schemas.runner}.commands SET status = $2, aggregate_id = $3, event_ids = $4, reason = $5, answered_at = clock_timestamp() WHERE seq = $1`,
      [
        command.seq, outcome.status, outcome.aggregateId ?? null,
        outcome.status === 'handled' ? JSON.stringify(outcome.events.map((e) => e.eventId)) : null,
        outcome.status === 'rejected' ? outcome.reason : outcome.replayed ? 'answered from the first commit (idempotent retry)' : null,
      ],
    );
  }
}
