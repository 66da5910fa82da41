/**
 * Replaying an event store written with one design against a newer one: every stored event is
 * brought to the version its type has in the newer design by that type's upcasters, and events
 * whose type the newer design no longer has — or that no upcaster can bring forward — are left
 * out and reported. This is what an event store does when read models are rebuilt after the
 * contracts changed. Pure.
 */
import type { FlowDocument } from '../model/types';
import { upcastPayload } from './upcast';

/** What a replay needs of a stored event. */
export interface StoredEvent {
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  payload: unknown;
}

export interface UpcastReport {
  /** Events whose payload went through at least one upcaster. */
  upcast: number;
  /** Events left out of the replay, with the reason. */
  skipped: { eventId: string; eventTypeName: string; reason: string }[];
}

/**
 * The stored events as the design `readWith` reads them (see the module comment). An event's
 * version is the one its type had in `writtenWith`, the design the run wrote it with; its type is
 * found in `readWith` by id, else by name (a renamed type keeps its id). The events themselves are
 * never changed: upcast events are copies. Fills `report` as it goes.
 */
export function* upcastEvents<E extends StoredEvent>(events: Iterable<E>, writtenWith: FlowDocument, readWith: FlowDocument, report: UpcastReport): Generator<E> {
  const oldTypes = new Map(writtenWith.eventTypes.map((t) => [t.id, t]));
  const newById = new Map(readWith.eventTypes.map((t) => [t.id, t]));
  const newByName = new Map(readWith.eventTypes.map((t) => [t.name, t]));
  for (const event of events) {
    const now = newById.get(event.eventTypeId) ?? newByName.get(event.eventTypeName);
    if (!now) {
      report.skipped.push({ eventId: event.eventId, eventTypeName: event.eventTypeName, reason: `the design has no event type '${event.eventTypeName}' any more` });
      continue;
    }
    const writtenVersion = oldTypes.get(event.eventTypeId)?.version ?? now.version;
    const result = upcastPayload(event.payload, writtenVersion, now.version, now.history ?? []);
    if (!result.ok) {
      report.skipped.push({ eventId: event.eventId, eventTypeName: event.eventTypeName, reason: `${now.name} v${writtenVersion} → v${now.version}: ${result.message}` });
      continue;
    }
    if (writtenVersion !== now.version) report.upcast++;
    yield (writtenVersion === now.version && now.id === event.eventTypeId && now.name === event.eventTypeName
      ? event
      : { ...event, eventTypeId: now.id, eventTypeName: now.name, payload: result.payload });
  }
}
