/**
 * The rows of every simulation table. Each row carries `runId` (the design id: one run per
 * design) and the tables' primary keys start with it, so a run pages and resets by key range.
 * These types are the contract between the engine, its storage adapter and the simulation UI:
 * the UI reads them live from IndexedDB (see src/persistence/simulation/simulationDb.ts for the
 * indexes) and never writes them.
 */

export type { CellValue, Payload, CountsByNode, RunStats, RunRecord } from './runRecord';
import type { Payload, RunRecord } from './runRecord';

export type CommandStatus = 'pending' | 'handled' | 'rejected';

/** A command fired at a producer. Id `c-<seq>`. */
export interface CommandRecord {
  runId: string;
  seq: number;
  id: string;
  producerId: string;
  commandId: string;
  commandName: string;
  payload: Payload;
  status: CommandStatus;
  firedStep: number;
  handledStep?: number;
  aggregateId?: string;
  /** Event ids the command's commit produced. */
  eventIds?: string[];
  /** Why the command was rejected (e.g. an optimistic concurrency conflict). */
  reason?: string;
}

/** The current state of one aggregate in a producer's business table. */
export interface BusinessRowRecord {
  runId: string;
  producerId: string;
  aggregateId: string;
  /** Business row version: 1 after the first command, +1 per command. */
  version: number;
  /** Event-store stream version the producer last wrote (its optimistic concurrency expectation). */
  streamVersion: number;
  columns: Payload;
  updatedStep: number;
}

/**
 * An outbox row, written in the same transaction as the change that produced its event.
 * `publishing`: the relay published it and has not yet marked it sent (a crash here makes the
 * relay publish it again: the same event id twice on the wire).
 */
export type OutboxStatus = 'pending' | 'publishing' | 'sent';

export interface OutboxRecord {
  runId: string;
  seq: number;
  /** The producer or consumer that owns this outbox. */
  ownerId: string;
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  status: OutboxStatus;
  /** Times the relay published it. More than 1 means duplicates on the wire. */
  publishAttempts: number;
  createdStep: number;
  sentStep?: number;
}

/** A dual-write publish waiting in the owner's process memory (a crash drops it: a lost event). */
export interface DirectPublishRecord {
  runId: string;
  seq: number;
  ownerId: string;
  eventId: string;
  eventTypeName: string;
  createdStep: number;
}

/** One message put on the broker. The broker fans it out into one delivery per subscriber. */
export interface PublicationRecord {
  runId: string;
  seq: number;
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  publisherId: string;
  via: 'relay' | 'direct';
  /** True when this event id had already been published before (a duplicate on the wire). */
  republished: boolean;
  subscriberIds: string[];
  step: number;
}

/**
 * One message for one subscriber. queued (at the broker) -> delivered (at the consumer, not yet
 * handled) -> handled (committed, not yet acknowledged) -> acked. A failed handling puts it back
 * to queued (redelivery) or, at the retry limit, to dead.
 */
export type DeliveryStatus = 'queued' | 'delivered' | 'handled' | 'acked' | 'dead';

export interface DeliveryRecord {
  runId: string;
  seq: number;
  publicationSeq: number;
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  consumerId: string;
  status: DeliveryStatus;
  /** Deliveries to the consumer so far. */
  attempts: number;
  /** Broker queue order (lowest first); the reorder fault and redeliveries change it. */
  order: number;
  /** Set when handled: applied, or skipped as a duplicate by the inbox. */
  outcome?: 'applied' | 'duplicate-skipped';
  /** Seq of the delivery this one duplicates (duplicate-delivery fault). */
  duplicateOf?: number;
  queuedStep: number;
  deliveredStep?: number;
  ackedStep?: number;
}

/** A consumer's inbox (consumed-event table) row: one per processed event id. */
export interface InboxRecord {
  runId: string;
  consumerId: string;
  eventId: string;
  seq: number;
  eventTypeName: string;
  processedStep: number;
  /** Later deliveries of the same event id that the inbox skipped. */
  duplicatesSkipped: number;
}

/** Ground truth kept by the simulator (not by the consumer): how often a consumer applied an event. */
export interface ApplicationRecord {
  runId: string;
  consumerId: string;
  eventId: string;
  streamId: string;
  version: number;
  times: number;
  firstStep: number;
}

export interface DeadLetterRecord {
  runId: string;
  seq: number;
  consumerId: string;
  eventId: string;
  eventTypeName: string;
  deliverySeq: number;
  attempts: number;
  reason: string;
  step: number;
}

/** A row of a projection (read model). `key` is the key column's value as a string. */
export interface ProjectionRowRecord {
  runId: string;
  projectionId: string;
  key: string;
  /** All columns, the key column included. */
  values: Payload;
  lastEventId: string;
  updatedStep: number;
}

/**
 * The event store: an append-only log of every committed change's events (whatever the
 * publish mode), with a global position and a contiguous version per stream (aggregate).
 */
export interface EventRecord {
  runId: string;
  position: number;
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  /** `<aggregateType>/<aggregateId>`, e.g. `video/3f1c…`. */
  streamId: string;
  aggregateType: string;
  aggregateId: string;
  version: number;
  occurredAt: string;
  /** Payload fields (not the envelope). */
  payload: Payload;
  /** The producer or consumer that committed it. */
  sourceId: string;
  /** The command at the root of the causal chain, and the direct cause (command or event id). */
  commandId: string;
  causationId: string;
  step: number;
}

export type TraceKind =
  | 'command'
  | 'relay-publish'
  | 'relay-mark-sent'
  | 'direct-publish'
  | 'deliver'
  | 'handle'
  | 'handle-failed'
  | 'ack'
  | 'wait';

/** Names of the faults, as they appear in trace rows and settings. */
export type FaultName =
  | 'crash-after-commit'
  | 'crash-after-publish'
  | 'duplicate'
  | 'reorder'
  | 'consumer-failure'
  | 'poison'
  | 'relay-down';

/** One micro-step. */
export interface TraceRecord {
  runId: string;
  step: number;
  clock: number;
  kind: TraceKind;
  /** Plain words, e.g. "relay published VideoInputEvent e-12 to author-service; crash before mark-sent (fault)". */
  text: string;
  fault?: FaultName;
  eventId?: string;
  commandId?: string;
  /** Nodes involved (producer, event type, consumer, projection ids). */
  nodeIds: string[];
  /** Derived edge ids (see deriveEdges) the message travels on in this step. */
  edgeIds: string[];
}

export type AnomalyKind = 'lost' | 'duplicate-effect' | 'out-of-order' | 'stuck-outbox';

/**
 * An invariant report entry. `lost`, `duplicate-effect` and `out-of-order` stay once found;
 * `stuck-outbox` entries disappear when the outbox drains.
 */
export interface AnomalyRecord {
  runId: string;
  /** Stable id, e.g. `duplicate-effect:follow-center:e-12`. */
  id: string;
  seq: number;
  kind: AnomalyKind;
  eventIds: string[];
  nodeIds: string[];
  /** e.g. "VideoInputEvent e-12 applied twice by follow-center: inbox is off". */
  message: string;
  step: number;
}

/** Every table and its row type. */
export interface SimulationTables {
  runs: RunRecord;
  commands: CommandRecord;
  businessRows: BusinessRowRecord;
  outbox: OutboxRecord;
  directPublishes: DirectPublishRecord;
  publications: PublicationRecord;
  deliveries: DeliveryRecord;
  inbox: InboxRecord;
  applications: ApplicationRecord;
  deadLetters: DeadLetterRecord;
  projectionRows: ProjectionRowRecord;
  events: EventRecord;
  trace: TraceRecord;
  anomalies: AnomalyRecord;
}

export type TableName = keyof SimulationTables;

export const TABLE_NAMES: readonly TableName[] = [
  'runs', 'commands', 'businessRows', 'outbox', 'directPublishes', 'publications', 'deliveries',
  'inbox', 'applications', 'deadLetters', 'projectionRows', 'events', 'trace', 'anomalies',
];
