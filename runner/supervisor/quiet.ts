/**
 * When a run on real infrastructure is over: no command waiting or taken, no outbox row pending,
 * and no JetStream durable with a message not yet delivered or delivered and not yet acked — seen
 * several polls in a row while every process is up. What is still open is reported in plain words.
 */
import type { JetStreamManager } from 'nats';
import type pg from 'pg';
import type { InfraPlan } from '../topology/plan';

export interface PendingWork {
  commands: number;
  outbox: number;
  /** Messages not yet delivered, and delivered but not acked, over every durable. */
  undelivered: number;
  unacked: number;
  /** A counter that moves whenever anything happens (to see progress). */
  activity: number;
}

export function isIdle(work: PendingWork): boolean {
  return work.commands === 0 && work.outbox === 0 && work.undelivered === 0 && work.unacked === 0;
}

export function describePending(work: PendingWork): string {
  const parts = [
    work.commands > 0 ? `${work.commands} command(s) not answered` : '',
    work.outbox > 0 ? `${work.outbox} outbox row(s) pending` : '',
    work.undelivered > 0 ? `${work.undelivered} message(s) not yet delivered` : '',
    work.unacked > 0 ? `${work.unacked} message(s) delivered and not acked` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'nothing pending' : parts.join(', ');
}

export async function pendingWork(db: pg.ClientBase, jsm: JetStreamManager, plan: InfraPlan): Promise<PendingWork> {
  const outboxes = [...plan.producers, ...plan.consumers].map((o) => `SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) AS total FROM ${o.schema}.outbox`);
  const { rows } = await db.query<{ commands: string; outbox: string; activity: string }>(
    `WITH o AS (${outboxes.join(' UNION ALL ')})
     SELECT (SELECT count(*) FROM ${plan.schemas.runner}.commands WHERE status IN ('pending', 'taken')) AS commands,
            (SELECT coalesce(sum(pending), 0) FROM o) AS outbox,
            (SELECT coalesce(sum(total), 0) FROM o) + (SELECT count(*) FROM ${plan.schemas.runner}.handlings) + (SELECT count(*) FROM ${plan.schemas.runner}.commands WHERE status IN ('handled', 'rejected')) AS activity`,
  );
  let undelivered = 0;
  let unacked = 0;
  let delivered = 0;
  const durables = [...plan.consumers.flatMap((c) => c.durables.map((d) => ({ stream: d.stream, durable: d.durable }))), { stream: plan.advisories.stream, durable: plan.advisories.durable }];
  for (const { stream, durable } of durables) {
    const info = await jsm.consumers.info(stream, durable);
    undelivered += info.num_pending;
    unacked += info.num_ack_pending;
    delivered += info.delivered.stream_seq;
  }
  const row = rows[0];
  return {
    commands: Number(row?.commands ?? 0),
    outbox: Number(row?.outbox ?? 0),
    undelivered,
    unacked,
    activity: Number(row?.activity ?? 0) + delivered,
  };
}
