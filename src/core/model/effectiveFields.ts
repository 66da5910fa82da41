import type { EventType, FieldDef, FlowDocument } from './types';

/**
 * The base chain of an event type, from the root down to the type itself
 * (e.g. AbstractContentEvent, VideoEvent, VideoStatusChangeEvent). Pure. Stops at a cycle
 * or a dangling `extends` instead of throwing; the validator reports those.
 */
export function inheritanceChain(doc: FlowDocument, eventTypeId: string): EventType[] {
  const chain: EventType[] = [];
  const seen = new Set<string>();
  let current = doc.eventTypes.find((e) => e.id === eventTypeId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    const baseId = current.extends;
    current = baseId === undefined ? undefined : doc.eventTypes.find((e) => e.id === baseId);
  }
  return chain;
}

/** All fields of an event type, inherited ones first; a redefined field overrides its base. Pure. */
export function effectiveFields(doc: FlowDocument, eventTypeId: string): FieldDef[] {
  const byName = new Map<string, FieldDef>();
  for (const type of inheritanceChain(doc, eventTypeId)) {
    for (const field of type.fields) byName.set(field.name, field);
  }
  return [...byName.values()];
}

/** The aggregate-id field of an event type, own or inherited (nearest wins). Pure. */
export function effectiveAggregateIdField(doc: FlowDocument, eventTypeId: string): string | undefined {
  const chain = inheritanceChain(doc, eventTypeId);
  for (let i = chain.length - 1; i >= 0; i--) {
    const field = chain[i]?.aggregateIdField;
    if (field) return field;
  }
  return undefined;
}

/** Names of the envelope every event carries, readable by mappings as `{ from: 'event', field }`. */
export const ENVELOPE_FIELDS = ['eventId', 'eventType', 'occurredAt', 'aggregateId'] as const;
