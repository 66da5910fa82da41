/**
 * A real run's rows as the engine checker's input (`CheckInput`, src/core/engine/checker/types.ts):
 * the same contract the simulator fills from IndexedDB, filled here from PostgreSQL and JetStream.
 * Times ("steps") are milliseconds since the run started. Pure.
 *
 * - commands: one row per attempt of a request (a caller's retry is a new attempt with the same
 *   request id); an attempt committed when the producer's command log has it, crashed when the
 *   caller retried without one.
 * - publications: every message the channel streams kept, in arrival order; subscribers from the design.
 * - deliveries: per publication and subscriber, from the subscriber's durable (acked up to its ack
 *   floor, in flight up to its delivered sequence) and the dead-letter stream.
 */
import type {
  AnomalyKind, CheckCommand, CheckDeadLetter, CheckDelivery, CheckInput, CheckPublication, CheckTables, FlowDocument,
} from '../../src/core';
import { indexFlow } from '../../src/core/engine/flowIndex';
import { attemptId } from '../processes/producer';
import type { RealRunRows } from './readRealRun';

function commandsOf(rows: RealRunRows): CheckCommand[] {
  const logs = new Map(rows.commandLog.map((l) => [`${l.requestId}\u0000${l.attempt}`, l]));
  const out: CheckCommand[] = [];
  for (const r of rows.commands) {
    const attempts = Math.max(1, r.attempts);
    for (let i = 1; i <= attempts; i++) {
      const log = logs.get(`${r.id}\u0000${i}`);
      const last = i === attempts;
      const base = { id: attemptId(r.id, i), requestId: r.id, producerId: r.producerId, commandName: r.commandName, firedStep: r.firedAt };
      if (log) {
        out.push({
          ...base, status: 'handled', aggregateId: log.aggregateId, eventIds: log.eventIds, handledStep: log.at,
          answered: last && r.status === 'handled',
          ...(log.answeredFrom !== null ? { answeredFrom: attemptId(r.id, log.answeredFrom) } : {}),
        });
      } else if (!last) {
        out.push({ ...base, status: 'crashed', reason: 'the producer died before committing it; the caller retried' });
      } else if (r.status === 'rejected' || r.status === 'crashed') {
        out.push({ ...base, status: r.status, reason: r.reason ?? undefined, handledStep: r.answeredAt ?? undefined, ...(r.aggregateId ? { aggregateId: r.aggregateId } : {}) });
      } else if (r.status === 'handled') {
        out.push({ ...base, status: 'handled', eventIds: r.eventIds, handledStep: r.answeredAt ?? undefined, answered: true, ...(r.aggregateId ? { aggregateId: r.aggregateId } : {}) });
      } else {
        out.push({ ...base, status: 'pending' });
      }
    }
  }
  return out;
}

function publicationsOf(flow: FlowDocument, rows: RealRunRows): CheckPublication[] {
  const index = indexFlow(flow);
  return rows.publications.map((p, i) => ({
    seq: i + 1, eventId: p.eventId, eventTypeId: p.eventTypeId, eventTypeName: p.eventTypeName, publisherId: p.ownerId, via: p.via,
    subscriberIds: index.subscriptions(p.eventTypeId).map((s) => s.consumer.id), step: p.at, streamId: p.streamId, version: p.version, causationId: p.causationId,
  }));
}

function deliveriesOf(rows: RealRunRows, publications: readonly CheckPublication[]): CheckDelivery[] {
  const dead = new Map(rows.deadLetters.map((d) => [`${d.consumerId}\u0000${d.stream}\u0000${d.streamSeq}`, d]));
  const attempts = new Map<string, number>();
  for (const h of rows.handlings) {
    const key = `${h.consumerId}\u0000${h.eventId}`;
    attempts.set(key, Math.max(attempts.get(key) ?? 0, h.deliveryCount));
  }
  const out: CheckDelivery[] = [];
  publications.forEach((p, i) => {
    const real = rows.publications[i];
    if (!real) return;
    const partition = Number(/\.p(\d+)\.[^.]+$/.exec(real.subject)?.[1] ?? 0);
    for (const consumerId of p.subscriberIds) {
      const durable = rows.durables.find((d) => d.consumerId === consumerId && d.stream === real.stream && (d.partition === undefined || d.partition === partition));
      const letter = dead.get(`${consumerId}\u0000${real.stream}\u0000${real.seq}`);
      const seen = attempts.get(`${consumerId}\u0000${p.eventId}`) ?? 0;
      const status: CheckDelivery['status'] = letter ? 'dead'
        : durable && real.seq <= durable.ackFloorSeq ? 'acked'
          : durable && real.seq <= durable.deliveredSeq ? 'in-flight' : 'queued';
      out.push({ seq: out.length + 1, publicationSeq: p.seq, eventId: p.eventId, consumerId, status, attempts: letter ? letter.deliveries : status === 'queued' ? seen : Math.max(1, seen) });
    }
  });
  return out;
}

function deadLettersOf(rows: RealRunRows): CheckDeadLetter[] {
  return rows.deadLetters.map((d) => {
    const failure = [...rows.processEvents].reverse().find((e) => e.kind === 'handle-failed' && e.process.startsWith(`consumer:${d.consumerId}#`) && e.detail.includes(` ${d.eventId} `));
    const reason = failure ? failure.detail.replace(/^.*?: /, '').replace(/; JetStream gives up: dead letter$/, '') : `no handling committed in ${d.deliveries} deliveries (max_deliver)`;
    return { consumerId: d.consumerId, eventId: d.eventId, reason, attempts: d.deliveries, step: d.at };
  });
}

/** The checker's tables of a real run. Pure. */
export function checkTablesOf(flow: FlowDocument, rows: RealRunRows): CheckTables {
  const publications = publicationsOf(flow, rows);
  return {
    commands: commandsOf(rows),
    events: rows.events.map((e) => ({
      eventId: e.eventId, eventTypeId: e.eventTypeId, eventTypeName: e.eventTypeName, streamId: e.streamId, version: e.version, position: e.position,
      sourceId: e.sourceId, causationId: e.causationId, commandId: e.commandId, occurredAt: e.occurredAt, aggregateId: e.aggregateId, payload: e.payload, step: e.at,
    })),
    outbox: rows.outbox.map((o) => ({ ownerId: o.ownerId, eventId: o.eventId, status: o.status, createdStep: o.createdAt, ...(o.sentAt === null ? {} : { sentStep: o.sentAt }) })),
    pendingPublishes: [],
    publications,
    deliveries: deliveriesOf(rows, publications),
    handlings: rows.handlings.map((h) => ({
      seq: h.id, consumerId: h.consumerId, eventId: h.eventId, streamId: h.streamId, version: h.version,
      outcome: h.outcome === 'applied' ? 'applied' : 'skipped', changes: h.changes, emitted: h.emitted, step: h.at,
    })),
    inbox: rows.inbox.map((i) => ({ consumerId: i.consumerId, eventId: i.eventId })),
    deadLetters: deadLettersOf(rows),
    projectionRows: rows.projectionRows.map((r) => ({ projectionId: r.projectionId, key: r.key, values: r.values })),
    externalEffects: rows.externalEffects.map((e) => ({ consumerId: e.consumerId, eventId: e.eventId, name: e.name, step: e.at })),
  };
}

/** The checker's whole input for a finished real run. Pure. */
export function checkInputOf(
  flow: FlowDocument,
  run: { rows: RealRunRows; startedAt: number; endedAt: number; stalledAfterMs: number },
  allow: readonly AnomalyKind[] = [],
): CheckInput {
  return { flow, tables: checkTablesOf(flow, run.rows), now: run.endedAt - run.startedAt, stalledOutboxAfterSteps: run.stalledAfterMs, allow };
}
