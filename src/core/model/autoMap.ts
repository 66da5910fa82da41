import { effectiveAggregateIdPath, eventPayloadPaths, designDefs } from './inheritance';
import { envelopeAttributes } from './schema/envelope';
import { withPropertiesAtPaths } from './schema/editSchema';
import { lastSegment, parentPath } from './schema/paths';
import { isSchemaObject, type SchemaDefs } from './schema/schemaAccess';
import { payloadPaths, schemaAtPath, type PayloadPath } from './schema/schemaPaths';
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
export function inPathOrder<T extends { target: string }>(paths: readonly PayloadPath[], mappings: readonly T[]): T[] {
  const index = new Map(paths.map((p, i) => [p.path, i]));
  const order = (m: T) => index.get(m.target) ?? paths.length;
  return [...mappings].sort((a, b) => order(a) - order(b));
}

/** The path and every path above it, nearest first (`/a/b` → `/a/b`, `/a`). */
function selfAndAncestors(path: string): string[] {
  const out: string[] = [];
  for (let current: string | undefined = path; current !== undefined && current !== ''; current = parentPath(current)) out.push(current);
  return out;
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
export function unmappedPaths(paths: readonly PayloadPath[], mappings: readonly { target: string }[]): PayloadPath[] {
  const targets = new Set(mappings.map((m) => m.target));
  const withMappedPart = new Set(mappings.flatMap((m) => selfAndAncestors(m.target)));
  const listed = new Set<string>();
  const coveredOrListed = (path: string) => selfAndAncestors(path).some((p) => targets.has(p) || listed.has(p));
  return paths.filter((entry) => {
    if (targets.has('') || coveredOrListed(entry.path)) return false;
    const parent = parentPath(entry.path) ?? '';
    if (parent !== '' && !withMappedPart.has(parent)) return false;
    if (withMappedPart.has(entry.path)) return false;
    listed.add(entry.path);
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
  const missing = unmappedPaths(paths, current);
  const inputPaths = new Set(payloadPaths(command.input, defs).map((p) => p.path));
  const input = withPropertiesAtPaths(command.input, missing
    .filter((entry) => !inputPaths.has(entry.path) && schemaAtPath(command.input, entry.path, defs) === undefined)
    .map((entry) => ({ path: entry.path, schema: entry.schema, required: entry.required })));
  const added = missing.map((entry): PayloadMapping => ({ target: entry.path, source: { from: 'input', path: entry.path } }));
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
