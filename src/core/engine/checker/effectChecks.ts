/**
 * Did each consumer apply each event once, in stream order, and do the projections equal a
 * rebuild from the event store? duplicate / repeat, stale / late, duplicate-side-effect,
 * rebuild-differs. Pure.
 */
import { canonical, diffProjections, replayProjections, stateFromRows } from '../replay';
import type { Payload } from '../records';
import { downstream, pair, times, type EntrySink, type Facts } from './facts';
import type { CheckHandling, CheckRowChange } from './types';

const changed = (c: CheckRowChange) => canonical(c.before) !== canonical(c.after);

/** "notifications[author-3]: notificationsSent 1 → 2" for the first column a change moved. */
function describeChange(facts: Facts, c: CheckRowChange): string {
  const where = `${facts.name(c.projectionId)}[${c.key}]`;
  if (c.before === null) return `${where} created`;
  if (c.after === null) return `${where} deleted`;
  for (const column of new Set([...Object.keys(c.before), ...Object.keys(c.after)])) {
    const a = Object.hasOwn(c.before, column) ? c.before[column] : undefined;
    const b = Object.hasOwn(c.after, column) ? c.after[column] : undefined;
    if (canonical(a) !== canonical(b)) return `${where}: ${column} ${canonical(a)} → ${canonical(b)}`;
  }
  return where;
}

/** Repeated applications of one event by one consumer: harmful when they changed a row or emitted new events. */
export function checkRepeats(facts: Facts, sink: EntrySink): void {
  for (const handlings of facts.applied.values()) {
    if (handlings.length < 2) continue;
    const [first, ...repeats] = handlings as [CheckHandling, ...CheckHandling[]];
    const known = new Set(first.emitted);
    const moved = repeats.flatMap((h) => h.changes.filter(changed));
    const fresh = repeats.flatMap((h) => h.emitted.filter((id) => !known.has(id)));
    const consumer = facts.name(first.consumerId);
    const event = facts.events.get(first.eventId);
    const label = `${event?.eventTypeName ?? facts.publications.get(first.eventId)?.[0]?.eventTypeName ?? 'event'} ${first.eventId}`;
    const inbox = facts.inboxOf.has(pair(first.consumerId, first.eventId)) ? 'its inbox did not stop it' : facts.consumersWithInbox.has(first.consumerId) ? 'its inbox has no row for it' : 'it keeps no inbox';
    const harmful = moved.length > 0 || fresh.length > 0;
    const effects = [
      ...moved.slice(0, 2).map((c) => describeChange(facts, c)),
      ...(fresh.length > 0 ? [`emitted ${fresh.length} new event(s) (${fresh.slice(0, 3).join(', ')}${fresh.length > 3 ? ', …' : ''})`] : []),
    ];
    const affected = downstream(facts, fresh);
    sink.add({
      id: `${harmful ? 'duplicate' : 'repeat'}:${first.consumerId}:${first.eventId}`,
      kind: harmful ? 'duplicate' : 'repeat',
      at: (repeats[0] as CheckHandling).step,
      rootCause: { nodeId: first.consumerId, what: `${consumer} applied ${first.eventId} ${times(handlings.length)}: ${inbox}` },
      message: harmful
        ? `${label} applied ${times(handlings.length)} by ${consumer} (${inbox}): ${effects.join('; ')}`
        : `${label} applied ${times(handlings.length)} by ${consumer} (${inbox}), changing nothing the second time: harmless`,
      nodeIds: [first.consumerId, ...new Set(moved.map((c) => c.projectionId))],
      eventIds: [first.eventId, ...fresh],
      affected: { eventIds: affected.eventIds, nodeIds: [...new Set([...moved.map((c) => c.projectionId), ...affected.nodeIds])] },
    });
  }
}

/** A lower stream version applied after a higher one by the same consumer: stale when it changed a row. */
export function checkOrder(facts: Facts, sink: EntrySink): void {
  const byConsumer = new Map<string, CheckHandling[]>();
  for (const handlings of facts.applied.values()) {
    for (const h of handlings) {
      const list = byConsumer.get(h.consumerId);
      if (list) list.push(h);
      else byConsumer.set(h.consumerId, [h]);
    }
  }
  for (const [consumerId, handlings] of byConsumer) {
    handlings.sort((a, b) => a.seq - b.seq);
    const highest = new Map<string, CheckHandling>();
    for (const h of handlings) {
      const top = highest.get(h.streamId);
      if (!top || h.version > top.version) {
        highest.set(h.streamId, h);
        continue;
      }
      if (h.version === top.version) continue;
      const moved = h.changes.filter(changed);
      const label = `${h.streamId} version ${h.version} (${h.eventId})`;
      sink.add({
        id: `${moved.length > 0 ? 'stale' : 'late'}:${consumerId}:${h.eventId}:${h.seq}`,
        kind: moved.length > 0 ? 'stale' : 'late',
        at: h.step,
        rootCause: { nodeId: consumerId, what: `${facts.name(consumerId)} applied ${label} after version ${top.version} (${top.eventId})` },
        message: moved.length > 0
          ? `${facts.name(consumerId)} applied ${label} after version ${top.version} (${top.eventId}) and overwrote newer data: ${moved.slice(0, 2).map((c) => describeChange(facts, c)).join('; ')}`
          : `${facts.name(consumerId)} applied ${label} after version ${top.version} (${top.eventId}), changing nothing: harmless`,
        nodeIds: [consumerId, ...new Set(moved.map((c) => c.projectionId))],
        eventIds: [h.eventId, top.eventId],
        affected: { eventIds: [], nodeIds: [...new Set(moved.map((c) => c.projectionId))] },
      });
    }
  }
}

/** An external side effect made more than once for one event (an inbox cannot take it back). */
export function checkSideEffects(facts: Facts, sink: EntrySink): void {
  const made = new Map<string, { consumerId: string; eventId: string; name: string; steps: number[] }>();
  for (const e of facts.input.tables.externalEffects) {
    const key = `${pair(e.consumerId, e.eventId)}\u0000${e.name}`;
    const entry = made.get(key);
    if (entry) entry.steps.push(e.step);
    else made.set(key, { consumerId: e.consumerId, eventId: e.eventId, name: e.name, steps: [e.step] });
  }
  for (const m of made.values()) {
    if (m.steps.length < 2) continue;
    const applied = facts.applied.get(pair(m.consumerId, m.eventId))?.length ?? 0;
    const why = applied < m.steps.length ? ' (a handling that never committed had already made the call: a redelivery made it again)' : '';
    sink.add({
      id: `duplicate-side-effect:${m.consumerId}:${m.eventId}:${m.name}`, kind: 'duplicate-side-effect', at: m.steps[1] as number,
      rootCause: { nodeId: m.consumerId, what: `${facts.name(m.consumerId)} made "${m.name}" ${times(m.steps.length)} for ${m.eventId}${why}` },
      message: `"${m.name}" happened ${times(m.steps.length)} for ${m.eventId} at ${facts.name(m.consumerId)} (steps ${m.steps.join(', ')}): a call outside the transaction, which no inbox can undo${why}`,
      nodeIds: [m.consumerId], eventIds: [m.eventId], affected: { eventIds: [], nodeIds: [m.consumerId] },
    });
  }
}

/** At quiet: every projection equals a rebuild from the event store (one entry per projection that differs). */
export function checkRebuild(facts: Facts, sink: EntrySink): void {
  if (!facts.quiet) return;
  const events = [...facts.events.values()].sort((a, b) => a.position - b.position)
    .map((e) => ({ ...e, payload: e.payload as Payload }));
  const rebuilt = replayProjections(facts.input.flow, events);
  const stored = stateFromRows(facts.input.flow, facts.input.tables.projectionRows.map((r) => ({ ...r, values: r.values as Payload })));
  const byProjection = new Map<string, ReturnType<typeof diffProjections>>();
  for (const d of diffProjections(stored, rebuilt)) {
    const list = byProjection.get(d.projectionId);
    if (list) list.push(d);
    else byProjection.set(d.projectionId, [d]);
  }
  const writers = (projectionId: string) => facts.input.flow.consumers
    .filter((c) => c.handlers.some((h) => h.effects.some((e) => e.projectionId === projectionId))).map((c) => c.id);
  for (const [projectionId, differences] of byProjection) {
    const first = differences[0];
    if (!first) continue;
    const cause = firstCauseTouching(sink, [projectionId, ...writers(projectionId)]);
    const sample = differences.slice(0, 3).map((d) => `[${d.key}] live ${d.incremental ? canonical(d.incremental) : 'none'}, rebuild ${d.rebuilt ? canonical(d.rebuilt) : 'none'}`);
    sink.add({
      id: `rebuild-differs:${projectionId}`, kind: 'rebuild-differs', at: facts.input.now,
      rootCause: cause ?? { nodeId: writers(projectionId)[0] ?? projectionId, what: `${facts.name(projectionId)} holds rows a replay of the event store does not give` },
      message: `${facts.name(projectionId)}: ${differences.length} row(s) differ from a rebuild from the event store, e.g. ${sample.join('; ')}`,
      nodeIds: [projectionId, ...writers(projectionId)], eventIds: [],
      affected: { eventIds: [], nodeIds: [projectionId] },
    });
  }
}

/** The root cause of the earliest broken entry that touched any of these nodes (a projection and the consumers that write it). */
function firstCauseTouching(sink: EntrySink, nodeIds: readonly string[]): { nodeId: string; what: string } | undefined {
  const touches = (ids: readonly string[]) => ids.some((id) => nodeIds.includes(id));
  const touching = sink.entries
    .filter((e) => e.severity !== 'info' && (touches(e.nodeIds) || touches(e.affected.nodeIds)))
    .sort((a, b) => a.at - b.at);
  return touching[0]?.rootCause;
}
