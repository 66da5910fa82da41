/**
 * The rows of every simulation table. Each row carries `runId` (the design id: one run per
 * design) and the tables' primary keys start with it, so a run pages and resets by key range.
 * These types are the contract between the engine, its storage adapter and the simulation UI:
 * the UI reads them live from IndexedDB (see src/persistence/simulation/simulationDb.ts for the
 * indexes) and never writes them. What a real system keeps is said per table; what only the
 * simulator keeps (process memory, the broker's internals) is marked so.
 */

export type { CellValue, Payload, CountsByNode, RunStats, RunRecord, RunVerdict, ProcessRecord } from './runRecord';
import type { Payload, RunRecord } from './runRecord';
import type { AnomalyKind, ReportEntry } from './checker/types';

/**
 * `pending`: queued at the producer (or taken and not yet committed); `handled`: committed (or
 * answered from the first attempt's result by its idempotency key); `rejected`: refused (no
 * aggregate id, or the optimistic-concurrency retries ran out); `crashed`: the producer crashed
 * before committing it (nothing committed; the caller got no answer).
 */
export type CommandStatus = 'pending' | 'handled' | 'rejected' | 'crashed';

/**
 * A command sent by a caller to a producer. Id `c-<seq>`. A caller whose command got no answer
 * (the producer crashed) may retry it: a new row with the same `requestId` and `attempt` + 1.
 * Written by the caller (pending) and by the producer in its commit transaction (handled, rejected).
 */
export interface CommandRecord {
  runId: string;
  seq: number;
  id: string;
  /** The caller's request: the id of its first attempt. Retries share it. */
  requestId: string;
  /** 1 for the first attempt, +1 per caller retry. */
  attempt: number;
  producerId: string;
  commandId: string;
  commandName: string;
  payload: Payload;
  /** The idempotency key the caller sent (the request id), when the command carries one. */
  idempotencyKey?: string;
  status: CommandStatus;
  firedStep: number;
  handledStep?: number;
  aggregateId?: string;
  /** Event ids the command's commit produced. */
  eventIds?: string[];
  /** Why it was rejected, or what its crash was. */
  reason?: string;
  /** Optimistic-concurrency conflicts it lost (each one a re-read and a retry). */
  conflicts: number;
  /** Answered from this earlier command's result (its idempotency key was known): no new change. */
  answeredFrom?: string;
  /** False when the producer crashed after committing it: the caller never heard the outcome. */
  answered?: boolean;
}

/** The current state of one aggregate in a producer's business table. */
export interface BusinessRowRecord {
  runId: string;
  producerId: string;
  aggregateId: string;
  /** Business row version: 1 after the first command, +1 per committed command. */
  version: number;
  columns: Payload;
  updatedStep: number;
}

/** A producer's table of idempotency keys it handled, written in the same transaction as the change. */
export interface IdempotencyKeyRecord {
  runId: string;
  producerId: string;
  key: string;
  commandId: string;
  eventIds: string[];
  step: number;
}

/** An outbox row, written in the same transaction as the change that produced its event. */
export type OutboxStatus = 'pending' | 'sent';

export interface OutboxRecord {
  runId: string;
  seq: number;
  /** The producer or consumer that owns this outbox. */
  ownerId: string;
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  status: OutboxStatus;
  createdStep: number;
  sentStep?: number;
}

/** Simulator only: a dual-write publish waiting in the owner's process memory (a crash drops it). */
export interface DirectPublishRecord {
  runId: string;
  seq: number;
  ownerId: string;
  /** The consumer instance whose memory holds it (issue 13: a group's instances each have their own memory); absent: the owner's only process. */
  holder?: string;
  eventId: string;
  eventTypeName: string;
  createdStep: number;
}

/** An event as it travels on the broker: the envelope and the payload. */
export interface EventMessage {
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  streamId: string;
  aggregateType: string;
  aggregateId: string;
  version: number;
  occurredAt: string;
  payload: Payload;
  sourceId: string;
  commandId: string;
  causationId: string;
  /** Causal depth: 0 for a command's events, +1 for each consumer that emitted on. */
  depth: number;
}

/** One message put on the broker (its log). The broker fans it out into one delivery per subscriber. */
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
  /** The message's stream, version and cause (also in `message`; here for the checker, which reads publications as they are). */
  streamId: string;
  version: number;
  causationId: string;
  message: EventMessage;
  step: number;
}

/**
 * One message for one subscriber, as the broker sees it: `queued` (waiting) → `in-flight` (handed
 * to the consumer, ack deadline running) → `acked`; a failed handling puts it back to `queued`, or
 * to `dead` past the retry limit; an ack deadline that passes puts it back to `queued` too.
 */
export type DeliveryStatus = 'queued' | 'in-flight' | 'acked' | 'dead';

export interface DeliveryRecord {
  runId: string;
  seq: number;
  publicationSeq: number;
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  streamId: string;
  version: number;
  consumerId: string;
  status: DeliveryStatus;
  /** Times the broker handed it to the consumer. */
  attempts: number;
  /** Failed handlings so far (the retry limit counts these). */
  failures: number;
  /** Queue order (lowest first). The broker keeps each stream's messages in order per subscriber. */
  order: number;
  /** While in flight: the step after which the broker hands it out again. */
  deadline?: number;
  /** Set when handled: applied, or skipped as a duplicate by the inbox. */
  outcome?: 'applied' | 'duplicate-skipped';
  /** Seq of the delivery this one duplicates (duplicate-delivery fault). */
  duplicateOf?: number;
  /** Partitioned subscription only (issue 13): the partition of the message's ordering key. */
  partition?: number;
  /** Partitioned subscription only: the message's ordering key (the aggregate id, or the payload value the mode names). */
  orderingKey?: string;
  /** While in flight to a consumer with several instances: the process id of the instance holding it. */
  instance?: string;
  queuedStep: number;
  deliveredStep?: number;
  ackedStep?: number;
  /** Seq of the dead delivery this one redrives (an operator put the dead letter back). */
  redriveOf?: number;
}

/** Simulator only (the broker's partition state): the last queue order given to a stream per subscriber. */
export interface BrokerCursorRecord {
  runId: string;
  consumerId: string;
  streamId: string;
  order: number;
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

/** One projection row changed by a handling: its values before and after (null: no row). */
export interface RowChange {
  projectionId: string;
  key: string;
  before: Payload | null;
  after: Payload | null;
}

/**
 * The consumers' change log: one row per handling that committed, written in the same transaction
 * as its effects (change-data-capture style). `skipped`: the inbox recognised the event;
 * `rebuild`: the projections were replaced by a rebuild (consumerId empty).
 */
export interface HandlingRecord {
  runId: string;
  seq: number;
  consumerId: string;
  eventId: string;
  eventTypeId: string;
  streamId: string;
  version: number;
  deliverySeq: number;
  outcome: 'applied' | 'skipped' | 'rebuild';
  changes: RowChange[];
  /** Event ids this handling emitted (appended, or re-emitted with a derived id). */
  emitted: string[];
  step: number;
}

/** A call outside the consumer's transaction (an e-mail sent, an API called), as the outside world logged it. */
export interface ExternalEffectRecord {
  runId: string;
  seq: number;
  consumerId: string;
  eventId: string;
  name: string;
  step: number;
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
  /** Set when redriven: the step and the new delivery that put the message back to its consumer. */
  redrivenStep?: number;
  redriveDeliverySeq?: number;
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
  /** Row version: +1 per write (the compare-and-set of optimistic concurrency); absent on rows of older runs (0). */
  version?: number;
}

/**
 * A row lock (issue 13, concurrency `lock`): one per locked projection row, written in the
 * business database (a lock table). The holder is an instance's process id and incarnation; the
 * lock is released with the holder's write, or taken over by another instance once its lease ended.
 */
export interface LockRecord {
  runId: string;
  projectionId: string;
  key: string;
  /** The consumer whose instance holds it. */
  consumerId: string;
  /** Process id of the holding instance (`consumer:<id>` or `consumer:<id>#<n>`). */
  holder: string;
  /** Its name in the trace (`catalog#2`). */
  holderName: string;
  incarnation: number;
  acquiredStep: number;
  /** The lease ends after this step: then another instance may take the lock over. */
  leaseUntil: number;
  /** Refused attempts to take the lock (waits). */
  waits: number;
  /** The step of the last refused attempt. */
  lastWaitStep?: number;
  /** The instance refused last. */
  lastWaiter?: string;
}

/**
 * The event store: an append-only log of every committed change's events (whatever the publish
 * mode), with a global position and one event per stream version (a unique index: an append that
 * expected another version is refused).
 */
export interface EventRecord extends EventMessage {
  runId: string;
  position: number;
  step: number;
}

export type TraceKind =
  | 'load'
  | 'command'
  | 'relay-publish'
  | 'relay-mark-sent'
  | 'direct-publish'
  | 'deliver'
  | 'handle'
  | 'handle-failed'
  | 'ack'
  | 'redeliver'
  | 'read'
  | 'conflict'
  | 'lock-wait'
  | 'instance'
  | 'cache'
  | 'wait';

/** Names of the faults, as they appear in trace rows and settings. */
export type FaultName =
  | 'crash-before-commit'
  | 'crash-after-commit'
  | 'crash-after-publish'
  | 'crash-after-handle'
  | 'duplicate'
  | 'reorder'
  | 'consumer-failure'
  | 'poison'
  | 'relay-down'
  | 'ack-timeout'
  | 'conflict'
  | 'kill-instance';

/** One micro-step. */
export interface TraceRecord {
  runId: string;
  step: number;
  clock: number;
  kind: TraceKind;
  /** Which step of which pattern this was (see explain/); absent on rows of older runs. */
  phase?: StepPhase;
  /** Plain words, e.g. "relay published VideoInputEvent e-12 to author-service; crash before mark-sent (fault)". */
  text: string;
  fault?: FaultName;
  eventId?: string;
  commandId?: string;
  /** Nodes involved (producer, event type, consumer, projection ids). */
  nodeIds: string[];
  /** Derived edge ids (see `edgeId`/`deriveEdges`) the message travels on in this step. */
  edgeIds: string[];
}

export type { AnomalyKind } from './checker/types';
import type { StepPhase } from './explain/explainStep';

/** An entry of the invariant report as last computed by the checker (see checker/README). */
export interface AnomalyRecord extends ReportEntry {
  runId: string;
  seq: number;
  /** The step of the check that found the entries as they stand (a later check that finds the same leaves them). */
  step: number;
}

/** The summary of the report last computed for a run. */
export interface ReportSummaryRecord {
  runId: string;
  /** The run's step at the check that found the report as it stands (a later check that finds the same leaves it). */
  step: number;
  ok: boolean;
  broken: number;
  info: number;
  /** Entries per kind. */
  byKind: Partial<Record<AnomalyKind, number>>;
  /** The entries grouped by kind (broken kinds first), with how many each root-cause node has. */
  groups: ReportGroup[];
}

/** The entries of one kind in a report, and their root causes. */
export interface ReportGroup {
  kind: AnomalyKind;
  severity: ReportEntry['severity'];
  count: number;
  /** The step of its earliest entry. */
  firstAt: number;
  /** Root-cause nodes, most entries first. */
  rootCauses: { nodeId: string; count: number }[];
}

/**
 * A cache entry of a projection read through a cache (issue 13, cache-aside), in the cache server:
 * the row's values as a reader filled them, or only a lease (a miss in progress, leases on).
 */
export interface CacheEntryRecord {
  runId: string;
  projectionId: string;
  key: string;
  /** The values filled (absent: only a lease is held; null: the row did not exist). */
  values?: Payload | null;
  /** The row version the values were loaded at. */
  version?: number;
  /** Leases on: the token of the miss that may fill this entry. */
  lease?: number;
  filledStep?: number;
}

/** Every table and its row type. */
export interface SimulationTables {
  runs: RunRecord;
  commands: CommandRecord;
  businessRows: BusinessRowRecord;
  idempotencyKeys: IdempotencyKeyRecord;
  outbox: OutboxRecord;
  directPublishes: DirectPublishRecord;
  publications: PublicationRecord;
  deliveries: DeliveryRecord;
  brokerCursors: BrokerCursorRecord;
  inbox: InboxRecord;
  handlings: HandlingRecord;
  externalEffects: ExternalEffectRecord;
  deadLetters: DeadLetterRecord;
  projectionRows: ProjectionRowRecord;
  events: EventRecord;
  trace: TraceRecord;
  anomalies: AnomalyRecord;
  reports: ReportSummaryRecord;
  locks: LockRecord;
  cacheEntries: CacheEntryRecord;
}

export type TableName = keyof SimulationTables;

export const TABLE_NAMES: readonly TableName[] = [
  'runs', 'commands', 'businessRows', 'idempotencyKeys', 'outbox', 'directPublishes', 'publications', 'deliveries',
  'brokerCursors', 'inbox', 'handlings', 'externalEffects', 'deadLetters', 'projectionRows', 'events', 'trace',
  'anomalies', 'reports', 'locks', 'cacheEntries',
];
