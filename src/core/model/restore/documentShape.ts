import { FIELD_TYPES } from '../types';
import {
  bool, exactly, finiteNumber, integer, listOf, literal, oneOf, recordOf, shape, tagged, text, type Check,
} from './ShapeChecker';

/** The structure of format 1, mirroring docs/flow-document.schema.json property by property. */

const field = shape({
  name: text, type: oneOf(FIELD_TYPES), required: bool, 'description?': text, 'example?': literal,
  'enumValues?': listOf(text),
  'itemType?': oneOf(FIELD_TYPES.filter((t) => t !== 'array' && t !== 'object' && t !== 'enum')),
});

const valueSource = tagged('from', {
  input: { field: text },
  event: { field: text },
  before: { column: text },
  literal: { value: literal },
  generated: { generator: oneOf(['uuid', 'now']) },
}, 'value source');

const assignment = shape({ target: text, source: valueSource });
const emission = shape({ eventTypeId: text, mappings: listOf(assignment) });
const publishMode = oneOf(['outbox', 'dual-write']);

const effect = tagged('kind', {
  upsert: { projectionId: text, key: valueSource, set: listOf(assignment) },
  increment: { projectionId: text, key: valueSource, column: text, by: finiteNumber },
  append: { projectionId: text, key: valueSource, column: text, value: valueSource },
  delete: { projectionId: text, key: valueSource },
}, 'effect kind');

const eventTypeProps = {
  id: text, kind: exactly('event'), name: text, description: text, version: integer,
  'extends?': text, 'aggregateIdField?': text, 'abstract?': bool, fields: listOf(field),
};

const command = shape({
  id: text, name: text, 'description?': text, inputFields: listOf(field), aggregateId: valueSource,
  rowChanges: listOf(assignment), emits: listOf(emission), 'idempotencyKey?': bool,
});

const producerProps = {
  id: text, kind: exactly('producer'), name: text, description: text, aggregate: text, publishMode,
  commands: listOf(command),
};

const handler = shape({
  eventTypeId: text, effects: listOf(effect), emits: listOf(emission), 'externalEffects?': listOf(shape({ name: text })),
});

const consumerProps = {
  id: text, kind: exactly('consumer'), name: text, description: text, useInbox: bool, retryLimit: integer,
  publishMode, 'emittedIds?': oneOf(['derived', 'fresh']), handlers: listOf(handler),
};

const projectionProps = {
  id: text, kind: exactly('projection'), name: text, description: text, key: text,
  columns: listOf(shape({ name: text, type: oneOf(['string', 'number', 'boolean', 'date-time', 'list']) })),
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

/** The whole document of the current format (schemaVersion is checked by the migrations). */
export const flowDocumentShape: Check = shape({
  id: text, name: text, description: text,
  eventTypes: listOf(shape(eventTypeProps)), producers: listOf(shape(producerProps)),
  consumers: listOf(shape(consumerProps)), projections: listOf(shape(projectionProps)), layout,
});
