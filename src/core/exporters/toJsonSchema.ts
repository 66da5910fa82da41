import { setOwn } from '../model/ownKeys';
import { designDefs, inheritanceChain } from '../model/inheritance';
import type { EventType, FlowDocument } from '../model/types';
import { aggregateIdNote, envelopeProperties, libraryFor, payloadParts, type JsonSchema } from './fieldSchema';

/** The `$schema` of every exported schema. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
/** Where exported `$id`s live unless the caller chooses another base. */
export const DEFAULT_SCHEMA_BASE_URI = 'https://event-flow-designer.dev/schemas/';
/** Name of the envelope's schema (`EventEnvelope.schema.json`, `$defs/EventEnvelope`). */
export const ENVELOPE_SCHEMA_NAME = 'EventEnvelope';

export interface JsonSchemaOptions {
  /** Base URI of the `$id`s; the design's id is appended (default `https://event-flow-designer.dev/schemas/`). */
  baseUri?: string;
}

/** One exported schema file: its file name (also the last segment of its `$id`) and content. */
export interface JsonSchemaFile {
  fileName: string;
  eventTypeId?: string;
  schema: JsonSchema;
}

export interface JsonSchemaExport {
  /** One self-describing schema per event type, plus the envelope they all build on. */
  files: JsonSchemaFile[];
  /** Every schema embedded under `$defs` (each keeps its `$id`); the root accepts any concrete event. */
  bundle: JsonSchema;
}

/**
 * File name (and last `$id` segment) of an event type's schema, e.g. `VideoEvent.v1.schema.json`.
 * Characters that are not safe in a URI or a file name become `_`. Pure.
 */
export function eventSchemaFileName(type: Pick<EventType, 'name' | 'version'>): string {
  return `${type.name.replace(/[^A-Za-z0-9._-]/g, '_') || 'event'}.v${type.version}.schema.json`;
}

function designBaseUri(doc: FlowDocument, options: JsonSchemaOptions): string {
  const base = options.baseUri ?? DEFAULT_SCHEMA_BASE_URI;
  return `${base.endsWith('/') ? base : `${base}/`}${encodeURIComponent(doc.id)}/`;
}

/** Names of the concrete (non-abstract) types that are `type` or derive from it, in document order. */
export function concreteNamesUnder(doc: FlowDocument, type: EventType): string[] {
  const isUnder = (candidate: EventType) => inheritanceChain(doc, candidate.id).some((e) => e.id === type.id);
  return doc.eventTypes.filter((e) => !e.abstract && isUnder(e)).map((e) => e.name);
}

function envelopeSchema(baseUri: string): JsonSchema {
  const { properties, required } = envelopeProperties();
  return {
    $id: `${baseUri}${ENVELOPE_SCHEMA_NAME}.schema.json`,
    title: ENVELOPE_SCHEMA_NAME,
    description: 'Fields every event carries: its id, its type, when it happened and its aggregate.',
    type: 'object',
    properties,
    required,
  };
}

/**
 * The schema of one event type. Its base (or the envelope, for a root type) comes in by
 * `allOf`/`$ref`, so a subtype's instance is also an instance of every base. Only a type that no
 * other type extends is closed, with `unevaluatedProperties: false` (which sees the properties
 * its bases evaluated): closing a base would make its subtypes' own fields fail the base.
 */
function eventTypeSchema(doc: FlowDocument, type: EventType, baseUri: string): JsonSchema {
  const base = type.extends === undefined ? undefined : doc.eventTypes.find((e) => e.id === type.extends);
  const { properties, required, rest } = payloadParts(type.payload);
  const library = libraryFor(type.payload, designDefs(doc));
  const names = concreteNamesUnder(doc, type);
  const eventType: JsonSchema =
    names.length === 1 && names[0] === type.name ? { const: type.name } : names.length > 0 ? { enum: names } : {};
  const isExtended = doc.eventTypes.some((e) => e.extends === type.id);
  const aggregateNote = aggregateIdNote(type);
  const schema: JsonSchema = {
    $id: `${baseUri}${eventSchemaFileName(type)}`,
    title: type.name,
    ...(type.description ? { description: type.description } : {}),
    ...(type.abstract ? { $comment: 'Abstract: a base for other event types, never emitted on its own.' } : {}),
    ...rest,
    type: 'object',
    allOf: [{ $ref: base ? eventSchemaFileName(base) : `${ENVELOPE_SCHEMA_NAME}.schema.json` }, ...(Array.isArray(rest.allOf) ? rest.allOf : [])],
    properties: {
      eventType,
      ...(aggregateNote ? { aggregateId: aggregateNote } : {}),
      ...properties,
    },
    ...(library ? { $defs: { ...(rest.$defs as object | undefined), ...library } } : {}),
  };
  if (required.length > 0) schema.required = required;
  if (!isExtended) schema.unevaluatedProperties = false;
  return schema;
}

/**
 * Exports the event types of a design as JSON Schema draft 2020-12: one schema per event type
 * (with the envelope, formats, `required`, descriptions, examples and enums; inheritance by
 * `allOf` + `$ref` to the base's `$id`), and a bundle that embeds them all under `$defs` and
 * accepts any concrete event of the design. `$id`s are stable: they depend on the design id,
 * the type's name and its version only. Pure; never throws.
 */
export function toJsonSchema(doc: FlowDocument, options: JsonSchemaOptions = {}): JsonSchemaExport {
  const baseUri = designBaseUri(doc, options);
  const envelope = envelopeSchema(baseUri);
  const files: JsonSchemaFile[] = [
    { fileName: `${ENVELOPE_SCHEMA_NAME}.schema.json`, schema: { $schema: JSON_SCHEMA_DIALECT, ...envelope } },
  ];
  const defs: Record<string, JsonSchema> = { [ENVELOPE_SCHEMA_NAME]: envelope };
  for (const type of doc.eventTypes) {
    const schema = eventTypeSchema(doc, type, baseUri);
    files.push({ fileName: eventSchemaFileName(type), eventTypeId: type.id, schema: { $schema: JSON_SCHEMA_DIALECT, ...schema } });
    setOwn(defs, type.name, schema);
  }
  const concrete = doc.eventTypes.filter((e) => !e.abstract);
  const bundle: JsonSchema = {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `${baseUri}events.bundle.schema.json`,
    title: `${doc.name} events`,
    ...(doc.description ? { description: doc.description } : {}),
    ...(concrete.length > 0
      ? { anyOf: concrete.map((e) => ({ $ref: eventSchemaFileName(e) })) }
      : { not: {}, $comment: 'The design has no concrete event type.' }),
    $defs: defs,
  };
  return { files, bundle };
}
