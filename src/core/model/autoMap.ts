import { effectiveAggregateIdPath, eventPayloadPaths, designDefs } from './inheritance';
import { envelopeAttributes } from './schema/envelope';
import { withPropertyAtPath } from './schema/editSchema';
import { isSameOrUnder, lastSegment, parentPath } from './schema/paths';
import { isSchemaObject, type SchemaDefs } from './schema/schemaAccess';
import { schemaAtPath, type PayloadPath } from './schema/schemaPaths';
import type {
  Assignment, Command, Emission, FlowDocument, Handler, JsonSchema, PayloadMapping, Projection, ProjectionEffect, ValueSource,
} from './types';

/** A value the run makes for a required value the handled event cannot fill: ids and timestamps. */
function generatedFor(schema: JsonSchema, defs: SchemaDefs): ValueSource | undefined {
  const resolved = isSchemaObject(schema) && typeof schema.$ref === 'string' ? schemaAtPath(schema, '', defs) : schema;
  if (!isSchemaObject(resolved)) return undefined;
  if (resolved.format === 'uuid') return { from: 'generated', generator: 'uuid' };
  if (resolved.format === 'date-time') return { from: 'generated', generator: 'now' };
  return undefined;
}

/** Keeps the mappings in the order of the event's paths, so a mapping reads like the event. */
function inPathOrder(paths: readonly PayloadPath[], mappings: PayloadMapping[]): PayloadMapping[] {
  const order = (m: PayloadMapping) => { const i = paths.findIndex((p) => p.path === m.target); return i < 0 ? paths.length : i; };
  return [...mappings].sort((a, b) => order(a) - order(b));
}

/** `emits` with the emission of `eventTypeId` replaced by `emission` (appended when there was none). */
function withEmission(emits: readonly Emission[], emission: Emission): Emission[] {
  return emits.some((e) => e.eventTypeId === emission.eventTypeId)
    ? emits.map((e) => (e.eventTypeId === emission.eventTypeId ? emission : e))
    : [...emits, emission];
}

/**
 * The values of an event nobody sets yet, as whole as possible: a property none of whose parts
 * is mapped is listed itself (its children come with it); a property with some mapped parts is
 * entered and its unmapped parts listed. Parents come before children.
 */
export function unmappedPaths(paths: readonly PayloadPath[], mappings: readonly PayloadMapping[]): PayloadPath[] {
  const targets = mappings.map((m) => m.target);
  const covered = (path: string) => targets.some((t) => isSameOrUnder(path, t));
  const hasMappedPart = (path: string) => targets.some((t) => isSameOrUnder(t, path));
  const listed: string[] = [];
  return paths.filter((entry) => {
    if (covered(entry.path) || listed.some((l) => isSameOrUnder(entry.path, l))) return false;
    const parent = parentPath(entry.path) ?? '';
    if (parent !== '' && !hasMappedPart(parent)) return false;
    if (hasMappedPart(entry.path)) return false;
    listed.push(entry.path);
    return true;
  });
}

/**
 * The command emitting `eventTypeId` (added if it did not) with every value of the event mapped:
 * what is already mapped keeps its source; each other value reads the input at the same path, and
 * the input gets that value (same schema, required as in the event) when it has none. Pure.
 */
export function withCommandEmission(doc: FlowDocument, command: Command, eventTypeId: string): Command {
  const defs = designDefs(doc);
  const paths = eventPayloadPaths(doc, eventTypeId);
  const current = command.emits.find((e) => e.eventTypeId === eventTypeId)?.mappings ?? [];
  let input = command.input;
  const added: PayloadMapping[] = [];
  for (const entry of unmappedPaths(paths, current)) {
    if (schemaAtPath(input, entry.path, defs) === undefined) input = withPropertyAtPath(input, entry.path, entry.schema, entry.required);
    added.push({ target: entry.path, source: { from: 'input', path: entry.path } });
  }
  const mappings = inPathOrder(paths, [...current, ...added]);
  return { ...command, input, emits: withEmission(command.emits, { eventTypeId, mappings }) };
}

/**
 * The handler emitting `eventTypeId` (added if it did not) with its unmapped values filled where
 * the tool can: the handled event's value at the same path, else for a required uuid / date-time
 * a generated id / the clock's now. Other values stay for the user to pick. Pure.
 */
export function withHandlerEmission(doc: FlowDocument, handler: Handler, eventTypeId: string): Handler {
  const defs = designDefs(doc);
  const paths = eventPayloadPaths(doc, eventTypeId);
  const handled = new Set(eventPayloadPaths(doc, handler.eventTypeId).map((entry) => entry.path));
  const current = handler.emits.find((e) => e.eventTypeId === eventTypeId)?.mappings ?? [];
  const added: PayloadMapping[] = [];
  const fill = (entries: readonly PayloadPath[]) => {
    for (const entry of entries) {
      if (handled.has(entry.path)) {
        added.push({ target: entry.path, source: { from: 'event', path: entry.path } });
        continue;
      }
      const generated = entry.required ? generatedFor(entry.schema, defs) : undefined;
      if (generated) added.push({ target: entry.path, source: generated });
      else if (entry.required) fill(paths.filter((p) => parentPath(p.path) === entry.path));
    }
  };
  fill(unmappedPaths(paths, current));
  return { ...handler, emits: withEmission(handler.emits, { eventTypeId, mappings: inPathOrder(paths, [...current, ...added]) }) };
}

/** The path of the handled event that best fills a column: a top-level value of that name, else the only nested one. */
function pathForColumn(paths: readonly PayloadPath[], column: string): string | undefined {
  const top = paths.find((entry) => entry.depth === 1 && entry.name === column);
  if (top) return top.path;
  const nested = paths.filter((entry) => lastSegment(entry.path) === column);
  return nested.length === 1 ? nested[0]!.path : undefined;
}

/**
 * A usable upsert of `projection` for a handler: keyed by the handled event's value named like the
 * key column (else its aggregate id, else the envelope's subject), setting every column that a
 * value of the same name can fill (a top-level one, else the only nested one). Pure.
 */
export function upsertEffectFor(doc: FlowDocument, handler: Handler, projection: Projection): ProjectionEffect {
  const paths = eventPayloadPaths(doc, handler.eventTypeId);
  const keyPath = pathForColumn(paths, projection.key) ?? effectiveAggregateIdPath(doc, handler.eventTypeId);
  const subject = envelopeAttributes(doc.envelope).find((attr) => attr.role === 'subject');
  const key: ValueSource = keyPath !== undefined
    ? { from: 'event', path: keyPath }
    : subject ? { from: 'envelope', path: subject.path } : { from: 'generated', generator: 'uuid' };
  const set: Assignment[] = projection.columns
    .filter((column) => column.name !== projection.key)
    .flatMap((column) => {
      const path = pathForColumn(paths, column.name);
      return path === undefined ? [] : [{ target: column.name, source: { from: 'event', path } }];
    });
  return { kind: 'upsert', projectionId: projection.id, key, set };
}
