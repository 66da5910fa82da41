import { envelopeOnlySchema } from '../model/schema/envelope';
import type { EventType, FlowDocument, JsonSchemaObject } from '../model/types';
import { defRef, planEventSchemas } from './contracts/eventSchemas';
import { definitionClosure } from './contracts/schemaRefs';

/** The `$schema` of every exported schema. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
/** Where exported `$id`s live unless the caller chooses another base. */
export const DEFAULT_SCHEMA_BASE_URI = 'https://event-flow-designer.dev/schemas/';
/** Name of the envelope's schema (`EventEnvelope.schema.json`). */
export const ENVELOPE_SCHEMA_NAME = 'EventEnvelope';

/** A loose JSON Schema object, as exports write it. */
export type JsonSchema = { [keyword: string]: unknown };

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
  /** One self-contained schema per event type (its library definitions under `$defs`), plus the envelope. */
  files: JsonSchemaFile[];
  /** Every message schema and definition under `$defs`; the root accepts any concrete event of the design. */
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

const recordOf = (entries: Iterable<readonly [string, unknown]>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
};

/**
 * Exports the event types of a design as JSON Schema draft 2020-12: one self-contained schema
 * per event type — the whole message in the design's envelope, its payload and its bases'
 * payloads (`allOf`), the library schemas it uses under `$defs` — and a bundle that holds every
 * message schema and accepts any concrete event. The schemas come from `planEventSchemas`, the
 * same source as the AsyncAPI export. `$id`s depend on the design id, the type's name and its
 * version only. Linear in the design. Pure; never throws.
 */
export function toJsonSchema(doc: FlowDocument, options: JsonSchemaOptions = {}): JsonSchemaExport {
  const baseUri = designBaseUri(doc, options);
  const plan = planEventSchemas(doc);
  const files: JsonSchemaFile[] = [];
  if (doc.envelope.kind !== 'none') {
    files.push({
      fileName: `${ENVELOPE_SCHEMA_NAME}.schema.json`,
      schema: {
        $schema: JSON_SCHEMA_DIALECT, $id: `${baseUri}${ENVELOPE_SCHEMA_NAME}.schema.json`, title: ENVELOPE_SCHEMA_NAME,
        description: 'The attributes every event of the design carries.', ...envelopeOnlySchema(doc.envelope),
      },
    });
  }
  const messageNames = new Map<string, string>();
  const taken = new Set(plan.definitions.keys());
  for (const { type } of plan.types) {
    let name = type.name.replace(/[^A-Za-z0-9._-]/g, '_') || 'Event';
    for (let n = 2; taken.has(name); n++) name = `${type.name}_${n}`;
    taken.add(name);
    messageNames.set(type.id, name);
  }
  const describe = (type: EventType): JsonSchemaObject => ({
    title: type.name,
    ...(type.description ? { description: type.description } : {}),
    ...(type.abstract ? { $comment: 'Abstract: a base for other event types, never emitted on its own.' } : {}),
  });
  for (const { type, message } of plan.types) {
    const needed = definitionClosure([message], plan.definitions);
    files.push({
      fileName: eventSchemaFileName(type),
      eventTypeId: type.id,
      schema: {
        $schema: JSON_SCHEMA_DIALECT,
        $id: `${baseUri}${eventSchemaFileName(type)}`,
        ...describe(type),
        ...message,
        ...(needed.length > 0 ? { $defs: recordOf(needed.map((n) => [n, plan.definitions.get(n)])) } : {}),
      },
    });
  }
  const concrete = plan.types.filter((t) => !t.type.abstract);
  const bundle: JsonSchema = {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `${baseUri}events.bundle.schema.json`,
    title: `${doc.name} events`,
    ...(doc.description ? { description: doc.description } : {}),
    ...(concrete.length > 0
      ? { anyOf: concrete.map((t) => defRef(messageNames.get(t.type.id)!)) }
      : { not: {}, $comment: 'The design has no concrete event type.' }),
    $defs: recordOf([
      ...plan.definitions,
      ...plan.types.map((t) => [messageNames.get(t.type.id)!, { ...describe(t.type), ...t.message }] as const),
    ]),
  };
  return { files, bundle };
}
