import type { Location } from './documentSet';

/** A JSON object as read from a document (plain data, references resolved or kept remote). */
export type JsonObject = Record<string, unknown>;

/** A schema as written, where it is, and its format (JSON Schema / AsyncAPI when absent). */
export interface PlacedSchema {
  schema: unknown;
  at: Location;
  schemaFormat?: string;
}

/**
 * A message of a service, in AsyncAPI 3 shape whatever the source version: traits applied,
 * 2.x `schemaFormat` moved into a multi-format payload. Its identity is where it was defined
 * (`at`): every reference to the same place is the same message, across services too.
 */
export interface NormalizedMessage {
  at: Location;
  /** Its key where it was defined (`components.messages.<key>`, a channel's message key, a 2.x `messageId`). */
  key: string;
  /** Name, title, summary, description, contentType, correlationId, examples, bindings, tags, externalDocs, `x-*`. */
  meta: JsonObject;
  /** The payload schema and where it is (its references resolve from there); `schemaFormat` when one was given. */
  payload?: PlacedSchema;
  headers?: PlacedSchema;
}

export interface NormalizedChannel {
  key: string;
  at: Location;
  /** `null`: an address unknown at design time (AsyncAPI 3); absent: none given. */
  address?: string | null;
  messages: { key: string; message: NormalizedMessage }[];
  /** Title, summary, description, parameters, bindings, servers (as names), tags, externalDocs, `x-*`. */
  meta: JsonObject;
}

export interface NormalizedOperation {
  key: string;
  at: Location;
  /** From the service's point of view: `send` it publishes, `receive` it consumes (2.x `subscribe` = send). */
  action: 'send' | 'receive';
  channel: NormalizedChannel;
  messages: NormalizedMessage[];
  /** Title, summary, description, bindings, tags, externalDocs, security, reply, `x-*` (traits applied). */
  meta: JsonObject;
}

/** One AsyncAPI document of the set: one service (application). */
export interface NormalizedService {
  file: string;
  asyncapi: string;
  title: string;
  /** `info` as written, minus nothing: version, description, contact, license, tags, externalDocs, `x-*`. */
  info: JsonObject;
  id?: string;
  defaultContentType?: string;
  servers: Map<string, JsonObject>;
  channels: NormalizedChannel[];
  operations: NormalizedOperation[];
  /** Messages of `components.messages` (used or not). */
  componentMessages: NormalizedMessage[];
  /** `components.securitySchemes`, in 3.0 shape. */
  securitySchemes: Map<string, JsonObject>;
  /** Root `x-*` extensions. */
  extensions: JsonObject;
}

/** Sets an own key on a JSON object (any key, `__proto__` included, without touching the prototype). */
export function put(object: JsonObject, key: string, value: unknown): JsonObject {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  return object;
}
