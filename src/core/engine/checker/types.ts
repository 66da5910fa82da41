/**
 * The checker's contract: what it reads (`CheckInput`: the run's rows, as a real system has or can
 * log them) and what it returns (`CheckReport`). The simulator passes its IndexedDB rows; the
 * PostgreSQL + JetStream runner builds the same rows from its own tables. Nothing here says what a
 * fault decided: the checker finds what went wrong from the rows alone.
 */
import type { FlowDocument } from '../../model';

export type CheckPayload = Record<string, unknown>;

/** A command as the caller sent it and the producer recorded it (its command log). */
export interface CheckCommand {
  id: string;
  /** The caller's request; retries of one request share it. */
  requestId: string;
  producerId: string;
  commandName: string;
  /** `handled` = the producer committed it (or answered it from an idempotency key). */
  status: 'pending' | 'handled' | 'rejected' | 'crashed';
  aggregateId?: string;
  eventIds?: string[];
  reason?: string;
  /** Answered from this earlier command's result: no new change was committed. */
  answeredFrom?: string;
  /** False when the caller never heard the outcome (the producer crashed after committing). */
  answered?: boolean;
  /** The step (or any monotonic time) it was sent and handled. */
  firedStep: number;
  handledStep?: number;
}

/** An event in the event store (committed). */
export interface CheckEvent {
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  streamId: string;
  version: number;
  position: number;
  /** The producer or consumer that committed it. */
  sourceId: string;
  /** The command or event that caused it. */
  causationId: string;
  commandId: string;
  occurredAt: string;
  aggregateId: string;
  payload: CheckPayload;
  step: number;
}

/** An outbox row: pending until the relay marks it sent. */
export interface CheckOutboxRow {
  ownerId: string;
  eventId: string;
  status: 'pending' | 'sent';
  createdStep: number;
  sentStep?: number;
}

/** A message put on the broker (its log), e.g. a JetStream stream message with the event id as Nats-Msg-Id. */
export interface CheckPublication {
  seq: number;
  eventId: string;
  eventTypeId: string;
  eventTypeName: string;
  publisherId: string;
  via: 'relay' | 'direct';
  subscriberIds: string[];
  step: number;
  /** The stream and version the message claims (phantoms are not in the event store). */
  streamId: string;
  version: number;
  causationId: string;
}

/** One message for one subscriber as the broker last saw it. */
export interface CheckDelivery {
  seq: number;
  publicationSeq: number;
  eventId: string;
  consumerId: string;
  status: 'queued' | 'in-flight' | 'acked' | 'dead';
  attempts: number;
}

/** One projection row changed by a handling. */
export interface CheckRowChange {
  projectionId: string;
  key: string;
  before: CheckPayload | null;
  after: CheckPayload | null;
}

/** A consumer's change log: one row per handling that committed, in the same transaction as its effects. */
export interface CheckHandling {
  seq: number;
  consumerId: string;
  eventId: string;
  streamId: string;
  version: number;
  outcome: 'applied' | 'skipped' | 'rebuild';
  changes: CheckRowChange[];
  emitted: string[];
  step: number;
}

export interface CheckDeadLetter {
  consumerId: string;
  eventId: string;
  reason: string;
  attempts: number;
  step: number;
  /** When an operator put it back to its consumer (redrive): the step. */
  redrivenStep?: number;
}

export interface CheckProjectionRow {
  projectionId: string;
  key: string;
  values: CheckPayload;
}

/** An external side effect as the outside world logged it (the mail server, the API). */
export interface CheckExternalEffect {
  consumerId: string;
  eventId: string;
  name: string;
  step: number;
}

/**
 * A row lock (issue 13, concurrency `lock`) as the lock table holds it: holder, lease, and the last
 * instance refused while it held the lock.
 */
export interface CheckLock {
  projectionId: string;
  key: string;
  /** The consumer whose instance holds it, and the instance's name (`catalog#2`). */
  consumerId: string;
  holderName: string;
  acquiredStep: number;
  /** The lease ends after this step. */
  leaseUntil: number;
  /** The last refused attempt to take it, and by whom. */
  lastWaitStep?: number;
  lastWaiter?: string;
}

/** The run's rows. Leave a list empty when the system has no such table (e.g. no external effects). */
export interface CheckTables {
  commands: readonly CheckCommand[];
  events: readonly CheckEvent[];
  outbox: readonly CheckOutboxRow[];
  /** Dual-write publishes a live process still holds in memory (in flight; none once the run is quiet). */
  pendingPublishes: readonly { ownerId: string; eventId: string }[];
  publications: readonly CheckPublication[];
  deliveries: readonly CheckDelivery[];
  handlings: readonly CheckHandling[];
  inbox: readonly { consumerId: string; eventId: string }[];
  deadLetters: readonly CheckDeadLetter[];
  projectionRows: readonly CheckProjectionRow[];
  externalEffects: readonly CheckExternalEffect[];
  /** The lock table (issue 13); absent when the system takes no row locks. */
  locks?: readonly CheckLock[];
  /** The cache entries of projections read through a cache (issue 13); absent when there is none. `values` absent: only a lease. */
  cacheEntries?: readonly { projectionId: string; key: string; values?: CheckPayload | null; filledStep?: number }[];
}

export interface CheckInput {
  /** The design the run was made of (names, subscriptions, handlers for the rebuild). */
  flow: FlowDocument;
  tables: CheckTables;
  /** The current step (or time): pending work is measured against it. */
  now: number;
  /** An outbox row pending for more than this many steps while the relay made no progress is a stalled outbox. */
  stalledOutboxAfterSteps: number;
  /** Kinds that do not turn `ok` false (e.g. `dead-letter`, `rejected`); they stay in the report. */
  allow?: readonly AnomalyKind[];
}

/**
 * Kinds of report entries. Broken invariants unless said otherwise:
 * - `lost`: committed, never published, and nothing left that would publish it
 * - `phantom`: published, never committed
 * - `missed`: a subscriber got (or should have got) a message and neither applied it, dead-lettered it, nor still has it in flight
 * - `gap`: a subscriber applied a later version of a stream and never an earlier one (or the store's versions have a hole)
 * - `duplicate`: a repeated application that changed a row or emitted new events
 * - `repeat` (informational): a repeated application that changed nothing
 * - `stale`: a lower stream version applied after a higher one, and it changed a row
 * - `late` (informational): a lower version applied after a higher one without changing anything
 * - `stalled-outbox`: rows waited longer than the threshold while the relay did not move them (kept after they drain)
 * - `dead-letter`: a message moved to dead letters
 * - `rejected`: a command refused; `blocked-aggregate`: an aggregate no command succeeded on after its first rejection
 * - `unanswered` (informational): a command whose producer crashed and whose caller gave up
 * - `rebuild-differs`: a projection differs from a rebuild from the event store
 * - `duplicate-side-effect`: an external side effect made more than once for one event
 * - `duplicate-command`: one request committed more than once (a retry without an idempotency key)
 * - `version-clash`: two events in one stream with the same version
 * - `lost-update` (issue 13): a handling wrote a projection row computed from a read that another
 *   handling's write had already overtaken (its change log's `before` is not the row as last written)
 * - `key-order` (issue 13): in a partitioned subscription, an event of an ordering key applied after
 *   one of the same key that was published later
 * - `lock-past-lease` (issue 13): an instance was refused a row lock after its holder's lease had ended
 * - `stale-cache` (issue 13): at quiet, a cache entry holds other values than its projection row
 */
export type AnomalyKind =
  | 'lost' | 'phantom' | 'missed' | 'gap' | 'duplicate' | 'repeat' | 'stale' | 'late' | 'stalled-outbox'
  | 'dead-letter' | 'rejected' | 'blocked-aggregate' | 'unanswered' | 'rebuild-differs' | 'duplicate-side-effect'
  | 'duplicate-command' | 'version-clash' | 'lost-update' | 'key-order' | 'lock-past-lease' | 'stale-cache';

export const ANOMALY_KINDS: readonly AnomalyKind[] = [
  'lost', 'phantom', 'missed', 'gap', 'duplicate', 'repeat', 'stale', 'late', 'stalled-outbox', 'dead-letter',
  'rejected', 'blocked-aggregate', 'unanswered', 'rebuild-differs', 'duplicate-side-effect', 'duplicate-command',
  'version-clash', 'lost-update', 'key-order', 'lock-past-lease', 'stale-cache',
];

/** Kinds that are informational: never a broken invariant. */
export const INFORMATIONAL_KINDS: ReadonlySet<AnomalyKind> = new Set<AnomalyKind>(['repeat', 'late', 'unanswered']);

/** One entry of the report. */
export interface ReportEntry {
  /** Stable id, e.g. `duplicate:follow-center:e-12`. */
  id: string;
  kind: AnomalyKind;
  /** `broken`: an invariant does not hold; `info`: worth knowing, harmless; `allowed`: broken, but allowed by the caller. */
  severity: 'broken' | 'info' | 'allowed';
  /** Plain words, e.g. "AuthorVideoAddedEvent e-12 applied twice by follow-center: notificationsSent 1 → 2". */
  message: string;
  /** The first node where it went wrong, and what went wrong there. */
  rootCause: { nodeId: string; what: string };
  /** Nodes involved (the root cause first). */
  nodeIds: string[];
  /** The events it is about. */
  eventIds: string[];
  /** Downstream: the events it caused (following causation ids) and the nodes that applied them or were changed. */
  affected: { eventIds: string[]; nodeIds: string[] };
  /** When it happened (or was first seen), as a step. */
  at: number;
}

export interface CheckReport {
  /** True when no entry is a broken invariant (allowed kinds aside). */
  ok: boolean;
  entries: ReportEntry[];
  /** Entries per kind. */
  byKind: Partial<Record<AnomalyKind, number>>;
  broken: number;
  info: number;
}
