import { effectiveAggregateIdField, effectiveFields } from './effectiveFields';
import type { Assignment, Command, Emission, FieldDef, FlowDocument, Handler, Projection, ProjectionEffect, ValueSource } from './types';

/** A field of an event as a command input: same name, type, values and description; required. */
export function inputFieldFrom(field: FieldDef): FieldDef {
  const copy: FieldDef = { name: field.name, type: field.type, required: true };
  if (field.description !== undefined) copy.description = field.description;
  if (field.enumValues !== undefined) copy.enumValues = [...field.enumValues];
  if (field.itemType !== undefined) copy.itemType = field.itemType;
  return copy;
}

/** A value the run makes for a required field the handled event cannot fill: ids and timestamps. */
function generatedFor(field: FieldDef): ValueSource | undefined {
  if (field.type === 'uuid') return { from: 'generated', generator: 'uuid' };
  if (field.type === 'date-time') return { from: 'generated', generator: 'now' };
  return undefined;
}

/** Keeps the mappings in the order of the event's fields, so a mapping reads like the event. */
function inFieldOrder(fields: readonly FieldDef[], mappings: Assignment[]): Assignment[] {
  const order = (m: Assignment) => { const i = fields.findIndex((f) => f.name === m.target); return i < 0 ? fields.length : i; };
  return [...mappings].sort((a, b) => order(a) - order(b));
}

/** `emits` with the emission of `eventTypeId` replaced by `emission` (appended when there was none). */
function withEmission(emits: readonly Emission[], emission: Emission): Emission[] {
  return emits.some((e) => e.eventTypeId === emission.eventTypeId)
    ? emits.map((e) => (e.eventTypeId === emission.eventTypeId ? emission : e))
    : [...emits, emission];
}

/**
 * The command emitting `eventTypeId` (added if it did not) with every field of the event mapped:
 * fields already mapped keep their source; each other field reads the same-named input, and an
 * input is added for it (required as in the event) when the command has none. Pure.
 */
export function withCommandEmission(doc: FlowDocument, command: Command, eventTypeId: string): Command {
  const fields = effectiveFields(doc, eventTypeId);
  const current = command.emits.find((e) => e.eventTypeId === eventTypeId)?.mappings ?? [];
  const mapped = new Set(current.map((m) => m.target));
  const inputs = new Set(command.inputFields.map((f) => f.name));
  const missing = fields.filter((f) => !mapped.has(f.name));
  const inputFields = [...command.inputFields,
    ...missing.filter((f) => !inputs.has(f.name)).map((f) => ({ ...inputFieldFrom(f), required: f.required }))];
  const mappings = inFieldOrder(fields, [...current, ...missing.map((f): Assignment => ({ target: f.name, source: { from: 'input', field: f.name } }))]);
  return { ...command, inputFields, emits: withEmission(command.emits, { eventTypeId, mappings }) };
}

/**
 * The handler emitting `eventTypeId` (added if it did not) with its unmapped fields filled where
 * the tool can: a same-named field of the handled event, else for a required uuid / date-time a
 * generated id / the clock's now. Other fields stay for the user to pick. Pure.
 */
export function withHandlerEmission(doc: FlowDocument, handler: Handler, eventTypeId: string): Handler {
  const fields = effectiveFields(doc, eventTypeId);
  const handled = new Set(effectiveFields(doc, handler.eventTypeId).map((f) => f.name));
  const current = handler.emits.find((e) => e.eventTypeId === eventTypeId)?.mappings ?? [];
  const mapped = new Set(current.map((m) => m.target));
  const added = fields.filter((f) => !mapped.has(f.name)).flatMap((field): Assignment[] => {
    if (handled.has(field.name)) return [{ target: field.name, source: { from: 'event', field: field.name } }];
    const generated = field.required ? generatedFor(field) : undefined;
    return generated ? [{ target: field.name, source: generated }] : [];
  });
  return { ...handler, emits: withEmission(handler.emits, { eventTypeId, mappings: inFieldOrder(fields, [...current, ...added]) }) };
}

/**
 * A usable upsert of `projection` for a handler: keyed by the handled event's field named like the
 * key column (else its aggregate id, else the envelope's), setting every same-named column. Pure.
 */
export function upsertEffectFor(doc: FlowDocument, handler: Handler, projection: Projection): ProjectionEffect {
  const handled = new Set(effectiveFields(doc, handler.eventTypeId).map((field) => field.name));
  const keyField = handled.has(projection.key) ? projection.key : (effectiveAggregateIdField(doc, handler.eventTypeId) ?? 'aggregateId');
  const set: Assignment[] = projection.columns
    .filter((column) => column.name !== projection.key && handled.has(column.name))
    .map((column) => ({ target: column.name, source: { from: 'event', field: column.name } }));
  return { kind: 'upsert', projectionId: projection.id, key: { from: 'event', field: keyField }, set };
}
