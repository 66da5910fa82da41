/**
 * Did every committed event reach the broker, and every published event every subscriber?
 * lost, phantom, missed, gap (per subscriber and stream, and in the store), version-clash. Pure.
 */
import { downstream, inFlight, pair, type EntrySink, type Facts } from './facts';
import type { CheckEvent } from './types';

const describe = (e: { eventTypeName: string; eventId: string }) => `${e.eventTypeName} ${e.eventId}`;

/** Why a committed event never reached the broker: the relay (outbox row marked sent) or the owner (dual write). */
function lostCause(facts: Facts, e: CheckEvent): { nodeId: string; what: string } {
  const rows = facts.outbox.get(e.eventId) ?? [];
  if (rows.some((r) => r.status === 'sent')) return { nodeId: e.sourceId, what: `the relay marked ${e.eventId} sent in ${facts.name(e.sourceId)}'s outbox without publishing it` };
  return { nodeId: e.sourceId, what: `${facts.name(e.sourceId)} committed ${e.eventId} and never published it (no outbox row; the publish it held in memory is gone)` };
}

export function checkLostAndPhantom(facts: Facts, sink: EntrySink): void {
  for (const e of facts.events.values()) {
    if (facts.publications.has(e.eventId)) continue;
    const pending = (facts.outbox.get(e.eventId) ?? []).some((r) => r.status === 'pending') || facts.pendingPublishes.has(e.eventId);
    if (pending) continue;
    const cause = lostCause(facts, e);
    const subscribers = facts.index.subscriptions(e.eventTypeId).map((s) => s.consumer.id);
    sink.add({
      id: `lost:${e.eventId}`, kind: 'lost', at: e.step, rootCause: cause,
      message: `${describe(e)} committed by ${facts.name(e.sourceId)} but never published${subscribers.length > 0 ? `: ${subscribers.map(facts.name).join(', ')} never got it` : ''}`,
      nodeIds: [e.sourceId, e.eventTypeId], eventIds: [e.eventId],
      affected: { eventIds: [], nodeIds: subscribers },
    });
  }
  for (const [eventId, publications] of facts.publications) {
    if (facts.events.has(eventId)) continue;
    const first = publications[0];
    if (!first) continue;
    const after = downstream(facts, [eventId]);
    const applied = (facts.appliedByEvent.get(eventId) ?? []).map((h) => h.consumerId);
    sink.add({
      id: `phantom:${eventId}`, kind: 'phantom', at: first.step,
      rootCause: { nodeId: first.publisherId, what: `${facts.name(first.publisherId)} published ${eventId} and never committed it` },
      message: `${first.eventTypeName} ${eventId} was published by ${facts.name(first.publisherId)} but never committed${applied.length > 0 ? `; applied by ${[...new Set(applied)].map(facts.name).join(', ')} all the same` : ''}`,
      nodeIds: [first.publisherId, first.eventTypeId], eventIds: [eventId],
      affected: after,
    });
  }
}

/** Per subscriber: every message the broker accepted for it is applied, dead-lettered or still in flight. */
export function checkMissed(facts: Facts, sink: EntrySink): void {
  const expected = new Map<string, { consumerId: string; eventId: string; step: number; eventTypeName: string; eventTypeId: string }>();
  for (const [eventId, publications] of facts.publications) {
    for (const p of publications) {
      for (const consumerId of p.subscriberIds) {
        if (!expected.has(pair(consumerId, eventId))) expected.set(pair(consumerId, eventId), { consumerId, eventId, step: p.step, eventTypeName: p.eventTypeName, eventTypeId: p.eventTypeId });
      }
    }
  }
  for (const [key, m] of expected) {
    if (facts.applied.has(key) || facts.dead.has(key) || inFlight(facts, m.consumerId, m.eventId)) continue;
    const deliveries = facts.deliveries.get(key) ?? [];
    const acked = deliveries.some((d) => d.status === 'acked');
    const what = acked
      ? `${facts.name(m.consumerId)} acknowledged ${m.eventId} and never applied it`
      : `the broker never delivered ${m.eventId} to ${facts.name(m.consumerId)}`;
    sink.add({
      id: `missed:${m.consumerId}:${m.eventId}`, kind: 'missed', at: m.step,
      rootCause: { nodeId: m.consumerId, what },
      message: `${m.eventTypeName} ${m.eventId} was published to ${facts.name(m.consumerId)}, which never applied it: ${what}`,
      nodeIds: [m.consumerId, m.eventTypeId], eventIds: [m.eventId],
      affected: { eventIds: [], nodeIds: [m.consumerId] },
    });
  }
}

/** What kept a version from a subscriber: the root cause of a gap. */
function gapCause(facts: Facts, consumerId: string, e: CheckEvent): { nodeId: string; what: string } {
  if (!facts.publications.has(e.eventId)) return lostCause(facts, e);
  if (facts.dead.has(pair(consumerId, e.eventId))) return { nodeId: consumerId, what: `${facts.name(consumerId)} dead-lettered ${e.eventId}` };
  return { nodeId: consumerId, what: `${facts.name(consumerId)} never applied ${e.eventId}` };
}

/**
 * Per subscriber and stream: a later version applied while an earlier one of a subscribed type
 * never was (and is not in flight). In the store: every stream's versions run 1, 2, 3… without a
 * hole and without two events on one version.
 */
export function checkGaps(facts: Facts, sink: EntrySink): void {
  const streams = new Map<string, CheckEvent[]>();
  for (const e of facts.events.values()) {
    const list = streams.get(e.streamId);
    if (list) list.push(e);
    else streams.set(e.streamId, [e]);
  }
  const subscribers = new Map<string, string[]>();
  const subscribersOf = (eventTypeId: string) => {
    let ids = subscribers.get(eventTypeId);
    if (!ids) subscribers.set(eventTypeId, (ids = facts.index.subscriptions(eventTypeId).map((s) => s.consumer.id)));
    return ids;
  };
  const maxApplied = new Map<string, number>();
  for (const handlings of facts.applied.values()) {
    for (const h of handlings) {
      const key = pair(h.consumerId, h.streamId);
      maxApplied.set(key, Math.max(maxApplied.get(key) ?? 0, h.version));
    }
  }
  for (const [streamId, events] of streams) {
    events.sort((a, b) => a.version - b.version || a.position - b.position);
    checkStoreVersions(facts, sink, streamId, events);
    const missing = new Map<string, CheckEvent[]>();
    for (const e of events) {
      for (const consumerId of subscribersOf(e.eventTypeId)) {
        const upTo = maxApplied.get(pair(consumerId, streamId)) ?? 0;
        if (e.version >= upTo || facts.applied.has(pair(consumerId, e.eventId)) || inFlight(facts, consumerId, e.eventId)) continue;
        const list = missing.get(consumerId);
        if (list) list.push(e);
        else missing.set(consumerId, [e]);
      }
    }
    for (const [consumerId, holes] of missing) {
      const first = holes[0] as CheckEvent;
      const upTo = maxApplied.get(pair(consumerId, streamId)) ?? 0;
      sink.add({
        id: `gap:${consumerId}:${streamId}`, kind: 'gap', at: first.step,
        rootCause: gapCause(facts, consumerId, first),
        message: `${facts.name(consumerId)} applied ${streamId} up to version ${upTo} but never version${holes.length === 1 ? '' : 's'} ${holes.map((h) => `${h.version} (${h.eventTypeName} ${h.eventId})`).join(', ')}`,
        nodeIds: [consumerId, ...new Set(holes.map((h) => h.eventTypeId))], eventIds: holes.map((h) => h.eventId),
        affected: { eventIds: [], nodeIds: [consumerId] },
      });
    }
  }
}

function checkStoreVersions(facts: Facts, sink: EntrySink, streamId: string, events: readonly CheckEvent[]): void {
  let expected = 1;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as CheckEvent;
    const previous = events[i - 1];
    if (previous && previous.version === e.version) {
      sink.add({
        id: `version-clash:${streamId}:${e.version}:${e.eventId}`, kind: 'version-clash', at: e.step,
        rootCause: { nodeId: e.sourceId, what: `${facts.name(e.sourceId)} appended ${e.eventId} at a version ${previous.eventId} already had` },
        message: `${streamId} holds two events at version ${e.version}: ${previous.eventId} and ${e.eventId}`,
        nodeIds: [e.sourceId, previous.sourceId], eventIds: [previous.eventId, e.eventId], affected: { eventIds: [], nodeIds: [] },
      });
      continue;
    }
    if (e.version !== expected) {
      sink.add({
        id: `gap:store:${streamId}:${expected}`, kind: 'gap', at: e.step,
        rootCause: { nodeId: e.sourceId, what: `${facts.name(e.sourceId)} appended ${e.eventId} at version ${e.version}, after version ${expected - 1}` },
        message: `the event store's stream ${streamId} jumps from version ${expected - 1} to ${e.version}`,
        nodeIds: [e.sourceId], eventIds: [e.eventId], affected: { eventIds: [], nodeIds: [] },
      });
    }
    expected = e.version + 1;
  }
}
