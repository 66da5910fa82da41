/**
 * A producer process: takes the next request a caller queued and commits business row + event-store
 * append + outbox rows + a command-log row in one SQL transaction (dual write: no outbox rows; the
 * events are published directly after the commit, or before it in publish-first mode). A lost race
 * on the stream version (the unique constraint) re-reads the aggregate and retries up to the run's
 * conflict-retry limit, then rejects the command. With an idempotency key, a caller's retry of a
 * request that committed is answered from the command log.
 */
import { headers as natsHeaders, type MsgHdrs } from 'nats';
import type { Payload } from '../../src/core';
import { sendsIdempotencyKey } from '../../src/core/engine/flowIndex';
import { uuidFromText } from '../../src/core/engine/rng';
import { buildPayload, evaluate, type ValueContext } from '../../src/core/engine/values';
import type { ProducerPlan } from '../topology/plan';
import { appendEvents, eventsFromEmissions, queueOutbox, StreamConflict, subjectOf, toWire, type StoredEvent } from './events';
import { describe, sleep, transaction, type ProcessContext } from './processContext';

interface QueuedCommand {
  seq: number;
  id: string;
  command_id: string;
  command_name: string;
  payload: Payload;
  attempts: number;
}

type Outcome =
  | { status: 'handled'; aggregateId: string; events: StoredEvent[]; answeredFrom?: number }
  | { status: 'rejected'; reason: string; aggregateId?: string };

/** The aggregate a command addresses, when its payload names one. */
function aggregateOf(ctx: ProcessContext, producerId: string, command: QueuedCommand): string | undefined {
  const definition = ctx.index.command(producerId, command.command_id);
  if (!definition) return undefined;
  const value = evaluate(definition.aggregateId, { input: command.payload, generate: (_g, target) => uuidFromText(`${attemptId(command.id, command.attempts)}:${target}`) }, 'aggregateId');
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** The id of one attempt of a request: the request id, then `<id>#2`, `<id>#3` for the caller's retries. */
export function attemptId(requestId: string, attempt: number): string {
  return attempt <= 1 ? requestId : `${requestId}#${attempt}`;
}

/** Headers naming who published and how (read back into the report's publications). */
export function publisherHeaders(ctx: ProcessContext, eventId: string, ownerId: string, via: 'relay' | 'direct'): MsgHdrs {
  const h = natsHeaders();
  h.set('efd-event-id', eventId);
  h.set('efd-owner', ownerId);
  h.set('efd-via', via);
  h.set('efd-publisher', ctx.who);
  return h;
}

/** Publishes events straight to JetStream (dual write: no outbox, nothing retries it after a crash). */
export async function publishDirect(ctx: ProcessContext, ownerId: string, events: readonly StoredEvent[]): Promise<void> {
  for (const e of events) {
    await ctx.js.publish(subjectOf(ctx.plan, e), JSON.stringify(toWire(e)), {
      msgID: ctx.plan.brokerDedupe ? e.eventId : undefined,
      headers: publisherHeaders(ctx, e.eventId, ownerId, 'direct'),
    });
  }
}

/** Takes the oldest pending request of this producer, in its own transaction. */
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
  const log = `${plan.schema}.command_log`;
  const attempt = attemptId(command.id, command.attempts);
  return transaction(db, async () => {
    if (sendsIdempotencyKey(ctx.index, ctx.spec.settings, plan.id, command.command_id)) {
      const first = (await db.query<{ attempt: number; aggregate_id: string; event_ids: string[] }>(
        `SELECT attempt, aggregate_id, event_ids FROM ${log} WHERE request_id = $1 AND answered_from IS NULL ORDER BY attempt LIMIT 1`, [command.id],
      )).rows[0];
      if (first) {
        await db.query(`INSERT INTO ${log} (request_id, attempt, aggregate_id, event_ids, answered_from) VALUES ($1, $2, $3, $4, $5)`,
          [command.id, command.attempts, first.aggregate_id, JSON.stringify(first.event_ids), first.attempt]);
        return { status: 'handled', aggregateId: first.aggregate_id, events: first.event_ids.map((eventId) => ({ eventId }) as StoredEvent), answeredFrom: first.attempt };
      }
    }
    const generate = (g: 'uuid' | 'now', target: string) => (g === 'uuid' ? uuidFromText(`${attempt}:${target}`) : ctx.now());
    const aggregateValue = evaluate(definition.aggregateId, { input: command.payload, generate }, 'aggregateId');
    if (aggregateValue === undefined || aggregateValue === null || aggregateValue === '') return { status: 'rejected', reason: 'no aggregate id in the payload' };
    const aggregateId = String(aggregateValue);
    const current = await db.query<{ columns: Payload }>(`SELECT columns FROM ${table} WHERE aggregate_id = $1 FOR UPDATE`, [aggregateId]);
    const values: ValueContext = { input: command.payload, before: current.rows[0]?.columns, generate };
    const columns = { ...current.rows[0]?.columns, ...buildPayload(definition.rowChanges, values) };
    const events = eventsFromEmissions(ctx.index, definition.emits, values, { aggregateType: producer.aggregate, aggregateId }, (i) => `${attempt.replace('#', '-r')}-e${i + 1}`);
    const stored = await appendEvents(db, ctx.plan, plan.id, events, { commandId: attempt, causationId: attempt, occurredAt: ctx.now() });
    await db.query(
      `INSERT INTO ${table} (aggregate_id, version, stream_version, columns) VALUES ($1, 1, $2, $3)
       ON CONFLICT (aggregate_id) DO UPDATE SET version = ${table}.version + 1, stream_version = GREATEST(${table}.stream_version, EXCLUDED.stream_version), columns = EXCLUDED.columns, updated_at = clock_timestamp()`,
      [aggregateId, stored.at(-1)?.version ?? 0, JSON.stringify(columns)],
    );
    if (plan.outbox) await queueOutbox(db, ctx.plan, plan.schema, stored);
    await db.query(`INSERT INTO ${log} (request_id, attempt, aggregate_id, event_ids) VALUES ($1, $2, $3, $4)`, [command.id, command.attempts, aggregateId, JSON.stringify(stored.map((e) => e.eventId))]);
    if (!plan.outbox && plan.publishFirst) await publishDirect(ctx, plan.id, stored);
    await ctx.crashPoint('before-commit', ctx.faults.crashBeforeCommit, `${plan.name} about to commit ${command.command_name} ${attempt}${!plan.outbox && plan.publishFirst ? ' (already published: publish-first)' : ''}`);
    return { status: 'handled', aggregateId, events: stored };
  });
}

async function executeWithRetries(ctx: ProcessContext, plan: ProducerPlan, command: QueuedCommand): Promise<Outcome> {
  const limit = ctx.spec.settings.conflictRetries;
  for (let conflicts = 0; ; conflicts++) {
    try {
      return await execute(ctx, plan, command);
    } catch (error) {
      if (!(error instanceof StreamConflict)) throw error;
      ctx.log('conflict', `${command.command_name} ${command.id}: ${error.message} (conflict ${conflicts + 1})`);
      if (conflicts >= limit) {
        return { status: 'rejected', aggregateId: aggregateOf(ctx, plan.id, command), reason: `optimistic concurrency: ${error.message}; gave up after ${conflicts + 1} conflict(s) (limit ${limit} retries)` };
      }
    }
  }
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
    if (outcome.status === 'handled' && outcome.answeredFrom === undefined) {
      await ctx.crashPoint('after-commit', ctx.faults.crashAfterCommit, `${plan.name} committed ${command.command_name} ${attemptId(command.id, command.attempts)} (${outcome.events.map((e) => e.eventId).join(', ') || 'no events'}), not yet answered`);
      if (!plan.outbox && !plan.publishFirst) await publishDirect(ctx, plan.id, outcome.events);
    }
    await ctx.db.query(
      `UPDATE ${ctx.plan.schemas.runner}.commands SET status = $2, aggregate_id = $3, event_ids = $4, reason = $5, answered_at = clock_timestamp() WHERE seq = $1`,
      [
        command.seq, outcome.status, outcome.aggregateId ?? null,
        outcome.status === 'handled' ? JSON.stringify(outcome.events.map((e) => e.eventId)) : null,
        outcome.status === 'rejected' ? outcome.reason : outcome.answeredFrom !== undefined ? `answered from attempt ${outcome.answeredFrom} (idempotency key)` : null,
      ],
    );
  }
}
