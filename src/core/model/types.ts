/**
 * The flow document: the single source of truth of a design. Plain JSON, versioned by
 * `schemaVersion`; semantics (event types, producers, consumers, projections) are kept apart
 * from the view (`layout`). Edges are not stored: they are derived from the semantics
 * (see `deriveEdges`), so a design can never hold an edge that contradicts its handlers.
 */

import type { Scenario } from './scenarioTypes';
import type { AsyncApiContract, EventTypeVersion, EvolutionSettings, MessageContract } from './contracts';

/** The current version of the flow document format. Older documents are migrated on load. */
export const CURRENT_SCHEMA_VERSION = 2;

/** Any JSON value. Objects keyed by user-chosen names are read and written with `ownKeys` helpers. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON Schema 2020-12 schema object: its keywords as plain JSON. Keywords the editor does not
 * know are kept verbatim. Subschemas may also be the booleans `true` (anything) and `false` (nothing).
 */
export interface JsonSchemaObject {
  [keyword: string]: unknown;
}

/** A JSON Schema 2020-12 (sub)schema. */
export type JsonSchema = JsonSchemaObject | boolean;

/** A scalar a user can type: used where a value is typed as text (a literal, an enum value). */
export type Literal = string | number | boolean | null;

/**
 * Where a value comes from, in a mapping or a row change. Declarative data: nothing here is
 * ever evaluated as code. Paths are JSON Pointers (RFC 6901) into the value: `''` is the whole
 * value, `/customer/name` a nested property, `/lines/0/price` an array item; `~1` stands for `/`
 * and `~0` for `~` inside a key, so every key (`a.b`, `a/b`, `~`, `__proto__`, `''`) has one path.
 * - `input`: a value of the command's input (producers only)
 * - `event`: a value of the handled event's payload (consumers only)
 * - `envelope`: an attribute of the handled event's envelope, e.g. `/eventId`, or `/id` and
 *   `/source` with CloudEvents (consumers only; see `envelopeAttributes`)
 * - `before`: a column of the business row before the change (producers only; e.g. `before` status)
 * - `literal`: a constant (any JSON value)
 * - `generated`: a value made by the run: a uuid or the simulated clock's now
 */
export type ValueSource =
  | { from: 'input'; path: string }
  | { from: 'event'; path: string }
  | { from: 'envelope'; path: string }
  | { from: 'before'; column: string }
  | { from: 'literal'; value: JsonValue }
  | { from: 'generated'; generator: 'uuid' | 'now' };

/** Sets one column of a row (a business row or a projection row) from a source. */
export interface Assignment {
  /** The column's name. */
  target: string;
  source: ValueSource;
}

/** Sets one value of an event's payload from a source. */
export interface PayloadMapping {
  /** JSON Pointer into the payload: `/orderId`, `/customer/name` (`''` sets the whole payload). */
  target: string;
  source: ValueSource;
}

/** An event emitted by a command or a handler, with its payload mapping. */
export interface Emission {
  eventTypeId: string;
  mappings: PayloadMapping[];
}

export interface EventType {
  id: string;
  kind: 'event';
  name: string;
  description: string;
  /** Schema version of this event type, starting at 1. */
  version: number;
  /** Id of the base event type whose payload this one extends (`allOf` in exported schemas). */
  extends?: string;
  /** JSON Pointer of the value (own or inherited) that identifies the aggregate, e.g. `/videoId`. */
  aggregateIdPath?: string;
  /** An abstract type is a base for others and is never emitted on its own. */
  abstract?: boolean;
  /**
   * The event's own payload as a JSON Schema 2020-12 object schema (`properties`, `required`…);
   * the base's payload comes from `extends` (see `effectivePayloadSchema`). `$ref`s point into
   * the design's schema library as `#/$defs/<name>`.
   */
  payload: JsonSchemaObject;
  /** What its AsyncAPI message says besides the payload (imported, written again on export). */
  message?: MessageContract;
  /** Earlier versions, each with the upcaster to the next (see `src/core/evolution`). */
  history?: EventTypeVersion[];
}

export interface Command {
  id: string;
  name: string;
  description?: string;
  /** The command's input as a JSON Schema 2020-12 object schema (same rules as an event payload). */
  input: JsonSchemaObject;
  /** Which value identifies the business row (the aggregate) the command changes. */
  aggregateId: ValueSource;
  /** Columns of the business row set by the command. */
  rowChanges: Assignment[];
  emits: Emission[];
  /**
   * The caller sends an idempotency key with each request (the same on every retry); the producer
   * remembers the keys it handled, in the same transaction as the change, and answers a retry from
   * the first result. Absent: false (a retried request commits a second change).
   */
  idempotencyKey?: boolean;
}

export type PublishMode = 'outbox' | 'dual-write';

export interface Producer {
  id: string;
  kind: 'producer';
  name: string;
  description: string;
  /** Name of the business table (aggregate), e.g. `video`. */
  aggregate: string;
  /** `outbox`: row + event in one transaction, then a relay. `dual-write`: commit, then publish directly. */
  publishMode: PublishMode;
  commands: Command[];
}

export type ProjectionEffect =
  | { kind: 'upsert'; projectionId: string; key: ValueSource; set: Assignment[] }
  | { kind: 'increment'; projectionId: string; key: ValueSource; column: string; by: number }
  | { kind: 'append'; projectionId: string; key: ValueSource; column: string; value: ValueSource }
  | { kind: 'delete'; projectionId: string; key: ValueSource };

/** A side effect outside the consumer's database (send an e-mail, call an API): it cannot join its transaction. */
export interface ExternalEffect {
  /** What it does, e.g. `send notification e-mail`. */
  name: string;
}

export interface Handler {
  eventTypeId: string;
  effects: ProjectionEffect[];
  emits: Emission[];
  /** Calls outside the consumer's transaction, made while handling (no inbox protects them from a redelivery). */
  externalEffects?: ExternalEffect[];
  /**
   * How the consumer's instances share this subscription's messages (issue 13). Absent: the broker
   * keeps each stream in order for the consumer and any instance may take a stream's next message
   * (what a design without instances has always done).
   */
  delivery?: DeliveryMode;
}

/**
 * A subscription's delivery mode, in the runner's `topology` vocabulary:
 * - `partitioned`: messages are keyed by an ordering key (the event's aggregate id, or the payload
 *   value at `key`, a JSON Pointer); `partitions` partitions, each owned by one instance at a time
 *   and delivered in order; an unacknowledged message blocks its partition.
 * - `competing`: any free instance takes the next message; no order.
 */
export type DeliveryMode =
  | { kind: 'partitioned'; partitions: number; key?: string }
  | { kind: 'competing' };

/**
 * How writers of a projection row keep concurrent handlings from losing each other's updates:
 * - `none`: read, then write what was computed from the read (a concurrent write in between is lost)
 * - `optimistic`: the write compares the row's version with the one read (compare-and-set) and
 *   re-reads and retries on a conflict
 * - `lock`: a per-row lock (a lock table: holder instance and lease) taken before the read and
 *   released with the write; a lease expires when its holder dies
 * - `single-writer`: only the instance owning the message's partition writes; a handling whose
 *   partition moved to another instance since it read is fenced off (not written) and redelivered
 */
export type ConcurrencyControl = 'none' | 'optimistic' | 'lock' | 'single-writer';

/**
 * Event ids of the events a consumer emits: `derived` from (consumer, handled event, emission), so a
 * redelivery re-emits the same id and a downstream inbox recognises it; `fresh` for every handling.
 */
export type EmittedIds = 'derived' | 'fresh';

export interface Consumer {
  id: string;
  kind: 'consumer';
  name: string;
  description: string;
  /** Deduplicate deliveries with an inbox (consumed-event table). */
  useInbox: boolean;
  /** Retries after a failed handling before the message goes to dead letters: 0 = no retry. */
  retryLimit: number;
  /** How the consumer publishes the events its handlers emit. */
  publishMode: PublishMode;
  /** Ids of the events its handlers emit (absent: `derived`). */
  emittedIds?: EmittedIds;
  /** One handler per subscribed event type. */
  handlers: Handler[];
  /** Instances of the consumer (a consumer group); absent: 1. */
  instances?: number;
  /** Messages one instance may hold unacknowledged at once; absent: 1. */
  prefetch?: number;
  /**
   * How its handlings guard the projection rows they write (see `ConcurrencyControl`); a
   * projection's own setting wins. Absent: the handling reads and writes in one transaction (as
   * before issue 13) while the consumer has one instance, `none` with several.
   */
  concurrency?: ConcurrencyControl;
  /** Lease of a row lock (`lock`), in engine steps; absent: `DEFAULT_LOCK_LEASE_STEPS`. */
  lockLeaseSteps?: number;
}

/** The lease of a row lock when the design sets none, in engine steps. */
export const DEFAULT_LOCK_LEASE_STEPS = 50;

export type ColumnType = 'string' | 'number' | 'boolean' | 'date-time' | 'list';

export interface ProjectionColumn {
  name: string;
  type: ColumnType;
}

export interface Projection {
  id: string;
  kind: 'projection';
  name: string;
  description: string;
  /** Name of the key column. */
  key: string;
  columns: ProjectionColumn[];
  /** How every writer of its rows guards them (wins over the writing consumer's `concurrency`). */
  concurrency?: ConcurrencyControl;
  /**
   * Read through a cache (cache-aside, issue 13): a read that misses loads the row and fills the
   * cache; a write updates the row and invalidates its entry. `leases`: a miss takes a lease, an
   * invalidate clears it, and a fill whose lease was cleared is refused (no stale fill).
   */
  cache?: ProjectionCache;
}

export interface ProjectionCache {
  leases?: boolean;
}

export type FlowNode = EventType | Producer | Consumer | Projection;
export type NodeKind = FlowNode['kind'];

export interface Position {
  x: number;
  y: number;
}

export interface Layout {
  positions: Record<string, Position>;
  viewport?: { x: number; y: number; zoom: number };
}

/**
 * How events travel: this tool's envelope (`eventId`, `eventType`, `occurredAt`, `aggregateId`,
 * `causationId`, `correlationId` beside the payload's properties), CloudEvents 1.0 (`id`, `source`,
 * `type`, `specversion`, `time`, `subject`, `datacontenttype`, payload under `data`, causation and
 * correlation as extension attributes), or none (the message is the payload).
 */
export type EnvelopeKind = 'eventflow' | 'cloudevents' | 'none';

export interface EnvelopeSettings {
  kind: EnvelopeKind;
  /** CloudEvents only: the `source` of events, a URI-reference; each emitter's id is appended. Default `/<design id>`. */
  source?: string;
}

/** A shared schema of the design's library, referenced from payloads as `{ "$ref": "#/$defs/<name>" }`. */
export interface SchemaDefinition {
  name: string;
  schema: JsonSchema;
}

export interface FlowDocument {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  id: string;
  name: string;
  description: string;
  /** The envelope every event of the design travels in. */
  envelope: EnvelopeSettings;
  /** Shared schemas (components) that payloads and inputs reference by `$ref`. */
  schemaLibrary: SchemaDefinition[];
  eventTypes: EventType[];
  producers: Producer[];
  consumers: Consumer[];
  projections: Projection[];
  layout: Layout;
  /** Channels, servers, services and operations as AsyncAPI described them (imported, written again on export). */
  asyncapi?: AsyncApiContract;
  /** Compatibility mode and baseline of the event contracts. */
  evolution?: EvolutionSettings;
  /** Tests of the design (given/when/then), run in the app and by `npm run flow -- test`. Optional; absent = none. */
  scenarios?: Scenario[];
}

/** A derived connection between two nodes. Only these four kinds are legal. */
export type EdgeKind = 'emits' | 'subscribes' | 'updates';

export interface FlowEdge {
  /** Stable id: `${kind}:${source}->${target}`. */
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
}
