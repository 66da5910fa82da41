import { lastSegment, valueAtPath, type Emission } from '../model';
import { aggregateTypeFromField, usesOutbox } from './flowIndex';
import { recordAnomaly } from './invariants';
import type { EventRecord, Payload } from './records';
import { bump, isoAt, type StepContext } from './stepContext';
import { buildPayload, type ValueContext } from './values';

/** An event about to be committed, with the stream it belongs to. */
export interface NewEvent {
  eventTypeId: string;
  payload: Payload;
  aggregateType: string;
  aggregateId: string;
}

/** Builds the events of emissions; each event's stream comes from its aggregate-id field (or the given fallback). */
export function eventsFromEmissions(
  ctx: StepContext,
  emissions: readonly Emission[],
  values: ValueContext,
  fallback: { aggregateType: string; aggregateId?: string },
): NewEvent[] {
  return emissions.map((emission) => {
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
    };
  });
}

/** The last version of a stream in the event store (0 when empty). */
export async function lastStreamVersion(ctx: StepContext, streamId: string): Promise<number> {
  const [last] = await ctx.tx.query('events', '[runId+streamId+version]', { prefix: [ctx.run.runId, streamId], reverse: true, limit: 1 });
  return last?.version ?? 0;
}

/**
 * Appends events to the event store and queues their publishing (outbox rows, or dual-write
 * publishes in process memory), inside the caller's transaction. Empty aggregate ids become the
 * event id (a stream of one). Returns the stored events.
 */
export async function appendAndQueue(
  ctx: StepContext,
  ownerId: string,
  events: readonly NewEvent[],
  cause: { commandId: string; causationId: string },
): Promise<EventRecord[]> {
  const { run, tx } = ctx;
  const stored: EventRecord[] = [];
  if (events.length === 0) return stored;
  const versions = new Map<string, number>();
  for (const e of events) {
    const eventId = `e-${++run.seq.event}`;
    const aggregateId = e.aggregateId || eventId;
    const streamId = `${e.aggregateType}/${aggregateId}`;
    const version = (versions.get(streamId) ?? (await lastStreamVersion(ctx, streamId))) + 1;
    versions.set(streamId, version);
    const record: EventRecord = {
      runId: run.runId,
      position: ++run.position,
      eventId,
      eventTypeId: e.eventTypeId,
      eventTypeName: ctx.index.eventName(e.eventTypeId),
      streamId,
      aggregateType: e.aggregateType,
      aggregateId,
      version,
      occurredAt: isoAt(run.clock),
      payload: e.payload,
      sourceId: ownerId,
      commandId: cause.commandId,
      causationId: cause.causationId,
      step: run.step,
    };
    stored.push(record);
  }
  await tx.bulkPut('events', stored);
  run.stats.events += stored.length;
  if (usesOutbox(ctx.index, run.settings, ownerId)) {
    await tx.bulkPut('outbox', stored.map((e) => ({
      runId: run.runId, seq: ++run.seq.outbox, ownerId, eventId: e.eventId, eventTypeId: e.eventTypeId,
      eventTypeName: e.eventTypeName, status: 'pending' as const, publishAttempts: 0, createdStep: run.step,
    })));
    bump(run.stats.outboxPending, ownerId, stored.length);
  } else {
    await tx.bulkPut('directPublishes', stored.map((e) => ({
      runId: run.runId, seq: ++run.seq.direct, ownerId, eventId: e.eventId, eventTypeName: e.eventTypeName, createdStep: run.step,
    })));
    run.stats.directPending += stored.length;
  }
  return stored;
}

/**
 * The crash-after-commit fault, drawn after a commit that produced events. With an outbox nothing
 * is lost (the relay publishes the rows later); with dual write the publishes waiting in memory are
 * gone: each event is reported lost. Returns the trace suffix, or '' when the fault did not fire.
 */
export async function maybeCrashAfterCommit(ctx: StepContext, ownerId: string, events: readonly EventRecord[]): Promise<string> {
  const { run, tx } = ctx;
  if (events.length === 0 || !ctx.rng.chance(run.settings.faults.crashAfterCommit)) return '';
  const owner = ctx.index.nodeName(ownerId);
  if (usesOutbox(ctx.index, run.settings, ownerId)) {
    return `; ${owner} crashed after commit, before publish (fault): the outbox rows survive`;
  }
  const pending = await tx.query('directPublishes', '[runId+ownerId+seq]', { prefix: [run.runId, ownerId] });
  const lost = pending.filter((p) => events.some((e) => e.eventId === p.eventId));
  for (const p of lost) await tx.delete('directPublishes', [run.runId, p.seq]);
  run.stats.directPending -= lost.length;
  for (const e of events) {
    await recordAnomaly(ctx, {
      id: `lost:${e.eventId}`,
      kind: 'lost',
      eventIds: [e.eventId],
      nodeIds: [ownerId, e.eventTypeId],
      message: `${e.eventTypeName} ${e.eventId} committed by ${owner} but never published: crash after commit with dual write`,
    });
  }
  return `; ${owner} crashed after commit, before publish (fault): ${events.map((e) => `${e.eventTypeName} ${e.eventId}`).join(', ')} lost (dual write)`;
}
