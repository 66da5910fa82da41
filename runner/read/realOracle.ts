/**
 * An independent recomputation of the invariants from the raw rows of a real run, the way an
 * auditor would read the tables: committed-but-never-published (lost), published-but-never-committed
 * (phantom), subscribers that never applied a published event (gap), repeats that changed state
 * (harmful duplicate) or did not (repeat, informational), a lower stream version applied after a
 * higher one (stale overwrite), dead letters, rejected commands, a command committed twice, outbox
 * rows left pending, projections that differ from a rebuild of the event store.
 *
 * The report comes from the engine's checker (issue 8, `checkRun`); this oracle, written apart from
 * it, is the cross-check the integration tests hold the checker to on real runs. Pure.
 */
import type { FlowDocument } from '../../src/core';
import { diffProjections, replayProjections, stateFromRows, type ProjectionDifference } from '../../src/core';
import { indexFlow } from '../../src/core/engine/flowIndex';
import type { RealRunRows } from './readRealRun';

export type OracleKind =
  | 'lost' | 'phantom' | 'gap' | 'duplicate-effect' | 'repeat' | 'stale-overwrite' | 'dead-letter'
  | 'rejected-command' | 'duplicate-command-effect' | 'stalled-outbox' | 'projection-differs';

export interface OracleEntry {
  kind: OracleKind;
  /** False for informational lines (a harmless repeat). */
  broken: boolean;
  eventIds: string[];
  nodeIds: string[];
  message: string;
}

export interface OracleReport {
  ok: boolean;
  entries: OracleEntry[];
  byKind: Record<OracleKind, number>;
  rebuild: { equal: boolean; differences: ProjectionDifference[] };
}

const KINDS: OracleKind[] = [
  'lost', 'phantom', 'gap', 'duplicate-effect', 'repeat', 'stale-overwrite', 'dead-letter', 'rejected-command',
  'duplicate-command-effect', 'stalled-outbox', 'projection-differs',
];

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export function oracle(flow: FlowDocument, rows: RealRunRows, allow: ReadonlySet<OracleKind> = new Set()): OracleReport {
  const index = indexFlow(flow);
  const entries: OracleEntry[] = [];
  const add = (entry: Omit<OracleEntry, 'broken'>, broken = true) => entries.push({ ...entry, broken: broken && !allow.has(entry.kind) });
  const published = new Set(rows.publications.map((p) => p.eventId));
  const committed = new Map(rows.events.map((e) => [e.eventId, e]));

  for (const e of rows.events) {
    if (!published.has(e.eventId)) {
      add({ kind: 'lost', eventIds: [e.eventId], nodeIds: [e.sourceId, e.eventTypeId], message: `${e.eventTypeName} ${e.eventId} committed by ${index.nodeName(e.sourceId)} (${e.streamId} v${e.version}) but never published` });
    }
  }
  for (const p of rows.publications) {
    if (p.eventId && !committed.has(p.eventId)) add({ kind: 'phantom', eventIds: [p.eventId], nodeIds: [p.eventTypeId], message: `${p.eventTypeName} ${p.eventId} published (${p.stream} #${p.seq}) but never committed` });
  }

  const applied = new Map<string, typeof rows.handlings>();
  for (const h of rows.handlings) {
    if (h.outcome !== 'applied') continue;
    const key = `${h.consumerId}\u0000${h.eventId}`;
    applied.set(key, [...(applied.get(key) ?? []), h]);
  }
  const dead = new Set(rows.deadLetters.map((d) => `${d.consumerId}\u0000${d.eventId}`));
  for (const eventId of published) {
    const e = committed.get(eventId);
    if (!e) continue;
    for (const { consumer } of index.subscriptions(e.eventTypeId)) {
      const key = `${consumer.id}\u0000${eventId}`;
      if (!applied.has(key) && !dead.has(key)) {
        add({ kind: 'gap', eventIds: [eventId], nodeIds: [consumer.id, e.eventTypeId], message: `${consumer.name} never applied ${e.eventTypeName} ${eventId} (${e.streamId} v${e.version}), published and neither applied nor dead-lettered` });
      }
    }
  }
  for (const [, handlings] of applied) {
    if (handlings.length < 2) continue;
    const first = handlings[0]!;
    const repeats = handlings.slice(1);
    const known = new Set(first.emitted);
    const harmful = repeats.some((h) => h.emitted.some((id) => !known.has(id)) || h.changes.some((c) => !same(c.before, c.after)));
    const name = index.nodeName(first.consumerId);
    add({
      kind: harmful ? 'duplicate-effect' : 'repeat', eventIds: [first.eventId], nodeIds: [first.consumerId],
      message: `${first.eventTypeName} ${first.eventId} applied ${handlings.length} times by ${name}${harmful ? ': the repeat changed rows or emitted new events' : ' with no change (harmless)'}`,
    }, harmful);
  }
  const highest = new Map<string, { version: number; eventId: string }>();
  for (const h of rows.handlings) {
    if (h.outcome !== 'applied') continue;
    const key = `${h.consumerId}\u0000${h.streamId}`;
    const top = highest.get(key);
    if (top && h.version < top.version) {
      add({ kind: 'stale-overwrite', eventIds: [h.eventId, top.eventId], nodeIds: [h.consumerId], message: `${index.nodeName(h.consumerId)} applied ${h.streamId} v${h.version} (${h.eventId}) after v${top.version} (${top.eventId})` });
    } else if (!top || h.version > top.version) highest.set(key, { version: h.version, eventId: h.eventId });
  }
  for (const d of rows.deadLetters) {
    add({ kind: 'dead-letter', eventIds: [d.eventId], nodeIds: [d.consumerId], message: `${d.eventTypeName} ${d.eventId} dead-lettered by ${index.nodeName(d.consumerId)} after ${d.deliveries} deliveries` });
  }
  for (const c of rows.commands) {
    if (c.status === 'rejected') add({ kind: 'rejected-command', eventIds: [], nodeIds: [c.producerId], message: `${c.commandName} ${c.id} rejected: ${c.reason ?? 'no reason'}` });
  }
  const byCommand = new Map<string, string[]>();
  for (const e of rows.events) {
    if (e.causationId !== e.commandId) continue;
    const request = e.commandId.replace(/#\d+$/, '');
    byCommand.set(request, [...(byCommand.get(request) ?? []), e.eventId]);
  }
  for (const c of rows.commands) {
    const emits = index.command(c.producerId, c.commandId)?.emits.length ?? 0;
    const ids = byCommand.get(c.id) ?? [];
    if (emits > 0 && ids.length > emits) add({ kind: 'duplicate-command-effect', eventIds: ids, nodeIds: [c.producerId], message: `${c.commandName} ${c.id} committed ${ids.length / emits} times (a retried command without idempotency)` });
  }
  const stalled = rows.outbox.filter((o) => o.status === 'pending');
  for (const ownerId of new Set(stalled.map((o) => o.ownerId))) {
    const mine = stalled.filter((o) => o.ownerId === ownerId);
    add({ kind: 'stalled-outbox', eventIds: mine.slice(0, 20).map((o) => o.eventId), nodeIds: [ownerId], message: `${index.nodeName(ownerId)} outbox: ${mine.length} row(s) still pending at the end of the run` });
  }
  const rebuilt = replayProjections(flow, rows.events);
  const incremental = stateFromRows(flow, rows.projectionRows);
  const differences = diffProjections(incremental, rebuilt);
  for (const d of differences) {
    add({ kind: 'projection-differs', eventIds: [], nodeIds: [d.projectionId], message: `${index.nodeName(d.projectionId)} row ${d.key} differs from a rebuild of the event store` });
  }
  const byKind = Object.fromEntries(KINDS.map((k) => [k, entries.filter((e) => e.kind === k).length])) as Record<OracleKind, number>;
  return { ok: entries.every((e) => !e.broken), entries, byKind, rebuild: { equal: differences.length === 0, differences } };
}
