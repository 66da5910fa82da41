import { getOwn, setOwn } from '../ownKeys';
import { childPath } from '../schema/paths';
import { FIELD_TYPES, schemaForType, type FieldType } from '../schema/simpleTypes';
import type { JsonObject } from './migrations';

/*
 * Format 1 → 2: payloads become JSON Schema and values are addressed by path.
 * - An event type's `fields` (name, type, required, description, example, enumValues, itemType)
 *   become its `payload`, an object schema with `properties` in field order and `required`; a
 *   command's `inputFields` become its `input` the same way. A field named twice keeps the last
 *   definition (as format 1 did); the earlier ones are kept under `x-eventflow-duplicate-fields`.
 * - `aggregateIdField: 'videoId'` becomes `aggregateIdPath: '/videoId'`.
 * - Value sources `{ from: 'input' | 'event', field }` become `{ …, path: '/field' }`; the four
 *   envelope names format 1 let handlers read (eventId, eventType, occurredAt, aggregateId)
 *   become `{ from: 'envelope', path }`, as format 1 gave the envelope precedence.
 * - Emission mapping targets become paths; row and projection columns stay names.
 * - The design gets this tool's envelope and an empty schema library.
 * Anything malformed is left where it is for the structure check to report.
 */

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const FORMAT1_ENVELOPE = ['eventId', 'eventType', 'occurredAt', 'aggregateId'];

const isWellFormedField = (field: unknown): field is JsonObject =>
  isObject(field) && typeof field.name === 'string' && typeof field.required === 'boolean';

/** The property schema of one format-1 field. */
function propertySchema(field: JsonObject): JsonObject {
  const { type, enumValues, itemType } = field;
  const known = (t: unknown): t is FieldType => typeof t === 'string' && (FIELD_TYPES as readonly string[]).includes(t);
  let schema: JsonObject;
  if (!known(type)) schema = { type };
  else if (type === 'enum') schema = { type: 'string', enum: enumValues ?? [] };
  else if (type === 'array') schema = { type: 'array', items: itemType === undefined ? { type: 'string' } : known(itemType) ? schemaForType(itemType) : { type: itemType } };
  else schema = schemaForType(type);
  if (field.description !== undefined) schema.description = field.description;
  if (field.example !== undefined) schema.examples = [type === 'array' ? [field.example] : field.example];
  return schema;
}

/** A format-1 field list as an object schema; undefined when a field is too broken to convert. */
export function fieldsToObjectSchema(fields: unknown): JsonObject | undefined {
  if (!Array.isArray(fields) || !fields.every(isWellFormedField)) return undefined;
  const properties: JsonObject = {};
  const required: string[] = [];
  const duplicates: JsonObject[] = [];
  const seen = new Map<string, JsonObject>();
  for (const field of fields) {
    const name = field.name as string;
    const earlier = seen.get(name);
    if (earlier) duplicates.push(earlier);
    seen.set(name, field);
    setOwn<unknown>(properties, name, propertySchema(field));
  }
  for (const [name, field] of seen) if (field.required === true) required.push(name);
  const schema: JsonObject = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  if (duplicates.length > 0) schema['x-eventflow-duplicate-fields'] = duplicates;
  return schema;
}

/** Replaces `fields` with `payload` (or `inputFields` with `input`) when the list converts. */
function withSchemaFor(node: JsonObject, listKey: string, schemaKey: string): JsonObject {
  if (!Object.hasOwn(node, listKey)) return node;
  const schema = fieldsToObjectSchema(getOwn(node, listKey));
  if (!schema) return node;
  const { [listKey]: _list, ...rest } = node;
  return { ...rest, [schemaKey]: schema };
}

const asPath = (name: unknown) => (typeof name === 'string' ? childPath('', name) : name);

function migrateSource(source: unknown): unknown {
  if (!isObject(source) || typeof source.field !== 'string') return source;
  const { field, ...rest } = source;
  if (source.from === 'event' && FORMAT1_ENVELOPE.includes(field)) return { ...rest, from: 'envelope', path: childPath('', field) };
  if (source.from === 'input' || source.from === 'event') return { ...rest, path: childPath('', field) };
  return source;
}

const mapList = (list: unknown, change: (item: JsonObject) => JsonObject): unknown =>
  (Array.isArray(list) ? list.map((item) => (isObject(item) ? change(item) : item)) : list);

const migrateAssignment = (assignment: JsonObject): JsonObject => ({ ...assignment, source: migrateSource(assignment.source) });

const migrateEmission = (emission: JsonObject): JsonObject => ({
  ...emission,
  mappings: mapList(emission.mappings, (m) => ({ ...m, target: asPath(m.target), source: migrateSource(m.source) })),
});

function migrateEffect(effect: JsonObject): JsonObject {
  const next: JsonObject = { ...effect, key: migrateSource(effect.key) };
  if ('set' in effect) next.set = mapList(effect.set, migrateAssignment);
  if ('value' in effect) next.value = migrateSource(effect.value);
  return next;
}

function migrateEventType(event: JsonObject): JsonObject {
  const { aggregateIdField, ...rest } = withSchemaFor(event, 'fields', 'payload');
  return aggregateIdField === undefined ? rest : { ...rest, aggregateIdPath: asPath(aggregateIdField) };
}

function migrateCommand(command: JsonObject): JsonObject {
  return {
    ...withSchemaFor(command, 'inputFields', 'input'),
    aggregateId: migrateSource(command.aggregateId),
    rowChanges: mapList(command.rowChanges, migrateAssignment),
    emits: mapList(command.emits, migrateEmission),
  };
}

const migrateProducer = (producer: JsonObject): JsonObject => ({ ...producer, commands: mapList(producer.commands, migrateCommand) });

const migrateConsumer = (consumer: JsonObject): JsonObject => ({
  ...consumer,
  handlers: mapList(consumer.handlers, (handler) => ({
    ...handler,
    effects: mapList(handler.effects, migrateEffect),
    emits: mapList(handler.emits, migrateEmission),
  })),
});

/** Format 1 → 2. Pure; never throws. */
export function migrate1to2(doc: JsonObject): JsonObject {
  const { schemaVersion, id, name, description, ...rest } = doc;
  return {
    schemaVersion, id, name, description,
    envelope: doc.envelope ?? { kind: 'eventflow' },
    schemaLibrary: doc.schemaLibrary ?? [],
    ...rest,
    eventTypes: mapList(doc.eventTypes, migrateEventType),
    producers: mapList(doc.producers, migrateProducer),
    consumers: mapList(doc.consumers, migrateConsumer),
  };
}
