import { checkSchema } from '../schema/checkSchema';
import { ENVELOPE_KINDS } from '../schema/envelope';
import { isValidPath } from '../schema/paths';
import { FIELD_TYPES } from '../schema/simpleTypes';
import { asyncApiContractShape, evolutionShape, historyShape, messageContractShape } from './contractShape';
import { scenarioShape } from './scenarioShape';
import {
  bool, exactly, finiteNumber, integer, listOf, literal, oneOf, recordOf, shape, tagged, text, type Check,
} from './ShapeChecker';

/** The structure of format 2, mirroring docs/flow-document.schema.json property by property. */

/** A JSON Pointer (RFC 6901): empty, or `/`-separated keys with `~0` and `~1` as the only escapes. */
const path: Check = (c, v, p) => {
  if (typeof v !== 'string' || !isValidPath(v)) c.fail(p, "a JSON pointer ('' or /name/…, with ~0 for ~ and ~1 for /)", v);
};

/** Any JSON value (a literal of a mapping, an example). */
const anyJson: Check = () => undefined;

/** A well-formed JSON Schema 2020-12 object schema (a payload, an input). */
const objectSchema: Check = (c, v, p) => {
  if (c.object(v, p) === undefined) return;
  for (const issue of checkSchema(v, p)) c.errors.push(issue);
};

/** A well-formed JSON Schema 2020-12 schema: an object or true / false. */
const anySchema: Check = (c, v, p) => {
  for (const issue of checkSchema(v, p)) c.errors.push(issue);
};

const valueSource = tagged('from', {
  input: { path },
  event: { path },
  envelope: { path },
  before: { column: text },
  literal: { value: anyJson },
  generated: { generator: oneOf(['uuid', 'now']) },
}, 'value source');

const assignment = shape({ target: text, source: valueSource });
const mapping = shape({ target: path, source: valueSource });
const emission = shape({ eventTypeId: text, mappings: listOf(mapping) });
const publishMode = oneOf(['outbox', 'dual-write']);

const effect = tagged('kind', {
  upsert: { projectionId: text, key: valueSource, set: listOf(assignment) },
  increment: { projectionId: text, key: valueSource, column: text, by: finiteNumber },
  append: { projectionId: text, key: valueSource, column: text, value: valueSource },
  delete: { projectionId: text, key: valueSource },
}, 'effect kind');

/**
 * A format-1 field list the migration could not convert (a field without a name, say): checked
 * with format 1's rules, so the error says which field is broken.
 */
const format1Fields = listOf(shape({
  name: text, type: oneOf(FIELD_TYPES), required: bool, 'description?': text, 'example?': literal,
  'enumValues?': listOf(text),
  'itemType?': oneOf(FIELD_TYPES.filter((t) => t !== 'array' && t !== 'object' && t !== 'enum')),
}));

const eventTypeProps = {
  id: text, kind: exactly('event'), name: text, description: text, version: integer,
  'extends?': text, 'aggregateIdPath?': path, 'abstract?': bool, 'fields?': format1Fields, payload: objectSchema,
  'message?': messageContractShape, 'history?': historyShape,
};

const command = shape({
  id: text, name: text, 'description?': text, 'inputFields?': format1Fields, input: objectSchema, aggregateId: valueSource,
  rowChanges: listOf(assignment), emits: listOf(emission), 'idempotencyKey?': bool,
});

const producerProps = {
  id: text, kind: exactly('producer'), name: text, description: text, aggregate: text, publishMode,
  commands: listOf(command),
};

const deliveryMode = tagged('kind', {
  partitioned: { partitions: integer, 'key?': path },
  competing: {},
}, 'delivery mode');

const concurrency = oneOf(['none', 'optimistic', 'lock', 'single-writer']);

const handler = shape({
  eventTypeId: text, effects: listOf(effect), emits: listOf(emission), 'externalEffects?': listOf(shape({ name: text })),
  'delivery?': deliveryMode,
});

const consumerProps = {
  id: text, kind: exactly('consumer'), name: text, description: text, useInbox: bool, retryLimit: integer,
  publishMode, 'emittedIds?': oneOf(['derived', 'fresh']), handlers: listOf(handler),
  'instances?': integer, 'prefetch?': integer, 'concurrency?': concurrency, 'lockLeaseSteps?': integer,
};

const projectionProps = {
  id: text, kind: exactly('projection'), name: text, description: text, key: text,
  columns: listOf(shape({ name: text, type: oneOf(['string', 'number', 'boolean', 'date-time', 'list']) })),
  'concurrency?': concurrency, 'cache?': shape({ 'leases?': bool }),
};

/** Any node, its kind picking the shape (used for pasted nodes). */
export const flowNodeShape: Check = tagged('kind', {
  event: eventTypeProps, producer: producerProps, consumer: consumerProps, projection: projectionProps,
}, 'node kind');

const position = shape({ x: finiteNumber, y: finiteNumber });

const layout = shape({
  positions: recordOf(position),
  'viewport?': shape({ x: finiteNumber, y: finiteNumber, zoom: finiteNumber }),
});

const envelope = shape({ kind: oneOf(ENVELOPE_KINDS), 'source?': text });

const schemaDefinition = shape({ name: text, schema: anySchema });

/** The whole document of the current format (schemaVersion is checked by the migrations). */
export const flowDocumentShape: Check = shape({
  id: text, name: text, description: text, envelope, schemaLibrary: listOf(schemaDefinition),
  eventTypes: listOf(shape(eventTypeProps)), producers: listOf(shape(producerProps)),
  consumers: listOf(shape(consumerProps)), projections: listOf(shape(projectionProps)), layout,
  'scenarios?': listOf(scenarioShape), 'asyncapi?': asyncApiContractShape, 'evolution?': evolutionShape,
});
