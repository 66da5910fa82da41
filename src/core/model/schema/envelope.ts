/**
 * The envelope events travel in, as a design chooses it (`FlowDocument.envelope`): this tool's
 * envelope, CloudEvents 1.0, or none. One place says which attributes each has, what their
 * schema is, how a payload is wrapped, and how reads of envelope values carry over when the
 * choice changes. Exporters, the simulator and the inspector all ask here. All pure.
 */
import { setOwn } from '../ownKeys';
import type { EnvelopeKind, EnvelopeSettings, JsonSchemaObject, JsonValue } from '../types';
import { childPath } from './paths';
import { isSchemaObject } from './schemaAccess';

export const ENVELOPE_KINDS: readonly EnvelopeKind[] = ['eventflow', 'cloudevents', 'none'];

/** What an attribute carries, whatever it is called in one envelope or another. */
export type EnvelopeRole =
  | 'id' | 'type' | 'time' | 'subject' | 'causation' | 'correlation' | 'source' | 'specversion' | 'datacontenttype';

/** One attribute of an envelope. */
export interface EnvelopeAttribute {
  name: string;
  /** Its path for `{ from: 'envelope', path }` reads, e.g. `/eventId`. */
  path: string;
  role: EnvelopeRole;
  required: boolean;
  description: string;
  schema: JsonSchemaObject;
}

/** Everything the simulator knows about one event besides its payload. */
export interface MessageMeta {
  eventId: string;
  /** The event type's name. */
  eventType: string;
  /** ISO 8601 date-time. */
  occurredAt: string;
  aggregateId: string;
  /** CloudEvents `source` of the emitter (see `cloudEventsSource`). */
  source: string;
  /** The id of the event or command that caused this one. */
  causationId?: string;
  /** The id shared by everything one original command set off. */
  correlationId?: string;
}

const attribute = (name: string, role: EnvelopeRole, required: boolean, description: string, schema: JsonSchemaObject): EnvelopeAttribute =>
  ({ name, path: childPath('', name), role, required, description, schema });

const EVENTFLOW: readonly EnvelopeAttribute[] = [
  // Not `format: uuid`: teams use UUIDs, ULIDs or broker-assigned ids, and the simulator uses short ids (e-12).
  attribute('eventId', 'id', true, 'Unique id of this event; consumers deduplicate on it (a UUID, a ULID or any unique string)', { type: 'string', minLength: 1 }),
  attribute('eventType', 'type', true, 'Name of the event type', { type: 'string' }),
  attribute('occurredAt', 'time', true, 'When the event happened', { type: 'string', format: 'date-time' }),
  attribute('aggregateId', 'subject', true, 'Id of the aggregate the event belongs to', { type: 'string' }),
  attribute('causationId', 'causation', false, 'Id of the command or event that caused this event', { type: 'string' }),
  attribute('correlationId', 'correlation', false, 'Id shared by every event that one original command set off', { type: 'string' }),
];

const CLOUDEVENTS: readonly EnvelopeAttribute[] = [
  attribute('specversion', 'specversion', true, 'The CloudEvents version', { const: '1.0' }),
  attribute('id', 'id', true, 'Unique id of this event within its source', { type: 'string', minLength: 1 }),
  attribute('source', 'source', true, 'The context in which the event happened (a URI-reference)', { type: 'string', minLength: 1, format: 'uri-reference' }),
  attribute('type', 'type', true, 'Name of the event type', { type: 'string', minLength: 1 }),
  attribute('time', 'time', false, 'When the event happened (RFC 3339)', { type: 'string', format: 'date-time' }),
  attribute('subject', 'subject', false, 'The aggregate the event is about', { type: 'string', minLength: 1 }),
  attribute('datacontenttype', 'datacontenttype', false, 'Content type of `data`', { type: 'string', minLength: 1 }),
  attribute('causationid', 'causation', false, 'Extension: id of the command or event that caused this event', { type: 'string' }),
  attribute('correlationid', 'correlation', false, 'Extension: id shared by every event that one original command set off', { type: 'string' }),
];

/** The attributes of an envelope, in the order messages carry them (none for `none`). */
export function envelopeAttributes(settings: EnvelopeSettings): readonly EnvelopeAttribute[] {
  switch (settings.kind) {
    case 'eventflow': return EVENTFLOW;
    case 'cloudevents': return CLOUDEVENTS;
    case 'none': return [];
  }
}

/** A short name of an envelope for lists and messages. */
export function envelopeLabel(kind: EnvelopeKind): string {
  return kind === 'eventflow' ? 'Event Flow envelope' : kind === 'cloudevents' ? 'CloudEvents 1.0' : 'No envelope';
}

/** The CloudEvents `source` of events emitted by `emitterId`: the design's source (default `/<design id>`) and the emitter. */
export function cloudEventsSource(settings: EnvelopeSettings, designId: string, emitterId: string): string {
  const base = settings.source?.trim() || `/${encodeURIComponent(designId)}`;
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(emitterId)}`;
}

function roleValue(role: EnvelopeRole, meta: MessageMeta): JsonValue | undefined {
  switch (role) {
    case 'id': return meta.eventId;
    case 'type': return meta.eventType;
    case 'time': return meta.occurredAt;
    case 'subject': return meta.aggregateId;
    case 'causation': return meta.causationId;
    case 'correlation': return meta.correlationId;
    case 'source': return meta.source;
    case 'specversion': return '1.0';
    case 'datacontenttype': return 'application/json';
  }
}

/** The envelope's attributes of one event as a record (what `{ from: 'envelope' }` reads). */
export function envelopeValues(settings: EnvelopeSettings, meta: MessageMeta): { [name: string]: JsonValue } {
  const values: { [name: string]: JsonValue } = {};
  for (const attr of envelopeAttributes(settings)) {
    const value = roleValue(attr.role, meta);
    if (value !== undefined && !(attr.role === 'subject' && value === '' && !attr.required)) setOwn(values, attr.name, value);
  }
  return values;
}

const isRecordValue = (value: JsonValue): value is { [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The message as it travels: with this tool's envelope, the envelope's attributes beside the
 * payload's properties (the envelope wins a clash; a payload that is not an object goes under
 * `data`); with CloudEvents, the attributes and the payload under `data`; with none, the payload.
 */
export function wrapPayload(settings: EnvelopeSettings, meta: MessageMeta, payload: JsonValue): JsonValue {
  const envelope = envelopeValues(settings, meta);
  switch (settings.kind) {
    case 'none':
      return payload;
    case 'cloudevents':
      return setOwn(envelope, 'data', payload);
    case 'eventflow': {
      if (!isRecordValue(payload)) return setOwn(envelope, 'data', payload);
      const message: { [key: string]: JsonValue } = {};
      for (const key of Object.keys(payload)) setOwn(message, key, payload[key] as JsonValue);
      for (const key of Object.keys(envelope)) setOwn(message, key, envelope[key] as JsonValue);
      return message;
    }
  }
}

/** `$defs` moved from a schema to where the message schema can hold them at its root. */
function splitDefs(schema: JsonSchemaObject): { body: JsonSchemaObject; defs?: unknown } {
  if (!isSchemaObject(schema.$defs)) return { body: schema };
  const { $defs, ...body } = schema;
  return { body, defs: $defs };
}

/** The JSON Schema of the envelope's attributes alone (an object schema; `true` for none). */
export function envelopeOnlySchema(settings: EnvelopeSettings, eventTypeNames?: readonly string[]): JsonSchemaObject {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const attr of envelopeAttributes(settings)) {
    const typed = attr.role === 'type' && eventTypeNames && eventTypeNames.length > 0
      ? { ...attr.schema, ...(eventTypeNames.length === 1 ? { const: eventTypeNames[0] } : { enum: [...eventTypeNames] }) }
      : attr.schema;
    setOwn(properties, attr.name, { ...typed, description: attr.description });
    if (attr.required) required.push(attr.name);
  }
  return settings.kind === 'none' ? {} : { type: 'object', properties, required };
}

/**
 * The JSON Schema of whole messages carrying payloads of `payloadSchema`: the envelope's
 * attributes (with `type` fixed to the given event type names, when given) and the payload where
 * the envelope puts it; the payload schema's `$defs` move to the root so its references still
 * resolve. With no envelope, the payload schema itself. Pure.
 */
export function envelopeSchema(settings: EnvelopeSettings, payloadSchema: JsonSchemaObject, eventTypeNames?: readonly string[]): JsonSchemaObject {
  if (settings.kind === 'none') return payloadSchema;
  const { body, defs } = splitDefs(payloadSchema);
  const envelope = envelopeOnlySchema(settings, eventTypeNames);
  const withDefs = (schema: JsonSchemaObject): JsonSchemaObject => (defs === undefined ? schema : { ...schema, $defs: defs });
  if (settings.kind === 'eventflow') return withDefs({ allOf: [envelope, body] });
  const properties = { ...(envelope.properties as Record<string, unknown>) };
  setOwn(properties, 'data', body);
  return withDefs({ ...envelope, properties, required: [...(envelope.required as string[]), 'data'] });
}

/**
 * The envelope path that carries the same thing in another envelope (`/eventId` → `/id` from this
 * tool's envelope to CloudEvents); undefined when the other envelope has no such attribute.
 */
export function carryEnvelopePath(path: string, from: EnvelopeSettings, to: EnvelopeSettings): string | undefined {
  const attr = envelopeAttributes(from).find((a) => a.path === path || path.startsWith(`${a.path}/`));
  if (!attr) return undefined;
  const target = envelopeAttributes(to).find((a) => a.role === attr.role);
  return target ? `${target.path}${path.slice(attr.path.length)}` : undefined;
}
