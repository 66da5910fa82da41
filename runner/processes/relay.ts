/**
 * A relay process: polls one outbox with `FOR UPDATE SKIP LOCKED` (several relays of the same
 * outbox take disjoint rows), publishes the batch to JetStream row by row, waiting for each PubAck,
 * then marks the rows sent, all inside one transaction that holds the row locks. Killed after the
 * publishes and before the commit (the crash point is drawn once per batch), its transaction is
 * rolled back: the rows stay pending and are published again (at least once; `Nats-Msg-Id` lets
 * JetStream drop the repeat inside its duplicate window).
 */
import type { OutboxOwnerPlan } from '../topology/plan';
import { publisherHeaders } from './producer';
import { describe, sleep, transaction, type ProcessContext } from './processContext';

/** Rows a relay takes per transaction. */
export const RELAY_BATCH = 16;

interface OutboxRow {
  seq: string;
  event_id: string;
  event_type_name: string;
  subject: string;
  message: unknown;
}

/** One poll: publishes and marks sent up to RELAY_BATCH rows; the number of rows it took. */
export async function relayOnce(ctx: ProcessContext, owner: OutboxOwnerPlan): Promise<number> {
  return transaction(ctx.db, async () => {
    const { rows } = await ctx.db.query<OutboxRow>(
      `SELECT seq, event_id, event_type_name, subject, message FROM ${owner.schema}.outbox WHERE status = 'pending' ORDER BY seq LIMIT ${RELAY_BATCH} FOR UPDATE SKIP LOCKED`,
    );
    for (const row of rows) {
      const ack = await ctx.js.publish(row.subject, JSON.stringify(row.message), {
        msgID: ctx.plan.brokerDedupe ? row.event_id : undefined,
        headers: publisherHeaders(ctx, row.event_id, owner.id, 'relay'),
      });
      if (ack.duplicate) ctx.log('publish-duplicate', `${row.event_type_name} ${row.event_id}: JetStream dropped the repeat (Nats-Msg-Id)`);
    }
    if (rows.length > 0) {
      const published = rows.map((r) => `${r.event_type_name} ${r.event_id}`).join(', ');
      await ctx.crashPoint('after-publish', ctx.faults.crashAfterPublish, `relay published ${published} from ${owner.name}'s outbox, not yet marked sent`);
      await ctx.db.query(
        `UPDATE ${owner.schema}.outbox SET status = 'sent', publish_attempts = publish_attempts + 1, sent_at = clock_timestamp() WHERE seq = ANY($1::bigint[])`,
        [rows.map((r) => r.seq)],
      );
    }
    return rows.length;
  });
}

/** The relay's loop. A failed publish (NATS down, timeout) rolls back and tries again. */
export async function runRelay(ctx: ProcessContext): Promise<void> {
  const owner = ctx.plan.producers.find((p) => p.id === ctx.spec.ownerId) ?? ctx.plan.consumers.find((c) => c.id === ctx.spec.ownerId);
  if (!owner) throw new Error(`no outbox owner ${ctx.spec.ownerId} in the plan`);
  while (!ctx.stopping) {
    try {
      const taken = await relayOnce(ctx, owner);
      if (taken < RELAY_BATCH) await sleep(taken === 0 ? 25 : 5);
    } catch (error) {
      ctx.log('relay-failed', `${owner.name}'s outbox: ${describe(error)}; rolled back, retrying`);
      await sleep(200);
    }
  }
}
