import { libraryRef } from '../../model/schema/schemaAccess';
import { isRecord } from '../jsonPointer';
import { derefDeep } from './derefDeep';
import { child, locationKey, type DocumentSet, type Location } from './documentSet';
import type { JsonObject, NormalizedMessage, NormalizedService, PlacedSchema } from './normalized';
import { SchemaReader, type Schema } from './schemaReader';
import type { AsyncApiTools } from './tools';

/** A note for the user about something the import kept but could not fully read, with its place. */
export interface ImportWarning {
  file: string;
  pointer: string;
  line?: number;
  message: string;
}

/** A message of the set, read: what becomes one event type. */
export interface ImportedMessage {
  /** Where it is defined (its identity across services). */
  at: Location;
  key: string;
  /** The event type's name (unique in the design). */
  name: string;
  fields: JsonObject;
  /** The payload as JSON Schema 2020-12 (an object schema; `$ref`s into `library`). */
  payload: JsonObject;
  /** A payload in another format (or behind a remote reference), kept as written. */
  payloadSource?: { schemaFormat?: string; schema: unknown; readAs: JsonObject };
  headers?: Schema;
}

/** Formats read as JSON Schema: none (AsyncAPI schema), AsyncAPI's own, and JSON Schema in JSON or YAML. */
const JSON_SCHEMA_FORMAT = /^application\/(vnd\.aai\.asyncapi(\+json|\+yaml)?|schema\+json|schema\+yaml|schema)(;|$)/i;
const AVRO_FORMAT = /^application\/vnd\.apache\.avro(\+json|\+yaml)?(;|$)/i;

/** `true`/`false` are schemas too; an event payload is stored as an object schema. */
const asObjectSchema = (schema: Schema): JsonObject => (schema === true ? {} : schema === false ? { not: {} } : schema);

/** The messages of every service, once each (by where they are defined), in the order first met. */
export function distinctMessages(services: readonly NormalizedService[]): NormalizedMessage[] {
  const seen = new Map<string, NormalizedMessage>();
  for (const service of services) {
    const all = [
      ...service.operations.flatMap((op) => op.messages),
      ...service.channels.flatMap((c) => c.messages.map((m) => m.message)),
      ...service.componentMessages,
    ];
    for (const message of all) if (!seen.has(locationKey(message.at))) seen.set(locationKey(message.at), message);
  }
  return [...seen.values()];
}

/**
 * Reads the payload and headers of every message into JSON Schema 2020-12 with one shared
 * library: JSON Schema and AsyncAPI schemas directly, Avro through the AsyncAPI Avro schema
 * parser; any other format, and a payload behind a remote reference, is kept as written with a
 * warning (its event accepts any payload) — never a refusal of the whole document. Throws
 * `SetImportError` for references to nothing and inheritance cycles.
 */
export async function readMessagePayloads(
  set: DocumentSet,
  messages: readonly NormalizedMessage[],
  tools: Pick<AsyncApiTools, 'avroToJsonSchema'>,
  warn: (warning: ImportWarning) => void,
): Promise<{ payloads: Map<string, Omit<ImportedMessage, 'name'>>; library: Map<string, Schema> }> {
  const place = (at: Location) => ({ file: at.file, pointer: at.pointer, ...(set.lineOf(at) === undefined ? {} : { line: set.lineOf(at) }) });
  const reader = new SchemaReader(set, {
    refTo: (name) => ({ $ref: libraryRef(name) }),
    onRemote: (url, at) => warn({ ...place(at), message: `The reference ${url} is kept as written but not fetched (the import never reads the network), so this part of the schema accepts any value` }),
  });
  const payloads = new Map<string, Omit<ImportedMessage, 'name'>>();
  for (const message of messages) {
    const label = String(message.meta.name ?? message.key);
    const imported: Omit<ImportedMessage, 'name'> = { at: message.at, key: message.key, fields: message.meta, payload: {} };
    if (message.payload) Object.assign(imported, await readPayload(set, reader, message.payload, label, tools, place, warn));
    if (message.headers) {
      if (message.headers.schemaFormat !== undefined && !JSON_SCHEMA_FORMAT.test(message.headers.schemaFormat)) {
        warn({ ...place(message.headers.at), message: `The headers of message "${label}" are in format ${message.headers.schemaFormat}; they are dropped, only JSON Schema headers are read` });
      } else {
        imported.headers = reader.read(message.headers.schema, message.headers.at);
      }
    }
    payloads.set(locationKey(message.at), imported);
  }
  reader.checkCycles();
  return { payloads, library: reader.library };
}

async function readPayload(
  set: DocumentSet,
  reader: SchemaReader,
  payload: PlacedSchema,
  label: string,
  tools: Pick<AsyncApiTools, 'avroToJsonSchema'>,
  place: (at: Location) => Omit<ImportWarning, 'message'>,
  warn: (warning: ImportWarning) => void,
): Promise<Pick<ImportedMessage, 'payload' | 'payloadSource'>> {
  const format = payload.schemaFormat;
  const followed = set.follow(payload.schema, payload.at);
  const kept = (why: string) => {
    warn({ ...place(payload.at), message: `The payload of message "${label}" ${why}; it is kept as written and exported again, but the design cannot check or generate it (any value is accepted)` });
    const schema = followed.remote !== undefined ? { $ref: followed.remote } : derefDeep(set, payload.schema, payload.at);
    return { payload: {}, payloadSource: { ...(format === undefined ? {} : { schemaFormat: format }), schema, readAs: {} } };
  };
  if (followed.remote !== undefined) return kept(`is the remote reference ${followed.remote}, which is never fetched`);
  if (format === undefined || JSON_SCHEMA_FORMAT.test(format)) return { payload: asObjectSchema(reader.read(payload.schema, payload.at)) };
  if (!AVRO_FORMAT.test(format)) return kept(`is in format ${format}, which the design does not read`);
  const avro = derefDeep(set, followed.value, followed.at);
  const converted = await tools.avroToJsonSchema(avro);
  if (!converted.ok) return kept(`is an Avro schema that the Avro schema parser refuses (${converted.message})`);
  const readAs = asObjectSchema(reader.read(converted.schema, child(followed.at, '(avro)')));
  if (isRecord(readAs)) delete readAs['x-parser-schema-id'];
  return { payload: readAs, payloadSource: { schemaFormat: format, schema: avro, readAs: structuredClone(readAs) } };
}
