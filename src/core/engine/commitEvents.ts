import { lastSegment, valueAtPath, type Emission } from '../model';
import { bump } from './counters';
import { aggregateTypeFromField, usesOutbox } from './flowIndex';
import type { EventMessage, EventRecord, Payload, ProcessRecord } from './records';
import { isoAt, type StepContext } from './stepContext';
import { buildPayload, type ValueContext } from './values';

/** An event about to be committed, with the stream it belongs to. */
export interface NewEvent {
  eventTypeId: string;
  payload: Payload;
  aggregateType: string;
  aggregateId: string;
  /** A derived id (consumer, handled event, emission); a fresh `e-<n>` when absent. */
  eventId?: string;
}

/** The id of the n-th (0-based) event a consumer emits for a handled event, when ids are derived. Pure. */
export function derivedEventId(causeEventId: string, consumerId: string, emission: number): string {
  return `${causeEventId}:${consumerId}#${emission + 1}`;
}

/** Builds the events of emissions; each event's stream comes from its aggregate-id field (or the given fallback). */
export function eventsFromEmissions(
  ctx: StepContext,
  emissions: readonly Emission[],
  values: ValueContext,
  fallback: { aggregateType: string; aggregateId?: string },
  derive?: { causeEventId: string; consumerId: string },
): NewEvent[] {
  return emissions.map((emission, i) => {
    const payload = buildPayload(emission.mappings, values);
    const path = ctx.index.aggregateIdPath(emission.eventTypeId);
    const field = path === undefined ? undefined : lastSegment(path);
    const fromPayload = path === undefined ? undefined : valueAtPath(payload, path);
    const aggregateId = fallback.aggregateId ?? (fromPayload === undefined || fromPayload === null ? undefined : String(fromPayload));
    return {
      eventTypeId: emission.eventTypeId,
      payload,
      aggregateType: fallback.aggregateId === undefined ? aggregateTypeFromField(field, ctx.index.eventName(emission.eventTypeId)) : fallback.aggregateType,
      aggregateId: aggregateId ?? '',
      ...(derive ? { eventId: derivedEventId(derive.causeEventId, derive.consumerId, i) } : {}),
    };
  });
}

/** The last version of a stream in the event store (0 when empty). */
export async function lastStreamVersion(ctx: StepContext, streamId: string): Promise<number> {
  const [last] = await ctx.tx.query('events', '[runId+streamId+version]', { prefix: [ctx.run.runId, streamId], reverse: true, limit: 1 });
  return last?.version ?? 0;
}

/** An append whose expected stream version is not the stream's version any more: the store refuses it. */
export class VersionConflict extends Error {
  constructor(readonly streamId: string, readonly expected: number, readonly actual: number) {
    super(`optimistic concurrency conflict on ${streamId}: expected version ${expected}, the event store has ${actual}`);
  }
}

/** What an append will write: each message with its id and stream version, and whether it is new to the store. */
export interface PlannedEvent {
  message: EventMessage;
  /** False for a re-emission of a derived id the store already holds (the append is idempotent). */
  isNew: boolean;
}

/**
 * Plans appending events: gives each its id and the next version of its stream, after checking
 * the expected version of each stream it appends to (`expected`: stream id → version the writer
 * read; streams not listed are read now, inside the caller's transaction). Throws VersionConflict
 * when a stream moved. Writes nothing; `commitPlanned` does. An event whose (derived) id is
 * already in the store is not appended again.
 */
export async function planEvents(
  ctx: StepContext,
  ownerId: string,
  events: readonly NewEvent[],
  cause: { commandId: string; causationId: string; depth: number },
  expected: ReadonlyMap<string, number> = new Map(),
): Promise<PlannedEvent[]> {
  const { run, tx } = ctx;
  const versions = new Map<string, number>();
  const planned: PlannedEvent[] = [];
  for (const e of events) {
    if (e.eventId !== undefined) {
      const [existing] = await tx.query('events', '[runId+eventId]', { prefix: [run.runId, e.eventId], limit: 1 });
      if (existing) {
        planned.push({ message: messageOf(existing), isNew: false });
        continue;
      }
    }
    const eventId = e.eventId ?? `e-${++run.seq.event}`;
    const aggregateId = e.aggregateId || eventId;
    const streamId = `${e.aggregateType}/${aggregateId}`;
    let version = versions.get(streamId);
    if (version === undefined) {
      const actual = await lastStreamVersion(ctx, streamId);
      const wanted = expected.get(streamId) ?? actual;
      if (wanted !== actual) throw new VersionConflict(streamId, wanted, actual);
      version = actual;
    }
    version += 1;
    versions.set(streamId, version);
    planned.push({
      isNew: true,
      message: {
        eventId, eventTypeId: e.eventTypeId, eventTypeName: ctx.index.eventName(e.eventTypeId), streamId,
        aggregateType: e.aggregateType, aggregateId, version, occurredAt: isoAt(run.clock), payload: e.payload,
        sourceId: ownerId, commandId: cause.commandId, causationId: cause.causationId, depth: cause.depth,
      },
    });
  }
  return planned;
}

/** The message of a stored event. Pure. */
export function messageOf(event: EventRecord): EventMessage {
  const { runId: _runId, position: _position, step: _step, ...message } = event;
  return message;
}

/**
 * Appends the planned new events to the event store (one event per stream version: the store's
 * unique index refuses a second) and queues their publishing: outbox rows in the same
 * transaction, or dual-write publishes in the owner's memory (unless `published`: publish-first
 * dual write has sent them already). Re-emitted derived ids are queued again, not appended.
 */
export async function commitPlanned(
  ctx: StepContext,
  ownerId: string,
  planned: readonly PlannedEvent[],
  options: { published?: boolean; direct?: boolean; holder?: ProcessRecord } = {},
): Promise<EventRecord[]> {
  const { run, tx } = ctx;
  const stored: EventRecord[] = planned.filter((p) => p.isNew).map((p) => ({ ...p.message, runId: run.runId, position: ++run.position, step: run.step }));
  if (stored.length > 0) {
    await tx.bulkPut('events', stored);
    run.stats.events += stored.length;
    for (const e of stored) {
      if (e.depth <= run.stats.maxDepth) continue;
      run.stats.maxDepth = e.depth;
      run.stats.deepestEventId = e.eventId;
    }
  }
  if (planned.length === 0 || options.published) return stored;
  const messages = planned.map((p) => p.message);
  if (usesOutbox(ctx.index, run.settings, ownerId) && !options.direct) {
    await tx.bulkPut('outbox', messages.map((e) => ({
      runId: run.runId, seq: ++run.seq.outbox, ownerId, eventId: e.eventId, eventTypeId: e.eventTypeId,
      eventTypeName: e.eventTypeName, status: 'pending' as const, createdStep: run.step,
    })));
    bump(run.stats.outboxPending, ownerId, messages.length);
  } else {
    // A group's instance holds its publishes in its own memory (issue 13): a kill of another instance leaves them alone.
    const holder = options.holder?.instance !== undefined ? options.holder : undefined;
    await tx.bulkPut('directPublishes', messages.map((e) => ({
      runId: run.runId, seq: ++run.seq.direct, ownerId, ...(holder ? { holder: holder.id } : {}), eventId: e.eventId, eventTypeName: e.eventTypeName, createdStep: run.step,
    })));
    bump(run.stats.directPending, ownerId, messages.length);
    if (holder) holder.directHeld = (holder.directHeld ?? 0) + messages.length;
  }
  return stored;
}
