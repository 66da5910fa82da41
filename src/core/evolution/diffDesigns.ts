/**
 * Schema evolution between two designs (or a design and its baseline): for every event type,
 * the changes to its message schema that break the chosen compatibility mode, whether its
 * version number moved, and whether its history can bring old events forward. Pure.
 */
import type { BaselineEventType, EvolutionSettings } from '../model/contracts';
import type { FlowDocument } from '../model/types';
import { planEventSchemas } from '../exporters/contracts/eventSchemas';
import { compareSchemas, type BreakingChange, type CompatibilityMode } from './compatibility';
import type { Library, Schema } from './schemaFacts';

/** One event type's contract at one point in time: what compatibility is checked on. */
export interface ContractSnapshot {
  library: Library;
  eventTypes: BaselineEventType[];
}

/** The contracts of a design: each event type's whole message schema (envelope, bases, payload) and the definitions it uses. */
export function contractsOf(doc: FlowDocument): ContractSnapshot {
  const plan = planEventSchemas(doc);
  return {
    library: plan.definitions as Library,
    eventTypes: plan.types.map(({ type, message }) => ({ id: type.id, name: type.name, version: type.version, schema: message })),
  };
}

/** The baseline stored in a design (`evolution.baseline`) as a snapshot. */
export function baselineSnapshot(baseline: NonNullable<EvolutionSettings['baseline']>): ContractSnapshot {
  return {
    library: new Map(baseline.library.map((e) => [e.name, e.schema as Schema])),
    eventTypes: baseline.eventTypes,
  };
}

/** A baseline to store in a design: its contracts now, with a label for the user. */
export function baselineOf(doc: FlowDocument, label: string): NonNullable<EvolutionSettings['baseline']> {
  const { library, eventTypes } = contractsOf(doc);
  const own = new Map(doc.eventTypes.map((t) => [t.id, t.payload]));
  return {
    label,
    library: [...library].map(([name, schema]) => ({ name, schema })),
    eventTypes: eventTypes.map((t) => ({ ...structuredClone(t), payload: structuredClone(own.get(t.id)!) })),
  };
}

export type EventTypeStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface EventTypeDiff {
  id: string;
  name: string;
  status: EventTypeStatus;
  oldVersion?: number;
  newVersion?: number;
  /** The changes that break the mode (empty: compatible). */
  changes: BreakingChange[];
  /** Breaking changes on an unchanged version number: the contract changed under the same name and version. */
  breaksSameVersion: boolean;
}

/**
 * Compares two snapshots event type by event type (matched by id, else by name): the breaking
 * changes under `mode` with their paths. A removed event type breaks backward compatibility
 * (its stored events have no reader any more). Pure.
 */
export function diffContracts(before: ContractSnapshot, after: ContractSnapshot, mode: CompatibilityMode): EventTypeDiff[] {
  const diffs: EventTypeDiff[] = [];
  const matched = new Set<BaselineEventType>();
  const byId = new Map(before.eventTypes.map((t) => [t.id, t]));
  const byName = new Map(before.eventTypes.map((t) => [t.name, t]));
  for (const now of after.eventTypes) {
    const then = byId.get(now.id) ?? byName.get(now.name);
    if (!then || matched.has(then)) {
      diffs.push({ id: now.id, name: now.name, status: 'added', newVersion: now.version, changes: [], breaksSameVersion: false });
      continue;
    }
    matched.add(then);
    const changes = compareSchemas(then.schema, now.schema, mode, { oldLibrary: before.library, newLibrary: after.library });
    const identical = compareSchemas(then.schema, now.schema, 'full', { oldLibrary: before.library, newLibrary: after.library }).length === 0;
    diffs.push({
      id: now.id, name: now.name,
      status: identical && then.version === now.version ? 'unchanged' : 'changed',
      oldVersion: then.version, newVersion: now.version, changes,
      breaksSameVersion: changes.length > 0 && then.version === now.version,
    });
  }
  for (const then of before.eventTypes) {
    if (matched.has(then)) continue;
    const changes: BreakingChange[] = mode === 'backward' || mode === 'full'
      ? [{ path: '/', kind: 'schema-changed', breaks: 'backward', message: `event type '${then.name}' was removed: its stored events have no reader any more` }]
      : [];
    diffs.push({ id: then.id, name: then.name, status: 'removed', oldVersion: then.version, changes, breaksSameVersion: false });
  }
  return diffs;
}

/** `diffContracts` of two designs. Pure. */
export function diffDesigns(before: FlowDocument, after: FlowDocument, mode: CompatibilityMode): EventTypeDiff[] {
  return diffContracts(contractsOf(before), contractsOf(after), mode);
}
