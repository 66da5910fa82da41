import type { FlowDocument } from '../model';
import { emptyRecord, getOrInsertOwn, getOwn, recordFrom, setOwn } from '../model/ownKeys';
import { indexFlow } from './flowIndex';
import type { EventRecord, Payload, ProjectionRowRecord } from './records';
import { applyEffect, effectKey, eventView, handlerGenerator, type ValueContext } from './values';

/** Projection rows by projection id, then by key. */
export type ProjectionState = Record<string, Record<string, Payload>>;

/** Called for every row an event changes during a replay (`deleted` when the effect removed it). */
export type ReplayListener = (projectionId: string, key: string, eventId: string, deleted: boolean) => void;

/**
 * Replays events (in event-store order) through every consumer's handlers into memory, as the
 * projections would be had each event been applied exactly once, in order. Emitted events are not
 * re-emitted: they are in the store already. `onApplied` hears every row change (e.g. to know each
 * row's last event). Pure apart from the listener.
 */
export function replayProjections(flow: FlowDocument, events: Iterable<EventRecord>, onApplied?: ReplayListener): ProjectionState {
  const index = indexFlow(flow);
  // Projection ids and row keys are the user's: records without a prototype, read and written as own keys.
  const state: ProjectionState = recordFrom(flow.projections.map((p) => [p.id, emptyRecord<Payload>()]));
  for (const event of events) {
    for (const { consumer, handler } of index.subscriptions(event.eventTypeId)) {
      const values: ValueContext = { event: eventView(event, flow.envelope, flow.id), generate: handlerGenerator(event.eventId, event.occurredAt, consumer.id) };
      for (const effect of handler.effects) {
        const key = effectKey(effect, values);
        if (key === undefined) continue;
        const rows = getOrInsertOwn(state, effect.projectionId, () => emptyRecord<Payload>());
        const result = applyEffect(effect, index.projection(effect.projectionId), getOwn(rows, key), key, values);
        if (result.next === null) Reflect.deleteProperty(rows, key);
        else setOwn(rows, key, result.next);
        onApplied?.(effect.projectionId, key, event.eventId, result.next === null);
      }
    }
  }
  return state;
}

/** The stored projection rows as a ProjectionState. Pure. */
export function stateFromRows(flow: FlowDocument, rows: Iterable<ProjectionRowRecord>): ProjectionState {
  const state: ProjectionState = recordFrom(flow.projections.map((p) => [p.id, emptyRecord<Payload>()]));
  for (const row of rows) {
    setOwn(getOrInsertOwn(state, row.projectionId, () => emptyRecord<Payload>()), row.key, row.values);
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

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The rows that differ between two projection states (by value, column order ignored). Pure. */
export function diffProjections(incremental: ProjectionState, rebuilt: ProjectionState): ProjectionDifference[] {
  const differences: ProjectionDifference[] = [];
  const ids = new Set([...Object.keys(incremental), ...Object.keys(rebuilt)]);
  for (const projectionId of [...ids].sort()) {
    const a = getOwn(incremental, projectionId) ?? {};
    const b = getOwn(rebuilt, projectionId) ?? {};
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const [before, after] = [getOwn(a, key), getOwn(b, key)];
      if (canonical(before) !== canonical(after)) differences.push({ projectionId, key, incremental: before, rebuilt: after });
    }
  }
  return differences;
}
