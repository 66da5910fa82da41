/**
 * Consistency at scale (issue 13): lost updates on projection rows, per-key order in partitioned
 * subscriptions, row locks held past their lease. Found from the change log, the broker's log and
 * the lock table alone. Pure.
 */
import { orderingKeyOf } from '../instances';
import { canonical } from '../replay';
import type { Payload } from '../records';
import { downstream, type EntrySink, type Facts } from './facts';
import type { CheckHandling, CheckPayload } from './types';

const short = (values: CheckPayload | null) => {
  const text = values === null ? 'no row' : canonical(values);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/**
 * Lost updates: in the change log (commit order), each handling's `before` of a row must be the row
 * as the previous write left it. A handling that wrote from an older read overwrote what was
 * written in between: that update is lost (a sequential application of the same handlings would
 * have kept it).
 */
export function checkLostUpdates(facts: Facts, sink: EntrySink): void {
  const last = new Map<string, { after: CheckPayload | null; handling: CheckHandling }>();
  const handlings = [...facts.input.tables.handlings].sort((a, b) => a.seq - b.seq);
  for (const h of handlings) {
    for (const change of h.changes) {
      const row = `${change.projectionId}\u0000${change.key}`;
      const previous = last.get(row);
      last.set(row, { after: change.after, handling: h });
      if (!previous || h.outcome === 'rebuild' || canonical(previous.after) === canonical(change.before)) continue;
      const writer = facts.name(h.consumerId);
      const overwritten = previous.handling;
      const where = `${facts.name(change.projectionId)}[${change.key}]`;
      const affected = downstream(facts, [overwritten.eventId]);
      sink.add({
        id: `lost-update:${change.projectionId}:${change.key}:${h.seq}`,
        kind: 'lost-update',
        at: h.step,
        rootCause: { nodeId: h.consumerId, what: `${writer} wrote ${where} from a stale read` },
        message: `${where}: ${writer} applied ${h.eventId} to ${short(change.before)}, but ${facts.name(overwritten.consumerId)} had meanwhile written ${short(previous.after)} for ${overwritten.eventId}: that update is lost (now ${short(change.after)})`,
        nodeIds: [h.consumerId, change.projectionId, ...(overwritten.consumerId === h.consumerId ? [] : [overwritten.consumerId])],
        eventIds: [overwritten.eventId, h.eventId],
        affected: { eventIds: affected.eventIds, nodeIds: [change.projectionId, ...affected.nodeIds] },
      });
    }
  }
}

/**
 * Per-key order in partitioned subscriptions: each consumer applies (the first time) the events of
 * one ordering key in the order the broker got them; an event applied after a later-published
 * event of the same key broke it.
 */
export function checkKeyOrder(facts: Facts, sink: EntrySink): void {
  const firstPublished = (eventId: string) => facts.publications.get(eventId)?.[0]?.seq;
  const seen = new Set<string>();
  const latest = new Map<string, { seq: number; eventId: string }>();
  const handlings = [...facts.input.tables.handlings].filter((h) => h.outcome === 'applied').sort((a, b) => a.seq - b.seq);
  for (const h of handlings) {
    const once = `${h.consumerId}\u0000${h.eventId}`;
    if (seen.has(once)) continue;
    seen.add(once);
    const event = facts.events.get(h.eventId);
    const seq = firstPublished(h.eventId);
    if (!event || seq === undefined) continue;
    const handler = facts.index.subscriptions(event.eventTypeId).find((s) => s.consumer.id === h.consumerId)?.handler;
    if (handler?.delivery?.kind !== 'partitioned') continue;
    const orderingKey = orderingKeyOf(handler.delivery, { aggregateId: event.aggregateId, payload: event.payload as Payload });
    const slot = `${h.consumerId}\u0000${handler.eventTypeId}\u0000${orderingKey}`;
    const before = latest.get(slot);
    if (!before || before.seq < seq) {
      latest.set(slot, { seq, eventId: h.eventId });
      continue;
    }
    const consumer = facts.name(h.consumerId);
    const affected = downstream(facts, [h.eventId]);
    sink.add({
      id: `key-order:${h.consumerId}:${h.eventId}`,
      kind: 'key-order',
      at: h.step,
      rootCause: { nodeId: h.consumerId, what: `${consumer} applied key ${orderingKey} out of order` },
      message: `${consumer} applied ${event.eventTypeName} ${h.eventId} (key ${orderingKey}) after ${before.eventId}, which the broker got later: per-key order of its partitioned subscription broken`,
      nodeIds: [h.consumerId],
      eventIds: [h.eventId, before.eventId],
      affected: { eventIds: affected.eventIds, nodeIds: affected.nodeIds },
    });
  }
}

/** Cache-aside: at quiet, every filled cache entry equals its projection row (a missing row: an entry of no row). */
export function checkCache(facts: Facts, sink: EntrySink): void {
  if (!facts.quiet) return;
  const rows = new Map(facts.input.tables.projectionRows.map((r) => [`${r.projectionId}\u0000${r.key}`, r.values]));
  for (const entry of facts.input.tables.cacheEntries ?? []) {
    if (entry.values === undefined) continue;
    const row = rows.get(`${entry.projectionId}\u0000${entry.key}`) ?? null;
    if (canonical(row) === canonical(entry.values)) continue;
    const where = `${facts.name(entry.projectionId)}[${entry.key}]`;
    sink.add({
      id: `stale-cache:${entry.projectionId}:${entry.key}`,
      kind: 'stale-cache',
      at: entry.filledStep ?? facts.input.now,
      rootCause: { nodeId: entry.projectionId, what: `the cache of ${where} was filled with a row a write had already replaced` },
      message: `the cache of ${where} holds ${short(entry.values)} while the row is ${short(row)}: a fill from before a write outlived its invalidation (every read hits the stale entry)`,
      nodeIds: [entry.projectionId],
      eventIds: [],
      affected: { eventIds: [], nodeIds: [entry.projectionId] },
    });
  }
}

/** Row locks: an instance refused a lock after the holder's lease had ended (a dead holder's lock that never expires). */
export function checkLocks(facts: Facts, sink: EntrySink): void {
  for (const lock of facts.input.tables.locks ?? []) {
    if (lock.lastWaitStep === undefined || lock.lastWaitStep <= lock.leaseUntil) continue;
    const where = `${facts.name(lock.projectionId)}[${lock.key}]`;
    sink.add({
      id: `lock-past-lease:${lock.projectionId}:${lock.key}`,
      kind: 'lock-past-lease',
      at: lock.lastWaitStep,
      rootCause: { nodeId: lock.consumerId, what: `the lock of ${lock.holderName} on ${where} outlived its lease` },
      message: `the lock on ${where}, taken by ${lock.holderName} at step ${lock.acquiredStep} with a lease until step ${lock.leaseUntil}, still refused ${lock.lastWaiter ?? 'another instance'} at step ${lock.lastWaitStep}`,
      nodeIds: [lock.consumerId, lock.projectionId],
      eventIds: [],
      affected: { eventIds: [], nodeIds: [lock.projectionId] },
    });
  }
}
