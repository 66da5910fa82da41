/**
 * The message contracts of a design as AsyncAPI describes them, kept beside the semantics so
 * that an export writes again what an import read: message metadata, channels (addresses,
 * parameters, bindings), servers, services and their operations; and the schema evolution of
 * event types (version history, upcasters, the baseline a compatibility check compares with).
 * Every field is optional: a design drawn in the tool has none of them, and the exporters fill in
 * what is missing from the design itself. Values marked "as written" are plain JSON in
 * AsyncAPI 3.0 shape, kept verbatim.
 */

/** A JSON object kept as written (AsyncAPI fields, bindings, `x-*` extensions). */
export type ContractFields = { [key: string]: unknown };

/** What an event type's message says besides its payload (`EventType.message`). */
export interface MessageContract {
  /** Its key in `components.messages` (also its key in channels). */
  key?: string;
  /** name, title, summary, description, contentType, correlationId, examples, bindings, tags, externalDocs, `x-*`. */
  fields?: ContractFields;
  /** The headers schema (JSON Schema 2020-12; `$ref`s into the design's library). */
  headers?: { [keyword: string]: unknown } | boolean;
  /**
   * A payload that is not JSON Schema (Avro, Protobuf, RAML, a remote reference…), kept as
   * written. `readAs` is what the import understood of it (Avro as JSON Schema; `{}` when
   * opaque): while the event's payload still equals `readAs`, exports write the original.
   */
  payloadSource?: { schemaFormat?: string; schema: unknown; readAs: { [keyword: string]: unknown } };
}

/** A channel of the design (`FlowDocument.asyncapi.channels`). */
export interface ChannelContract {
  /** Its key in `channels`. */
  key: string;
  /** The address (topic, queue, path); `null` when unknown at design time. */
  address?: string | null;
  /** title, summary, description, parameters, bindings, servers (by name), tags, externalDocs, `x-*`. */
  fields: ContractFields;
  /** The messages it carries: their keys in the channel and the event types they are. */
  messages: { key: string; eventTypeId: string }[];
}

/** One operation of a service (`ServiceContract.operations`). */
export interface OperationContract {
  key: string;
  action: 'send' | 'receive';
  /** The producer or consumer that performs it. */
  nodeId: string;
  /** The channel's key in `FlowDocument.asyncapi.channels`. */
  channel: string;
  eventTypeIds: string[];
  /** title, summary, description, bindings, tags, externalDocs, security, reply, `x-*`. */
  fields: ContractFields;
}

/** One application (one AsyncAPI document) of the design. */
export interface ServiceContract {
  /** Its title, the name of its export file. */
  title: string;
  /** The AsyncAPI version it was read from. */
  asyncapi?: string;
  /** `info` as written (version, description, contact, license, tags, externalDocs). */
  info: ContractFields;
  /** The document's `id`. */
  documentId?: string;
  defaultContentType?: string;
  /** Servers by name, as written. */
  servers: { name: string; server: ContractFields }[];
  securitySchemes: { name: string; scheme: ContractFields }[];
  /** The producers and consumers that are this service. */
  nodeIds: string[];
  /** Keys (in `FlowDocument.asyncapi.channels`) of the channels its document declared. */
  channels?: string[];
  /** The event types its document declared or used as messages. */
  eventTypeIds?: string[];
  operations: OperationContract[];
  /** Root `x-*` extensions of its document. */
  extensions?: ContractFields;
}

/** `FlowDocument.asyncapi`: the channels and services of the design. */
export interface AsyncApiContract {
  channels: ChannelContract[];
  services: ServiceContract[];
}

/**
 * A declarative step that turns an event of one version into the next (an upcaster is a list of
 * them). Paths are JSON Pointers into the payload. Nothing here is evaluated as code.
 * - `rename`: move the value at `from` to `to`
 * - `set`: write `value` at `path`, `onlyIfMissing` keeps a value already there (a default)
 * - `remove`: delete the value at `path`
 * - `copy`: copy the value at `from` to `to`
 * - `map`: replace the value at `path` by the entry of `values` whose `from` equals it
 */
export type UpcastStep =
  | { op: 'rename'; from: string; to: string }
  | { op: 'set'; path: string; value: unknown; onlyIfMissing?: boolean }
  | { op: 'remove'; path: string }
  | { op: 'copy'; from: string; to: string }
  | { op: 'map'; path: string; values: { from: unknown; to: unknown }[] };

/** An earlier version of an event type (`EventType.history`), and how its events become the next version's. */
export interface EventTypeVersion {
  version: number;
  /** The payload schema of that version (own payload; `$ref`s into the design's library). */
  payload: { [keyword: string]: unknown };
  /** The base it extended then, if any. */
  extends?: string;
  /** Turns a payload of this version into one of `version + 1`. */
  upcast: UpcastStep[];
}

/** A snapshot of an event type's contract that later edits are compared with. */
export interface BaselineEventType {
  id: string;
  name: string;
  version: number;
  /** The whole message schema then (envelope, bases, payload), as the exports wrote it. */
  schema: { [keyword: string]: unknown } | boolean;
  /** Its own payload then (what a new version's history keeps as the previous version). */
  payload?: { [keyword: string]: unknown };
}

/** `FlowDocument.evolution`: how strictly event types must evolve, and what they are compared with. */
export interface EvolutionSettings {
  compatibility: 'backward' | 'forward' | 'full' | 'none';
  /** The contracts as last exported, or as in a design the user chose; absent: only the version history counts. */
  baseline?: {
    /** What it is, for the user: "last export (AsyncAPI)", "design 'Shop v1'". */
    label: string;
    library: { name: string; schema: unknown }[];
    eventTypes: BaselineEventType[];
  };
}
