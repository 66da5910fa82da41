/**
 * Events on real infrastructure: built from a design's emissions with the core's value evaluation,
 * appended to the PostgreSQL event store (the unique (stream, version) constraint is the optimistic
 * concurrency check), queued in an outbox, and put on the wire as a CloudEvents-shaped JSON body.
 */
import type pg from 'pg';
import { lastSegment, valueAtPath, type Emission } from '../../src/core';
import type { Payload } from '../../src/core';
import { aggregateTypeFromField, type FlowIndex } from '../../src/core/engine/flowIndex';
import { buildPayload, type ValueContext } from '../../src/core/engine/values';
import type { InfraPlan } from '../topology/plan';
import { messageOrderingKey, messageSubject } from '../topology/plan';

/** An event about to be appended. */
export interface NewEvent {
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  payload: Payload;
  aggregateType: string;
  aggregateId: string;
}

/** A row of the event store. Field names follow the simulator's EventRecord. */
export interface StoredEvent extends NewEvent {
  position: number;
  streamId: string;
  version: number;
  occurredAt: string;
  sourceId: string;
  commandId: string;
  causationId: string;
}

/** The JSON body of a message: a CloudEvents 1.0 envelope plus what the consumers and the report need. */
export interface WireEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  data: Payload;
  efd: Omit<StoredEvent, 'payload' | 'eventId' | 'eventTypeName' | 'occurredAt' | 'sourceId'>;
}

/** The unique (stream, version) constraint refused an append: another writer got there first. */
export class StreamConflict extends Error {}

/**
 * Builds the events of emissions (the simulator's rules: the stream is the event type's aggregate,
 * named after its aggregate-id field, or the given fallback). `eventId(i)` names the i-th event. Pure.
 */
export function eventsFromEmissions(
  index: FlowIndex,
  emissions: readonly Emission[],
  values: ValueContext,
  fallback: { aggregateType: string; aggregateId?: string },
  eventId: (i: number) => string,
): NewEvent[] {
  return emissions.map((emission, i) => {
    const payload = buildPayload(emission.mappings, values);
    const path = index.aggregateIdPath(emission.eventTypeId);
    const field = path === undefined ? undefined : lastSegment(path);
    const fromPayload = path === undefined ? undefined : valueAtPath(payload, path);
    const id = eventId(i);
    const aggregateId = fallback.aggregateId ?? (fromPayload === undefined || fromPayload === null ? '' : String(fromPayload));
    return {
      eventId: id,
      eventTypeId: emission.eventTypeId,
      eventTypeName: index.eventName(emission.eventTypeId),
      payload,
      aggregateType: fallback.aggregateId === undefined ? aggregateTypeFromField(field, index.eventName(emission.eventTypeId)) : fallback.aggregateType,
      aggregateId: aggregateId || id,
    };
  });
}

/**
 * Appends events to the event store inside the caller's transaction, each at its stream's next
 * version as read in this transaction. Throws StreamConflict when a concurrent writer took the
 * version (the transaction is then aborted: roll back and retry). With `derivedIds`, an event whose
 * id the store already holds (a re-emission after a redelivery) is not appended again: the stored
 * one is returned, to be queued again.
 */
export async function appendEvents(
  client: pg.ClientBase,
  plan: InfraPlan,
  sourceId: string,
  events: readonly NewEvent[],
  cause: { commandId: string; causationId: string; occurredAt: string },
  derivedIds = false,
): Promise<StoredEvent[]> {
  const stored: StoredEvent[] = [];
  const versions = new Map<string, number>();
  for (const e of events) {
    if (derivedIds) {
      const known = await client.query<Record<string, unknown>>(`SELECT * FROM ${plan.schemas.eventStore}.events WHERE event_id = $1 ORDER BY position LIMIT 1`, [e.eventId]);
      const row = known.rows[0];
      if (row) {
        stored.push(storedEventFromRow(row));
        continue;
      }
    }
    const streamId = `${e.aggregateType}/${e.aggregateId}`;
    let last = versions.get(streamId);
    if (last === undefined) {
      const result = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${plan.schemas.eventStore}.events WHERE stream_id = $1`, [streamId]);
      last = result.rows[0]?.version ?? 0;
    }
    const version = last + 1;
    versions.set(streamId, version);
    try {
      const result = await client.query<{ position: string }>(
        `INSERT INTO ${plan.schemas.eventStore}.events (event_id, event_type_id, event_type_name, stream_id, aggregate_type, aggregate_id, version, occurred_at, payload, source_id, command_id, causation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING position`,
        [e.eventId, e.eventTypeId, e.eventTypeName, streamId, e.aggregateType, e.aggregateId, version, cause.occurredAt, JSON.stringify(e.payload), sourceId, cause.commandId, cause.causationId],
      );
      stored.push({ ...e, streamId, version, position: Number(result.rows[0]?.position), occurredAt: cause.occurredAt, sourceId, commandId: cause.commandId, causationId: cause.causationId });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new StreamConflict(`${streamId} version ${version} was written by another transaction`);
      throw error;
    }
  }
  return stored;
}

/** An event-store row as a StoredEvent. Pure. */
export function storedEventFromRow(r: Record<string, unknown>): StoredEvent {
  return {
    position: Number(r.position), eventId: String(r.event_id), eventTypeId: String(r.event_type_id), eventTypeName: String(r.event_type_name),
    streamId: String(r.stream_id), aggregateType: String(r.aggregate_type), aggregateId: String(r.aggregate_id), version: Number(r.version),
    occurredAt: String(r.occurred_at), payload: r.payload as Payload, sourceId: String(r.source_id), commandId: String(r.command_id), causationId: String(r.causation_id),
  };
}

/** The message body of a stored event. Pure. */
export function toWire(e: StoredEvent): WireEvent {
  return {
    specversion: '1.0',
    id: e.eventId,
    source: e.sourceId,
    type: e.eventTypeName,
    time: e.occurredAt,
    subject: e.streamId,
    datacontenttype: 'application/json',
    data: e.payload,
    efd: {
      position: e.position, eventTypeId: e.eventTypeId, streamId: e.streamId, aggregateType: e.aggregateType, aggregateId: e.aggregateId,
      version: e.version, commandId: e.commandId, causationId: e.causationId,
    },
  };
}

/** Reads a message body back; throws with what is wrong when it is not one of ours. Pure. */
export function fromWire(body: unknown): StoredEvent {
  const w = body as Partial<WireEvent> | null;
  if (!w || typeof w !== 'object' || typeof w.id !== 'string' || typeof w.type !== 'string' || !w.efd || typeof w.efd.streamId !== 'string' || typeof w.data !== 'object') {
    throw new Error('not an Event Flow Designer message (CloudEvents body with an efd extension expected)');
  }
  return {
    eventId: w.id, eventTypeName: w.type, occurredAt: w.time ?? '', sourceId: w.source ?? '', payload: w.data ?? {},
    ...w.efd,
  };
}

/** The subject an event is published on. */
export function subjectOf(plan: InfraPlan, e: Pick<StoredEvent, 'eventTypeId' | 'eventTypeName' | 'streamId' | 'aggregateId' | 'payload'>): string {
  const channelId = plan.channelOf.get(e.eventTypeId);
  const channel = plan.channels.find((c) => c.id === channelId);
  if (!channel) throw new Error(`${e.eventTypeName} has no channel in this run (is it emitted in the design?)`);
  return messageSubject(channel, e.eventTypeId, messageOrderingKey(channel, e));
}

/** Queues events in an outbox inside the caller's transaction. */
export async function queueOutbox(client: pg.ClientBase, plan: InfraPlan, schema: string, events: readonly StoredEvent[]): Promise<void> {
  for (const e of events) {
    await client.query(
      `INSERT INTO ${schema}.outbox (event_id, event_type_id, event_type_name, subject, message) VALUES ($1, $2, $3, $4, $5)`,
      [e.eventId, e.eventTypeId, e.eventTypeName, subjectOf(plan, e), JSON.stringify(toWire(e))],
    );
  }
}
