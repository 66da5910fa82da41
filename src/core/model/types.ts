/**
 * The flow document: the single source of truth of a design. Plain JSON, versioned by
 * `schemaVersion`; semantics (event types, producers, consumers, projections) are kept apart
 * from the view (`layout`). Edges are not stored: they are derived from the semantics
 * (see `deriveEdges`), so a design can never hold an edge that contradicts its handlers.
 */

import type { AsyncApiContract, EventTypeVersion, EvolutionSettings, MessageContract } from './contracts';

/** The current version of the flow document format. Older documents are migrated on load. */
export const CURRENT_SCHEMA_VERSION = 1;

export type FieldType =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'date-time'
  | 'uuid'
  | 'object'
  | 'array';

export const FIELD_TYPES: readonly FieldType[] = [
  'string', 'number', 'integer', 'boolean', 'enum', 'date-time', 'uuid', 'object', 'array',
];

/** A scalar a user can type: used for examples and literals. */
export type Literal = string | number | boolean | null;

export interface FieldDef {
  name: string;
  type: FieldType;
  required: boolean;
  description?: string;
  example?: Literal;
  /** Allowed values, only for `type: 'enum'`. */
  enumValues?: string[];
  /** Element type, only for `type: 'array'` (defaults to string). */
  itemType?: Exclude<FieldType, 'array' | 'object' | 'enum'>;
}

/**
 * Where a value comes from, in a mapping or a row change. Declarative data: nothing here is
 * ever evaluated as code.
 * - `input`: a field of the command's input (producers only)
 * - `event`: a field of the handled event (consumers only)
 * - `before`: a column of the business row before the change (producers only; e.g. `before` status)
 * - `literal`: a constant
 * - `generated`: a value made by the run: a uuid or the simulated clock's now
 */
export type ValueSource =
  | { from: 'input'; field: string }
  | { from: 'event'; field: string }
  | { from: 'before'; column: string }
  | { from: 'literal'; value: Literal }
  | { from: 'generated'; generator: 'uuid' | 'now' };

/** Sets one target field (of an event) or column (of a row) from a source. */
export interface Assignment {
  target: string;
  source: ValueSource;
}

/** An event emitted by a command or a handler, with its payload mapping. */
export interface Emission {
  eventTypeId: string;
  mappings: Assignment[];
}

export interface EventType {
  id: string;
  kind: 'event';
  name: string;
  description: string;
  /** Schema version of this event type, starting at 1. */
  version: number;
  /** Id of the base event type whose fields this one inherits. */
  extends?: string;
  /** Name of the field (own or inherited) that identifies the aggregate, e.g. `videoId`. */
  aggregateIdField?: string;
  /** An abstract type is a base for others and is never emitted on its own. */
  abstract?: boolean;
  /** Own fields only; inherited ones come from `extends` (see `effectiveFields`). */
  fields: FieldDef[];
  /** What its AsyncAPI message says besides the payload (imported, written again on export). */
  message?: MessageContract;
  /** Earlier versions, each with the upcaster to the next (see `src/core/evolution`). */
  history?: EventTypeVersion[];
}

export interface Command {
  id: string;
  name: string;
  description?: string;
  inputFields: FieldDef[];
  /** Which value identifies the business row (the aggregate) the command changes. */
  aggregateId: ValueSource;
  /** Columns of the business row set by the command. */
  rowChanges: Assignment[];
  emits: Emission[];
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

export interface Handler {
  eventTypeId: string;
  effects: ProjectionEffect[];
  emits: Emission[];
}

export interface Consumer {
  id: string;
  kind: 'consumer';
  name: string;
  description: string;
  /** Deduplicate deliveries with an inbox (consumed-event table). */
  useInbox: boolean;
  /** Deliveries attempted before a message goes to dead letters. */
  retryLimit: number;
  /** How the consumer publishes the events its handlers emit. */
  publishMode: PublishMode;
  /** One handler per subscribed event type. */
  handlers: Handler[];
}

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

export interface FlowDocument {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  id: string;
  name: string;
  description: string;
  eventTypes: EventType[];
  producers: Producer[];
  consumers: Consumer[];
  projections: Projection[];
  layout: Layout;
  /** Channels, servers, services and operations as AsyncAPI described them (imported, written again on export). */
  asyncapi?: AsyncApiContract;
  /** Compatibility mode and baseline of the event contracts. */
  evolution?: EvolutionSettings;
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
