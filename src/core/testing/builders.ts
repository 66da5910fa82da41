import { hasOwn, setOwn } from '../model/ownKeys';
import { childPath } from '../model/schema/paths';
import { objectSchemaOf, type SimpleField } from '../model/schema/simpleTypes';
import {
  CURRENT_SCHEMA_VERSION,
  type Command, type Consumer, type EventType, type FlowDocument, type Handler, type Producer,
  type Projection, type ProjectionColumn,
} from '../model/types';

/** `VideoInputEvent` → `video-input-event`; `author service` → `author-service`. */
export function idFromName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** A required string field unless told otherwise: `makeField('title')`, `makeField('n', { type: 'integer' })`. */
export function makeField(name: string, overrides: Partial<SimpleField> = {}): SimpleField {
  return { name, type: 'string', required: true, ...overrides };
}

const asFields = (fields: readonly (SimpleField | string)[]) => fields.map((field) => (typeof field === 'string' ? makeField(field) : field));

/**
 * An event type; its id defaults to the kebab-case name. Its payload is `payload` if given, else
 * an object schema of `fields` (plain names are required strings). `aggregateIdField: 'orderId'`
 * is short for `aggregateIdPath: '/orderId'`.
 */
export function makeEventType(
  spec: { name: string; fields?: (SimpleField | string)[]; aggregateIdField?: string } & Partial<Omit<EventType, 'kind'>>,
): EventType {
  const { fields = [], aggregateIdField, ...rest } = spec;
  return {
    id: idFromName(spec.name),
    kind: 'event',
    description: '',
    version: 1,
    ...(aggregateIdField === undefined ? {} : { aggregateIdPath: childPath('', aggregateIdField) }),
    payload: objectSchemaOf(asFields(fields)),
    ...rest,
  };
}

/**
 * A command with no inputs, a generated aggregate id and no emissions unless told otherwise; its
 * input is `input` if given, else an object schema of `inputFields`.
 */
export function makeCommand(spec: { name: string; inputFields?: (SimpleField | string)[] } & Partial<Command>): Command {
  const { inputFields = [], ...rest } = spec;
  return {
    id: idFromName(spec.name),
    input: objectSchemaOf(asFields(inputFields)),
    aggregateId: { from: 'generated', generator: 'uuid' },
    rowChanges: [],
    emits: [],
    ...rest,
  };
}

/**
 * A producer with outbox publishing. Shortcut: `emits: ['video-input-event']` gives it one
 * command that emits those event types with no mappings.
 */
export function makeProducer(
  spec: { name: string; emits?: string[] } & Partial<Omit<Producer, 'kind'>>,
): Producer {
  const { emits, ...rest } = spec;
  const id = rest.id ?? idFromName(spec.name);
  const commands = rest.commands ?? (emits
    ? [makeCommand({ name: 'Do', id: `${id}-do`, emits: emits.map((eventTypeId) => ({ eventTypeId, mappings: [] })) })]
    : []);
  return { id, kind: 'producer', description: '', aggregate: 'item', publishMode: 'outbox', ...rest, commands };
}

/** A handler of an event type with no effects and no emissions unless told otherwise. */
export function makeHandler(eventTypeId: string, overrides: Partial<Handler> = {}): Handler {
  return { eventTypeId, effects: [], emits: [], ...overrides };
}

/** A consumer with inbox, retry limit 3 and outbox. Shortcut: `handles: ['x']` adds empty handlers. */
export function makeConsumer(
  spec: { name: string; handles?: string[] } & Partial<Omit<Consumer, 'kind'>>,
): Consumer {
  const { handles, ...rest } = spec;
  return {
    id: idFromName(spec.name),
    kind: 'consumer',
    description: '',
    useInbox: true,
    retryLimit: 3,
    publishMode: 'outbox',
    ...rest,
    handlers: rest.handlers ?? (handles ?? []).map((eventTypeId) => makeHandler(eventTypeId)),
  };
}

/** A projection keyed by `id`; `columns` may be plain names (string columns). The key column is added if missing. */
export function makeProjection(
  spec: { name: string; columns?: (ProjectionColumn | string)[] } & Partial<Omit<Projection, 'kind' | 'columns'>>,
): Projection {
  const { columns = [], ...rest } = spec;
  const key = rest.key ?? 'id';
  const list = columns.map((column): ProjectionColumn => (typeof column === 'string' ? { name: column, type: 'string' } : column));
  if (!list.some((column) => column.name === key)) list.unshift({ name: key, type: 'string' });
  return { id: idFromName(spec.name), kind: 'projection', description: '', ...rest, key, columns: list };
}

/**
 * A flow document from parts. Nodes without a position get one on a grid (300 px apart, one
 * column per kind), so layout-dependent operations can be tested.
 */
export function makeFlow(partial: Partial<Omit<FlowDocument, 'schemaVersion'>> = {}): FlowDocument {
  const doc: FlowDocument = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'flow',
    name: 'Test flow',
    description: '',
    envelope: { kind: 'eventflow' },
    schemaLibrary: [],
    eventTypes: [],
    producers: [],
    consumers: [],
    projections: [],
    ...partial,
    layout: { positions: { ...(partial.layout?.positions ?? {}) }, ...(partial.layout?.viewport ? { viewport: partial.layout.viewport } : {}) },
  };
  const columns = [doc.producers, doc.eventTypes, doc.consumers, doc.projections];
  columns.forEach((nodes, column) => nodes.forEach((node, row) => {
    if (!hasOwn(doc.layout.positions, node.id)) setOwn(doc.layout.positions, node.id, { x: column * 300, y: row * 300 });
  }));
  return doc;
}
