/**
 * The checker's lookups over the run's rows, built once per check (Maps: ids are names a user
 * chose). Pure.
 */
import { indexFlow, type FlowIndex } from '../flowIndex';
import type {
  AnomalyKind, CheckDelivery, CheckEvent, CheckHandling, CheckInput, CheckOutboxRow, CheckPublication, ReportEntry,
} from './types';
import { INFORMATIONAL_KINDS } from './types';

/** A key for a (consumer, event) pair. */
export const pair = (consumerId: string, eventId: string) => `${consumerId}\u0000${eventId}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface Facts {
  input: CheckInput;
  index: FlowIndex;
  events: Map<string, CheckEvent>;
  /** Events whose causation id is the key (the events it made a consumer emit). */
  children: Map<string, string[]>;
  publications: Map<string, CheckPublication[]>;
  outbox: Map<string, CheckOutboxRow[]>;
  pendingPublishes: Set<string>;
  deliveries: Map<string, CheckDelivery[]>;
  /** Applied handlings per (consumer, event), in log order. */
  applied: Map<string, CheckHandling[]>;
  /** Applied handlings per event (any consumer). */
  appliedByEvent: Map<string, CheckHandling[]>;
  dead: Set<string>;
  inboxOf: Set<string>;
  /** Consumers with at least one inbox row. */
  consumersWithInbox: Set<string>;
  /** Whether nothing is in flight: no pending command, outbox row, memory publish or undelivered message. */
  quiet: boolean;
  name(id: string): string;
}

export function buildFacts(input: CheckInput): Facts {
  const t = input.tables;
  const index = indexFlow(input.flow);
  const events = new Map(t.events.map((e) => [e.eventId, e]));
  const children = new Map<string, string[]>();
  for (const e of t.events) push(children, e.causationId, e.eventId);
  const publications = new Map<string, CheckPublication[]>();
  for (const p of t.publications) push(publications, p.eventId, p);
  const outbox = new Map<string, CheckOutboxRow[]>();
  for (const row of t.outbox) push(outbox, row.eventId, row);
  const deliveries = new Map<string, CheckDelivery[]>();
  for (const d of t.deliveries) push(deliveries, pair(d.consumerId, d.eventId), d);
  const applied = new Map<string, CheckHandling[]>();
  const appliedByEvent = new Map<string, CheckHandling[]>();
  for (const h of [...t.handlings].sort((a, b) => a.seq - b.seq)) {
    if (h.outcome !== 'applied') continue;
    push(applied, pair(h.consumerId, h.eventId), h);
    push(appliedByEvent, h.eventId, h);
  }
  for (const p of t.publications) {
    // Phantoms are not in the store: their causation still links them downstream.
    if (!events.has(p.eventId)) push(children, p.causationId, p.eventId);
  }
  const quiet = t.commands.every((c) => c.status !== 'pending') && t.outbox.every((o) => o.status !== 'pending') &&
    t.pendingPublishes.length === 0 && t.deliveries.every((d) => d.status === 'acked' || d.status === 'dead');
  return {
    input, index, events, children, publications, outbox, deliveries, applied, appliedByEvent,
    pendingPublishes: new Set(t.pendingPublishes.map((p) => p.eventId)),
    dead: new Set(t.deadLetters.map((d) => pair(d.consumerId, d.eventId))),
    inboxOf: new Set(t.inbox.map((i) => pair(i.consumerId, i.eventId))),
    consumersWithInbox: new Set(t.inbox.map((i) => i.consumerId)),
    quiet,
    name: (id) => index.nodeName(id),
  };
}

/** Whether a message to a consumer is still queued or in flight at the broker. */
export function inFlight(facts: Facts, consumerId: string, eventId: string): boolean {
  return (facts.deliveries.get(pair(consumerId, eventId)) ?? []).some((d) => d.status === 'queued' || d.status === 'in-flight');
}

/**
 * Everything downstream of some events: the events they caused (following causation ids,
 * transitively), and the consumers that applied any of those and the projections they changed.
 */
export function downstream(facts: Facts, from: readonly string[]): { eventIds: string[]; nodeIds: string[] } {
  const seen = new Set<string>();
  const queue = [...from];
  const nodes = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const h of facts.appliedByEvent.get(id) ?? []) {
      nodes.add(h.consumerId);
      for (const c of h.changes) nodes.add(c.projectionId);
    }
    for (const child of facts.children.get(id) ?? []) queue.push(child);
  }
  return { eventIds: [...seen], nodeIds: [...nodes] };
}

/** Collects entries with their severity. */
export class EntrySink {
  readonly entries: ReportEntry[] = [];
  private readonly allow: ReadonlySet<AnomalyKind>;

  constructor(allow: readonly AnomalyKind[] = []) {
    this.allow = new Set(allow);
  }

  add(entry: Omit<ReportEntry, 'severity'> & { info?: boolean }): void {
    const { info, ...rest } = entry;
    const severity = info || INFORMATIONAL_KINDS.has(entry.kind) ? 'info' : this.allow.has(entry.kind) ? 'allowed' : 'broken';
    this.entries.push({ ...rest, severity });
  }
}

/** "twice", "3 times". Pure. */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
