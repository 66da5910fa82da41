/**
 * The one source of every exported event schema: the JSON Schema export and the AsyncAPI export
 * both take their payload and message schemas from `planEventSchemas`, so they cannot disagree
 * (closed or open leaves included). Pure.
 */
import { envelopeSchema } from '../../model/schema/envelope';
import type { EventType, FlowDocument, JsonSchema, JsonSchemaObject } from '../../model/types';
import { libraryRef } from '../../model/schema/schemaAccess';
import { rewriteRefs } from './schemaRefs';

/** A reference to a named schema of the plan (library entries and payloads share one namespace). */
export const defRef = (name: string): JsonSchemaObject => ({ $ref: libraryRef(name) });

export interface PlannedEventType {
  type: EventType;
  /** Name of its payload schema among the plan's definitions (`<Name>Payload`). */
  payloadName: string;
  /** The names of the concrete types this type's messages can be (itself and its concrete subtypes). */
  concreteNames: string[];
  /** The whole message: envelope and payload (the base's payload by `allOf`), closed when it is a leaf the tool made. */
  message: JsonSchemaObject;
}

export interface EventSchemaPlan {
  /** Every named schema: the design's library, then one payload schema per event type. References are `#/$defs/<name>`. */
  definitions: Map<string, JsonSchema>;
  /** Library entry name → its definition name (names unsafe in a URI or an AsyncAPI key are changed). */
  libraryNames: Map<string, string>;
  types: PlannedEventType[];
  byId: Map<string, PlannedEventType>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords at a payload's root that make its set of property names unknowable without evaluating it. */
const OPEN_ENDED = ['$ref', 'allOf', 'anyOf', 'oneOf', 'if', 'patternProperties', 'additionalProperties', 'unevaluatedProperties', 'dependentSchemas', 'not'];

/** The property names a payload can have, when its schema lists them plainly; undefined otherwise. */
function listedNames(payload: JsonSchemaObject): string[] | undefined {
  if (OPEN_ENDED.some((k) => payload[k] !== undefined)) return undefined;
  if (payload.type !== undefined && payload.type !== 'object') return undefined;
  return isPlainObject(payload.properties) ? Object.keys(payload.properties) : [];
}

/** Every type in `type`'s inheritance chain, itself first; stops at a cycle or a missing base. */
export function inheritanceChain(byId: ReadonlyMap<string, EventType>, type: EventType): EventType[] {
  const chain: EventType[] = [];
  const seen = new Set<string>();
  for (let current: EventType | undefined = type; current && !seen.has(current.id); current = current.extends === undefined ? undefined : byId.get(current.extends)) {
    seen.add(current.id);
    chain.push(current);
  }
  return chain;
}

function uniqueName(wanted: string, taken: Set<string>): string {
  // `__proto__` is a fine name in the design, but some YAML readers turn such a key into a prototype.
  const clean = (wanted.replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema').replace(/^__proto__$/, '_proto_');
  let name = clean;
  for (let n = 2; taken.has(name); n++) name = `${clean}_${n}`;
  taken.add(name);
  return name;
}

/**
 * Plans the schemas of a design's event types. A type's payload schema is its own payload,
 * with its base's payload schema in `allOf` when it extends one. Its message schema wraps the
 * payload in the design's envelope (`envelopeSchema`), with the envelope's `type` fixed to the
 * concrete type names. A leaf the tool made (no other type extends it, it was not imported from
 * AsyncAPI) is closed: its message schema lists every name the envelope, its bases and its own
 * payload allow and refuses others (`additionalProperties: false`, which JSON Schema draft-07
 * and 2020-12 read alike, so AsyncAPI and JSON Schema exports agree). Linear in the design. Pure.
 */
export function planEventSchemas(doc: FlowDocument): EventSchemaPlan {
  const definitions = new Map<string, JsonSchema>();
  const taken = new Set<string>();
  const libraryNames = new Map<string, string>();
  for (const entry of doc.schemaLibrary) if (!libraryNames.has(entry.name)) libraryNames.set(entry.name, uniqueName(entry.name, taken));
  const renamed = [...libraryNames].some(([a, b]) => a !== b);
  /** A schema of the design with its library references under their definition names. */
  const own = <T>(schema: T): T => (renamed ? rewriteRefs(schema, '#/$defs/', (n) => libraryNames.get(n) ?? n) as T : structuredClone(schema));
  for (const entry of doc.schemaLibrary) definitions.set(libraryNames.get(entry.name)!, own(entry.schema));
  const byId = new Map(doc.eventTypes.map((t) => [t.id, t]));
  const extended = new Set(doc.eventTypes.map((t) => t.extends).filter((id): id is string => id !== undefined));
  const payloadNames = new Map<string, string>();
  for (const type of doc.eventTypes) payloadNames.set(type.id, uniqueName(`${type.name}Payload`, taken));
  const concrete = new Map<string, string[]>();
  for (const type of doc.eventTypes) {
    if (type.abstract) continue;
    for (const member of inheritanceChain(byId, type)) {
      const names = concrete.get(member.id) ?? [];
      names.push(type.name);
      concrete.set(member.id, names);
    }
  }
  const types: PlannedEventType[] = [];
  const planned = new Map<string, PlannedEventType>();
  for (const type of doc.eventTypes) {
    const payloadName = payloadNames.get(type.id)!;
    const base = type.extends === undefined ? undefined : byId.get(type.extends);
    const payload: JsonSchemaObject = base ? { allOf: [defRef(payloadNames.get(base.id)!), own(type.payload)] } : own(type.payload);
    definitions.set(payloadName, payload);
    const concreteNames = concrete.get(type.id) ?? [];
    let message = envelopeSchema(doc.envelope, defRef(payloadName), concreteNames);
    if (!extended.has(type.id) && type.message === undefined) message = closeMessage(doc, byId, type, message);
    const entry: PlannedEventType = { type, payloadName, concreteNames, message };
    types.push(entry);
    planned.set(type.id, entry);
  }
  return { definitions, libraryNames, types, byId: planned };
}

/** Adds the listed names and `additionalProperties: false` where the payload's properties sit. */
function closeMessage(doc: FlowDocument, byId: ReadonlyMap<string, EventType>, type: EventType, message: JsonSchemaObject): JsonSchemaObject {
  const names: string[] = [];
  for (const member of inheritanceChain(byId, type)) {
    const listed = listedNames(member.payload);
    if (listed === undefined) return message;
    names.push(...listed);
  }
  const close = (raw: JsonSchemaObject, extra: string[]): JsonSchemaObject => {
    // Draft-07 ignores every keyword beside a `$ref`: move the reference into `allOf` so the closing words count in AsyncAPI too.
    const { $ref, ...rest } = raw;
    const schema: JsonSchemaObject = $ref === undefined ? raw : { allOf: [{ $ref }, ...(Array.isArray(rest.allOf) ? rest.allOf : [])], ...withoutKey(rest, 'allOf') };
    const properties: Record<string, unknown> = isPlainObject(schema.properties) ? { ...schema.properties } : {};
    for (const name of [...extra, ...names]) {
      if (!Object.hasOwn(properties, name)) Object.defineProperty(properties, name, { value: true, enumerable: true, writable: true, configurable: true });
    }
    return { type: 'object', ...schema, properties, additionalProperties: false };
  };
  switch (doc.envelope.kind) {
    case 'none':
      return close(message, []);
    case 'eventflow': {
      const envelope = (Array.isArray(message.allOf) ? message.allOf[0] : undefined) as JsonSchemaObject | undefined;
      const envelopeNames = envelope && isPlainObject(envelope.properties) ? Object.keys(envelope.properties) : [];
      return close(message, envelopeNames);
    }
    case 'cloudevents': {
      const properties = isPlainObject(message.properties) ? { ...message.properties } : {};
      const data = properties.data;
      if (!isPlainObject(data)) return message;
      Object.defineProperty(properties, 'data', { value: close(data as JsonSchemaObject, []), enumerable: true, writable: true, configurable: true });
      return { ...message, properties };
    }
  }
}

function withoutKey(schema: JsonSchemaObject, key: string): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  for (const [k, v] of Object.entries(schema)) if (k !== key) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
