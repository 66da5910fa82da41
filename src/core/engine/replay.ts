import type { FlowDocument } from '../model';
import { indexFlow } from './flowIndex';
import type { Payload } from './records';
import { applyEffect, effectKey, eventView, handlerGenerator, type ValueContext } from './values';

/** Projection rows by projection id, then by key (Maps: keys are values a user chose). */
export type ProjectionState = Map<string, Map<string, Payload>>;

/** What a replay needs of an event. */
export interface ReplayEvent {
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  occurredAt: string;
  aggregateId: string;
  payload: Payload;
}

/** Called for every row an event changes during a replay (`deleted` when the effect removed it). */
export type ReplayListener = (projectionId: string, key: string, eventId: string, deleted: boolean) => void;

/** An empty state with every projection of the flow. Pure. */
export function emptyProjectionState(flow: FlowDocument): ProjectionState {
  return new Map(flow.projections.map((p) => [p.id, new Map<string, Payload>()]));
}

/**
 * Replays events (in event-store order) through every consumer's handlers into memory, as the
 * projections would be had each event been applied exactly once, in order. Emitted events are not
 * re-emitted: they are in the store already. `onApplied` hears every row change (e.g. to know each
 * row's last event). Pure apart from the listener.
 */
export function replayProjections(flow: FlowDocument, events: Iterable<ReplayEvent>, onApplied?: ReplayListener): ProjectionState {
  const index = indexFlow(flow);
  const state = emptyProjectionState(flow);
  for (const event of events) {
    for (const { consumer, handler } of index.subscriptions(event.eventTypeId)) {
      const values: ValueContext = { event: eventView(event, flow.envelope, flow.id), generate: handlerGenerator(event.eventId, event.occurredAt, consumer.id) };
      for (const effect of handler.effects) {
        const key = effectKey(effect, values);
        if (key === undefined) continue;
        let rows = state.get(effect.projectionId);
        if (!rows) state.set(effect.projectionId, (rows = new Map()));
        const result = applyEffect(effect, index.projection(effect.projectionId), rows.get(key), key, values);
        if (result.next === null) rows.delete(key);
        else rows.set(key, result.next);
        onApplied?.(effect.projectionId, key, event.eventId, result.next === null);
      }
    }
  }
  return state;
}

/** Stored projection rows as a ProjectionState. Pure. */
export function stateFromRows(flow: FlowDocument, rows: Iterable<{ projectionId: string; key: string; values: Payload }>): ProjectionState {
  const state = emptyProjectionState(flow);
  for (const row of rows) {
    let byKey = state.get(row.projectionId);
    if (!byKey) state.set(row.projectionId, (byKey = new Map()));
    byKey.set(row.key, row.values);
  }
  return state;
}

/** One row that differs between the incremental projections and the rebuild. */
export interface ProjectionDifference {
  projectionId: string;
  key: string;
  incremental: Payload | undefined;
  rebuilt: Payload | undefined;
}

/** A value as canonical text: object keys sorted, undefined members left out. Pure. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The rows that differ between two projection states (by value, column order ignored). Pure. */
export function diffProjections(incremental: ProjectionState, rebuilt: ProjectionState): ProjectionDifference[] {
  const differences: ProjectionDifference[] = [];
  const ids = new Set([...incremental.keys(), ...rebuilt.keys()]);
  for (const projectionId of [...ids].sort(byText)) {
    const a = incremental.get(projectionId) ?? new Map<string, Payload>();
    const b = rebuilt.get(projectionId) ?? new Map<string, Payload>();
    for (const key of [...new Set([...a.keys(), ...b.keys()])].sort(byText)) {
      if (canonical(a.get(key)) !== canonical(b.get(key))) differences.push({ projectionId, key, incremental: a.get(key), rebuilt: b.get(key) });
    }
  }
  return differences;
}
