/**
 * Reads what a run left on the real components: every PostgreSQL table of the plan and every
 * message JetStream kept (the channel streams are the publications, the dead-letter stream the dead
 * letters, the durables' state the deliveries). Plain rows, named like the simulator's records, for
 * the checker.
 */
import type { JetStreamManager, JsMsg } from 'nats';
import { AckPolicy, DeliverPolicy, ReplayPolicy } from 'nats';
import type pg from 'pg';
import type { Payload } from '../../src/core';
import type { StoredEvent } from '../processes/events';
import type { InfraPlan } from '../topology/plan';

export interface RealCommand {
  seq: number; id: string; producerId: string; commandId: string; commandName: string; payload: Payload;
  status: 'pending' | 'taken' | 'handled' | 'rejected'; attempts: number; aggregateId: string | null; eventIds: string[]; reason: string | null;
}
export interface RealBusinessRow { producerId: string; aggregateId: string; version: number; streamVersion: number; columns: Payload }
export interface RealOutboxRow { ownerId: string; seq: number; eventId: string; eventTypeId: string; eventTypeName: string; status: 'pending' | 'sent'; publishAttempts: number }
export interface RealPublication { stream: string; seq: number; subject: string; eventId: string; eventTypeId: string; eventTypeName: string; publisher: string; time: string }
export interface RowChange { projectionId: string; key: string; before: Payload | null; after: Payload | null }
export interface RealHandling {
  id: number; consumerId: string; instance: string; eventId: string; eventTypeName: string; streamId: string; version: number;
  deliveryCount: number; outcome: 'applied' | 'duplicate-skipped'; changes: RowChange[]; emitted: string[];
}
export interface RealInboxRow { consumerId: string; eventId: string; eventTypeName: string; duplicatesSkipped: number }
export interface RealDeadLetter { consumerId: string; eventId: string; eventTypeName: string; stream: string; streamSeq: number; deliveries: number }
export interface RealProjectionRow { projectionId: string; key: string; values: Payload; lastEventId: string }
export interface RealDurable { consumerId: string; durable: string; stream: string; deliveredSeq: number; ackFloorSeq: number; pending: number; ackPending: number; redelivered: number }
export interface ProcessEvent { seq: number; process: string; kind: string; detail: string }

export interface RealRunRows {
  events: StoredEvent[];
  commands: RealCommand[];
  businessRows: RealBusinessRow[];
  outbox: RealOutboxRow[];
  publications: RealPublication[];
  handlings: RealHandling[];
  inbox: RealInboxRow[];
  deadLetters: RealDeadLetter[];
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
      if (got === 0 || messages.at(-1)!.seq >= last) break;
    }
    return messages;
  } finally {
    await jsm.consumers.delete(stream, reader.name).catch(() => undefined);
  }
}

function parse(msg: JsMsg): { id?: string; type?: string; efd?: { eventTypeId?: string } } {
  try {
    return msg.json();
  } catch {
    return {};
  }
}

export async function readRealRun(db: pg.ClientBase, jsm: JetStreamManager, plan: InfraPlan): Promise<RealRunRows> {
  const { eventStore, runner, readModel } = plan.schemas;
  const q = async <T>(sql: string): Promise<T[]> => (await db.query(sql)).rows as T[];
  const events = (await q<Record<string, unknown>>(`SELECT * FROM ${eventStore}.events ORDER BY position`)).map((r): StoredEvent => ({
    position: Number(r.position), eventId: String(r.event_id), eventTypeId: String(r.event_type_id), eventTypeName: String(r.event_type_name),
    streamId: String(r.stream_id), aggregateType: String(r.aggregate_type), aggregateId: String(r.aggregate_id), version: Number(r.version),
    occurredAt: String(r.occurred_at), payload: r.payload as Payload, sourceId: String(r.source_id), commandId: String(r.command_id), causationId: String(r.causation_id),
  }));
  const commands = (await q<Record<string, unknown>>(`SELECT * FROM ${runner}.commands ORDER BY seq`)).map((r): RealCommand => ({
    seq: Number(r.seq), id: String(r.id), producerId: String(r.producer_id), commandId: String(r.command_id), commandName: String(r.command_name),
    payload: r.payload as Payload, status: r.status as RealCommand['status'], attempts: Number(r.attempts), aggregateId: (r.aggregate_id as string | null) ?? null,
    eventIds: (r.event_ids as string[] | null) ?? [], reason: (r.reason as string | null) ?? null,
  }));
  const businessRows: RealBusinessRow[] = [];
  const outbox: RealOutboxRow[] = [];
  for (const producer of plan.producers) {
    for (const r of await q<Record<string, unknown>>(`SELECT * FROM ${producer.schema}.${producer.businessTable} ORDER BY aggregate_id`)) {
      businessRows.push({ producerId: producer.id, aggregateId: String(r.aggregate_id), version: Number(r.version), streamVersion: Number(r.stream_version), columns: r.columns as Payload });
    }
  }
  for (const owner of [...plan.producers, ...plan.consumers]) {
    for (const r of await q<Record<string, unknown>>(`SELECT * FROM ${owner.schema}.outbox ORDER BY seq`)) {
      outbox.push({ ownerId: owner.id, seq: Number(r.seq), eventId: String(r.event_id), eventTypeId: String(r.event_type_id), eventTypeName: String(r.event_type_name), status: r.status as 'pending' | 'sent', publishAttempts: Number(r.publish_attempts) });
    }
  }
  const inbox: RealInboxRow[] = [];
  for (const consumer of plan.consumers) {
    for (const r of await q<Record<string, unknown>>(`SELECT * FROM ${consumer.schema}.inbox ORDER BY processed_at, event_id`)) {
      inbox.push({ consumerId: consumer.id, eventId: String(r.event_id), eventTypeName: String(r.event_type_name), duplicatesSkipped: Number(r.duplicates_skipped) });
    }
  }
  const handlings = (await q<Record<string, unknown>>(`SELECT * FROM ${runner}.handlings ORDER BY id`)).map((r): RealHandling => ({
    id: Number(r.id), consumerId: String(r.consumer_id), instance: String(r.instance), eventId: String(r.event_id), eventTypeName: String(r.event_type_name),
    streamId: String(r.stream_id), version: Number(r.version), deliveryCount: Number(r.delivery_count), outcome: r.outcome as RealHandling['outcome'],
    changes: r.changes as RowChange[], emitted: r.emitted as string[],
  }));
  const projectionRows: RealProjectionRow[] = [];
  for (const projection of plan.projections) {
    for (const r of await q<Record<string, unknown>>(`SELECT _key, _row, _last_event_id FROM ${readModel}.${projection.table} ORDER BY _key`)) {
      projectionRows.push({ projectionId: projection.id, key: String(r._key), values: r._row as Payload, lastEventId: String(r._last_event_id) });
    }
  }
  const processEvents = (await q<Record<string, unknown>>(`SELECT seq, process, kind, detail FROM ${runner}.process_events ORDER BY seq`)).map((r) => ({
    seq: Number(r.seq), process: String(r.process), kind: String(r.kind), detail: String(r.detail),
  }));

  const publications: RealPublication[] = [];
  for (const channel of plan.channels) {
    for (const msg of await readStream(jsm, channel.stream)) {
      const body = parse(msg);
      publications.push({
        stream: channel.stream, seq: msg.seq, subject: msg.subject, eventId: msg.headers?.get('efd-event-id') || body.id || '',
        eventTypeId: body.efd?.eventTypeId ?? '', eventTypeName: body.type ?? '', publisher: msg.headers?.get('efd-publisher') ?? '',
        time: new Date(msg.info.timestampNanos / 1e6).toISOString(),
      });
    }
  }
  const deadLetters: RealDeadLetter[] = (await readStream(jsm, plan.deadLetters.stream)).map((msg) => {
    const body = parse(msg);
    return {
      consumerId: msg.headers?.get('efd-consumer') ?? '', eventId: body.id ?? '', eventTypeName: body.type ?? '', stream: msg.headers?.get('efd-stream') ?? '',
      streamSeq: Number(msg.headers?.get('efd-stream-seq') ?? 0), deliveries: Number(msg.headers?.get('efd-deliveries') ?? 0),
    };
  });
  const durables: RealDurable[] = [];
  for (const consumer of plan.consumers) {
    for (const d of consumer.durables) {
      const info = await jsm.consumers.info(d.stream, d.durable);
      durables.push({
        consumerId: consumer.id, durable: d.durable, stream: d.stream, deliveredSeq: info.delivered.stream_seq, ackFloorSeq: info.ack_floor.stream_seq,
        pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered,
      });
    }
  }
  return { events, commands, businessRows, outbox, publications, handlings, inbox, deadLetters, projectionRows, durables, processEvents };
}
