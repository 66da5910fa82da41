/**
 * The run row (one per design) and the value types shared by every table. See records.ts.
 */
import type { FlowDocument, JsonValue } from '../model';
import type { RunSettings } from './settings';

/** A value in a payload, a business row or a projection row. */
export type CellValue = JsonValue;
export type Payload = { [key: string]: JsonValue };

/** Counters per node id, for badges (e.g. `stats.outboxPending['content-ingest']`). */
export type CountsByNode = Record<string, number>;

/** Live counters kept in the run row, updated in the same transaction as the rows they count. */
export interface RunStats {
  commandsPending: number;
  commandsHandled: number;
  commandsRejected: number;
  /** Per producer/consumer: outbox rows pending (incl. published, awaiting mark-sent) and sent. */
  outboxPending: CountsByNode;
  outboxSent: CountsByNode;
  /** Outbox rows published and awaiting mark-sent (all owners). */
  outboxPublishing: number;
  /** Per consumer: deliveries by status. */
  queued: CountsByNode;
  delivered: CountsByNode;
  handled: CountsByNode;
  acked: CountsByNode;
  dead: CountsByNode;
  /** Per consumer: failed handling attempts (each one leads to a redelivery or a dead letter). */
  retries: CountsByNode;
  /** Per consumer: inbox rows (processed ids) and duplicates skipped thanks to the inbox. */
  inboxProcessed: CountsByNode;
  duplicatesSkipped: CountsByNode;
  /** Per projection: row count. */
  projectionRows: CountsByNode;
  /** Per event type id: publications on the broker (a republish counts again). */
  published: CountsByNode;
  /** Dual-write publishes waiting in process memory. */
  directPending: number;
  events: number;
  /** Invariant report entries, and how many of them are stuck-outbox entries. */
  anomalies: number;
  stuckOutbox: number;
}

/** One run per design, keyed by the design id. Holds everything needed to continue after a reload. */
export interface RunRecord {
  runId: string;
  /** The design as it was when the run started: a run never mixes two versions of a design. */
  flow: FlowDocument;
  settings: RunSettings;
  /** State of the seeded random source after the last step. */
  rngState: number;
  /** Number of micro-steps taken; the trace holds one row per step (1-based). */
  step: number;
  /** Simulated clock, epoch milliseconds. */
  clock: number;
  /** Sequence counters for ids and ordering. */
  seq: {
    command: number;
    event: number;
    outbox: number;
    direct: number;
    publication: number;
    delivery: number;
    order: number;
    inbox: number;
    deadLetter: number;
    anomaly: number;
  };
  /** Last event-store position (0 = empty). */
  position: number;
  stats: RunStats;
  /** True when nothing is left to do (no command, outbox row, publish, delivery or ack pending). */
  quiet: boolean;
}
