/**
 * Reads what a run left on the real components: every PostgreSQL table of the plan and every
 * message JetStream kept (the channel streams are the publications, the dead-letter stream the dead
 * letters, the external-effects stream the outside world's log, the durables' state the
 * deliveries). Plain rows; every time is milliseconds since the run started (`at`), the real
 * runner's "step".
 */
import type { JetStreamManager, JsMsg } from 'nats';
import { AckPolicy, DeliverPolicy, ReplayPolicy } from 'nats';
import type pg from 'pg';
import type { Payload } from '../../src/core';
import { storedEventFromRow, type StoredEvent } from '../processes/events';
import type { InfraPlan } from '../topology/plan';

export interface RealCommand {
  seq: number; id: string; producerId: string; commandId: string; commandName: string; payload: Payload;
  status: 'pending' | 'taken' | 'handled' | 'rejected' | 'crashed'; attempts: number; aggregateId: string | null; eventIds: string[];
  reason: string | null; firedAt: number; answeredAt: number | null;
}
/** A row of a producer's command log: one attempt of a request that committed (or was answered from an earlier one). */
export interface RealCommandLog { producerId: string; requestId: string; attempt: number; aggregateId: string; eventIds: string[]; answeredFrom: number | null; at: number }
export interface RealBusinessRow { producerId: string; aggregateId: string; version: number; streamVersion: number; columns: Payload }
export interface RealOutboxRow {
  ownerId: string; seq: number; eventId: string; eventTypeId: string; eventTypeName: string; status: 'pending' | 'sent'; publishAttempts: number;
  createdAt: number; sentAt: number | null;
}
export interface RealPublication {
  stream: string; seq: number; subject: string; eventId: string; eventTypeId: string; eventTypeName: string; ownerId: string; via: 'relay' | 'direct';
  publisher: string; streamId: string; version: number; causationId: string; at: number;
}
export interface RowChange { projectionId: string; key: string; before: Payload | null; after: Payload | null }
export interface RealHandling {
  id: number; consumerId: string; instance: string; eventId: string; eventTypeName: string; streamId: string; version: number;
  deliveryCount: number; outcome: 'applied' | 'duplicate-skipped'; changes: RowChange[]; emitted: string[]; at: number;
}
export interface RealInboxRow { consumerId: string; eventId: string; eventTypeName: string; duplicatesSkipped: number }
export interface RealDeadLetter { consumerId: string; eventId: string; eventTypeName: string; stream: string; streamSeq: number; deliveries: number; at: number }
export interface RealExternalEffect { consumerId: string; eventId: string; name: string; by: string; at: number }
export interface RealProjectionRow { projectionId: string; key: string; values: Payload; lastEventId: string }
export interface RealDurable {
  consumerId: string; durable: string; stream: string; partition?: number; deliveredSeq: number; ackFloorSeq: number; pending: number; ackPending: number;
}
export interface ProcessEvent { seq: number; process: string; kind: string; detail: string; at: number }

export interface RealRunRows {
  events: (StoredEvent & { at: number })[];
  commands: RealCommand[];
  commandLog: RealCommandLog[];
  businessRows: RealBusinessRow[];
  outbox: RealOutboxRow[];
  publications: RealPublication[];
  handlings: RealHandling[];
  inbox: RealInboxRow[];
  deadLetters: RealDeadLetter[];
  externalEffects: RealExternalEffect[];
  projectionRows: RealProjectionRow[];
  durables: RealDurable[];
  processEvents: ProcessEvent[];
}

/** Every message of a stream, oldest first, through a temporary pull consumer without acks. */
export async function readStream(jsm: JetStreamManager, stream: string): Promise<JsMsg[]> {
  const info = await jsm.streams.info(stream);
  const last = info.state.last_seq;
  if (info.state.messages === 0) return [];
  const reader = await jsm.consumers.add(stream, {
    ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All, replay_policy: ReplayPolicy.Instant, inactive_threshold: 60_000_000_000,
  });
  try {
    const consumer = await jsm.jetstream().consumers.get(stream, reader.name);
    const messages: JsMsg[] = [];
    while (messages.length < info.state.messages) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 1000 });
      let got = 0;
      for await (const msg of batch) {
        messages.push(msg);
        got += 1;
      }
      if (got === 0 || (messages.at(-1)?.seq ?? last) >= last) break;
    }
    return messages;
  } finally {
    await jsm.consumers.delete(stream, reader.name).catch(() => undefined);
  }
}

function json<T>(msg: JsMsg): Partial<T> {
  try {
    return msg.json<Partial<T>>();
  } catch {
    return {};
  }
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export async function readRealRun(db: pg.ClientBase, jsm: JetStreamManager, plan: InfraPlan, startedAt: number): Promise<RealRunRows> {
  const { eventStore, runner, readModel } = plan.schemas;
  const ms = (column: string) => `((extract(epoch from ${column}) * 1000)::bigint - ${Math.round(startedAt)}) AS ${column.replace(/\W/g, '_')}_ms`;
  const since = (epochMs: number) => epochMs - startedAt;
  const q = async (sql: string): Promise<Record<string, unknown>[]> => (await db.query(sql)).rows as Record<string, unknown>[];
  const events = (await q(`SELECT *, ${ms('committed_at')} FROM ${eventStore}.events ORDER BY position`)).map((r) => ({ ...storedEventFromRow(r), at: Number(r.committed_at_ms) }));
  const commands = (await q(`SELECT *, ${ms('fired_at')}, ${ms('answered_at')} FROM ${runner}.commands ORDER BY seq`)).map((r): RealCommand => ({
    seq: Number(r.seq), id: String(r.id), producerId: String(r.producer_id), commandId: String(r.command_id), commandName: String(r.command_name),
    payload: r.payload as Payload, status: r.status as RealCommand['status'], attempts: Number(r.attempts), aggregateId: text(r.aggregate_id),
    eventIds: (r.event_ids as string[] | null) ?? [], reason: text(r.reason), firedAt: Number(r.fired_at_ms),
    answeredAt: r.answered_at_ms === null ? null : Number(r.answered_at_ms),
  }));
  const commandLog: RealCommandLog[] = [];
  const businessRows: RealBusinessRow[] = [];
  for (const producer of plan.producers) {
    for (const r of await q(`SELECT *, ${ms('committed_at')} FROM ${producer.schema}.command_log ORDER BY committed_at, request_id, attempt`)) {
      commandLog.push({
        producerId: producer.id, requestId: String(r.request_id), attempt: Number(r.attempt), aggregateId: String(r.aggregate_id),
        eventIds: r.event_ids as string[], answeredFrom: r.answered_from === null ? null : Number(r.answered_from), at: Number(r.committed_at_ms),
      });
    }
    for (const r of await q(`SELECT * FROM ${producer.schema}.${producer.businessTable} ORDER BY aggregate_id`)) {
      businessRows.push({ producerId: producer.id, aggregateId: String(r.aggregate_id), version: Number(r.version), streamVersion: Number(r.stream_version), columns: r.columns as Payload });
    }
  }
  const outbox: RealOutboxRow[] = [];
  for (const owner of [...plan.producers, ...plan.consumers]) {
    for (const r of await q(`SELECT *, ${ms('created_at')}, ${ms('sent_at')} FROM ${owner.schema}.outbox ORDER BY seq`)) {
      outbox.push({
        ownerId: owner.id, seq: Number(r.seq), eventId: String(r.event_id), eventTypeId: String(r.event_type_id), eventTypeName: String(r.event_type_name),
        status: r.status as 'pending' | 'sent', publishAttempts: Number(r.publish_attempts), createdAt: Number(r.created_at_ms),
        sentAt: r.sent_at_ms === null ? null : Number(r.sent_at_ms),
      });
    }
  }
  const inbox: RealInboxRow[] = [];
  for (const consumer of plan.consumers) {
    for (const r of await q(`SELECT * FROM ${consumer.schema}.inbox ORDER BY processed_at, event_id`)) {
      inbox.push({ consumerId: consumer.id, eventId: String(r.event_id), eventTypeName: String(r.event_type_name), duplicatesSkipped: Number(r.duplicates_skipped) });
    }
  }
  const handlings = (await q(`SELECT *, ${ms('handled_at')} FROM ${runner}.handlings ORDER BY id`)).map((r): RealHandling => ({
    id: Number(r.id), consumerId: String(r.consumer_id), instance: String(r.instance), eventId: String(r.event_id), eventTypeName: String(r.event_type_name),
    streamId: String(r.stream_id), version: Number(r.version), deliveryCount: Number(r.delivery_count), outcome: r.outcome as RealHandling['outcome'],
    changes: r.changes as RowChange[], emitted: r.emitted as string[], at: Number(r.handled_at_ms),
  }));
  const projectionRows: RealProjectionRow[] = [];
  for (const projection of plan.projections) {
    for (const r of await q(`SELECT _key, _row, _last_event_id FROM ${readModel}.${projection.table} ORDER BY _key`)) {
      projectionRows.push({ projectionId: projection.id, key: String(r._key), values: r._row as Payload, lastEventId: String(r._last_event_id) });
    }
  }
  const processEvents = (await q(`SELECT seq, process, kind, detail, ${ms('at')} FROM ${runner}.process_events ORDER BY seq`)).map((r) => ({
    seq: Number(r.seq), process: String(r.process), kind: String(r.kind), detail: String(r.detail), at: Number(r.at_ms),
  }));

  const publications: RealPublication[] = [];
  for (const channel of plan.channels) {
    for (const msg of await readStream(jsm, channel.stream)) {
      const body = json<{ id: string; type: string; efd: { eventTypeId: string; streamId: string; version: number; causationId: string } }>(msg);
      publications.push({
        stream: channel.stream, seq: msg.seq, subject: msg.subject, eventId: msg.headers?.get('efd-event-id') || body.id || '',
        eventTypeId: body.efd?.eventTypeId ?? '', eventTypeName: body.type ?? '', ownerId: msg.headers?.get('efd-owner') ?? '',
        via: msg.headers?.get('efd-via') === 'direct' ? 'direct' : 'relay', publisher: msg.headers?.get('efd-publisher') ?? '',
        streamId: body.efd?.streamId ?? '', version: body.efd?.version ?? 0, causationId: body.efd?.causationId ?? '',
        at: since(msg.info.timestampNanos / 1e6),
      });
    }
  }
  publications.sort((a, b) => a.at - b.at || (a.stream < b.stream ? -1 : 1) || a.seq - b.seq);
  const deadLetters: RealDeadLetter[] = (await readStream(jsm, plan.deadLetters.stream)).map((msg) => {
    const body = json<{ id: string; type: string }>(msg);
    return {
      consumerId: msg.headers?.get('efd-consumer') ?? '', eventId: body.id ?? '', eventTypeName: body.type ?? '', stream: msg.headers?.get('efd-stream') ?? '',
      streamSeq: Number(msg.headers?.get('efd-stream-seq') ?? 0), deliveries: Number(msg.headers?.get('efd-deliveries') ?? 0), at: since(msg.info.timestampNanos / 1e6),
    };
  });
  const externalEffects: RealExternalEffect[] = (await readStream(jsm, plan.externalEffects.stream)).map((msg) => {
    const body = json<{ consumerId: string; eventId: string; name: string; by: string }>(msg);
    return { consumerId: body.consumerId ?? '', eventId: body.eventId ?? '', name: body.name ?? '', by: body.by ?? '', at: since(msg.info.timestampNanos / 1e6) };
  });
  const durables: RealDurable[] = [];
  for (const consumer of plan.consumers) {
    for (const d of consumer.durables) {
      const info = await jsm.consumers.info(d.stream, d.durable);
      durables.push({
        consumerId: consumer.id, durable: d.durable, stream: d.stream, partition: d.partition, deliveredSeq: info.delivered.stream_seq,
        ackFloorSeq: info.ack_floor.stream_seq, pending: info.num_pending, ackPending: info.num_ack_pending,
      });
    }
  }
  return { events, commands, commandLog, businessRows, outbox, publications, handlings, inbox, deadLetters, externalEffects, projectionRows, durables, processEvents };
}
