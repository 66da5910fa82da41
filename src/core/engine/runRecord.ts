/**
 * The run row (one per design) and the value types shared by every table. See records.ts.
 */
import type { FlowDocument, JsonValue } from '../model';
import type { RunSettings } from './settings';

/** A value in a payload, a business row or a projection row. */
export type CellValue = JsonValue;
export type Payload = { [key: string]: JsonValue };

/**
 * Counters per node id, for badges (e.g. `stats.outboxPending['content-ingest']`). Node ids are
 * names a user chose (`constructor`, `__proto__` …): read and write them only through
 * `countOf`/`bump` in counters.ts, never with `counts[id]`.
 */
export type CountsByNode = Record<string, number>;

/** Live counters kept in the run row, updated in the same transaction as the rows they count. */
export interface RunStats {
  /** Commands not yet handled (queued, or taken by their producer and not yet committed). */
  commandsPending: number;
  /** Per producer: commands queued and not yet taken. */
  commandsQueued: CountsByNode;
  commandsHandled: number;
  commandsRejected: number;
  /** Commands whose producer crashed while handling them (the caller got no answer). */
  commandsCrashed: number;
  /** Per producer/consumer: outbox rows pending (not yet marked sent) and sent. */
  outboxPending: CountsByNode;
  outboxSent: CountsByNode;
  /** Per producer/consumer: dual-write publishes waiting in its process memory. */
  directPending: CountsByNode;
  /** Per consumer: deliveries waiting at the broker, handed out and not yet acked (in flight), acked, dead. */
  queued: CountsByNode;
  inFlight: CountsByNode;
  acked: CountsByNode;
  dead: CountsByNode;
  /** Per consumer: failed handlings (each one leads to a redelivery or a dead letter). */
  retries: CountsByNode;
  /** Per consumer: deliveries the broker handed out again because their ack did not come in time. */
  redelivered: CountsByNode;
  /** Per consumer: inbox rows (processed ids) and duplicates skipped thanks to the inbox. */
  inboxProcessed: CountsByNode;
  duplicatesSkipped: CountsByNode;
  /** Per projection: row count. */
  projectionRows: CountsByNode;
  /** Per event type id: publications on the broker (a republish counts again). */
  published: CountsByNode;
  /** Per producer/consumer: crashes of its process (each one a restart); and of the relay. */
  crashes: CountsByNode;
  relayCrashes: number;
  events: number;
  /** Handlings logged (the consumers' change log). */
  handlings: number;
  /** The longest causal chain so far: 0 for a command's events, +1 per consumer that emitted on. */
  maxDepth: number;
  /** The event at the end of that chain. */
  deepestEventId: string;
  /** Per consumer (issue 13): optimistic-concurrency conflicts (each one a re-read), lock waits, fenced writes, instance kills. */
  conflicts?: CountsByNode;
  lockWaits?: CountsByNode;
  fenced?: CountsByNode;
  instanceKills?: CountsByNode;
  /** Per projection read through a cache: hits, misses, invalidations by writes, fills refused (leases). */
  cacheHits?: CountsByNode;
  cacheMisses?: CountsByNode;
  cacheInvalidations?: CountsByNode;
  cacheFillsRefused?: CountsByNode;
  /** The last step that moved the run forward: a command finished, an event appended, a row marked sent, a handling applied, a dead letter. */
  progressStep: number;
}

/** What a producer process holds in memory between its two command steps (load, then commit). */
export interface ProducerHolding {
  commandSeq: number;
  /** The aggregate the command changes (evaluated once, at load). */
  aggregateId: string;
  /** The stream version it read when it loaded the aggregate: the expected version of its append. */
  expectedVersion: number;
}

/** What the relay holds in memory: the outbox row it published and has not yet marked sent. */
export interface RelayHolding {
  outboxSeq: number;
  eventId: string;
  /** `published`: awaiting mark-sent; `marked` (at-most-once mutant only): marked sent, not yet published. */
  stage: 'published' | 'marked';
}

/** What a consumer process holds in memory: the one delivery it took from the broker. */
export interface ConsumerHolding {
  deliverySeq: number;
  /**
   * `received`: taken, not yet handled; `handled`: committed, awaiting its direct publishes and the
   * ack; `acked` (ack-before-handle mutant only): acked, not yet handled; `applied` (separate-inbox
   * mutant only): effects committed, inbox row not yet written.
   */
  stage: 'received' | 'handled' | 'acked' | 'applied' | 'read';
  /**
   * Stage `read` (issue 13: a handling whose read and write are separate micro-steps): the rows it
   * read, with their versions; the write computes from these, whatever the rows hold by then.
   */
  reads?: RowRead[];
  /** Locks it holds (concurrency `lock`), as `[projectionId, key]`. */
  locks?: [string, string][];
}

/** A projection row as an instance read it (null: no row). */
export interface RowRead {
  projectionId: string;
  key: string;
  values: Payload | null;
  version: number;
}

/** Partitions an instance owns, per subscription (the handler's event type id). */
export interface OwnedPartitions {
  eventTypeId: string;
  partitions: number[];
}

/**
 * One process of the simulated system. A crash ends it: what it held in memory is gone, and it
 * restarts at once as a new incarnation. Ids: `producer:<id>`, `relay`, `consumer:<id>`.
 */
export interface ProcessRecord {
  id: string;
  /** `reader`: the readers of a projection read through a cache (issue 13), id `reader:<projection id>`. */
  kind: 'producer' | 'relay' | 'consumer' | 'reader';
  /** The producer or consumer node (empty for the relay). */
  nodeId: string;
  incarnation: number;
  /** A consumer's instance number, from 1 (issue 13); absent: 1. Ids: `consumer:<id>` for 1, `consumer:<id>#<n>` after. */
  instance?: number;
  /** A killed instance (fault): down until this step, then it starts again and rejoins its group. */
  downUntil?: number;
  /** Partitioned subscriptions: the partitions this instance owns (after the last rebalance). */
  owns?: OwnedPartitions[];
  /** A cache reader: the row keys it is asked to read (a write asks for a read of the row it wrote). */
  readQueue?: string[];
  /** A cache reader between its miss (the row loaded) and its fill. */
  reader?: { key: string; values: Payload | null; version: number; lease?: number };
  producer?: ProducerHolding;
  relay?: RelayHolding;
  consumer?: ConsumerHolding;
  /**
   * A consumer instance with a prefetch above 1 (issue 13): deliveries it took from the broker and
   * holds unacknowledged, not yet started (delivery seqs, in the order taken). It works on them one
   * at a time after `consumer`; a kill or crash drops them (they come back after their ack deadline).
   */
  prefetched?: number[];
  /** A consumer instance of a group: dual-write publishes it holds in its own memory (rows of `directPublishes` with `holder` = its id). */
  directHeld?: number;
}

/** Why a long run stopped (the last `runUntilQuiet`/`runSteps`), in plain words for the toolbar and the CLI. */
export interface RunVerdict {
  kind: 'quiet' | 'step-limit' | 'not-converging' | 'waiting' | 'stopped';
  message: string;
  step: number;
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
    handling: number;
    external: number;
    deadLetter: number;
  };
  /** Last event-store position (0 = empty). */
  position: number;
  stats: RunStats;
  /** The processes and what each holds in memory. */
  processes: ProcessRecord[];
  /** No in-flight delivery's ack deadline is earlier than this step (null: none in flight). */
  nextAckDeadline: number | null;
  /** True when nothing is left to do (no command, outbox row, publish, delivery or ack pending). */
  quiet: boolean;
  /** Why the last long run stopped, if one ran since the last change. */
  verdict?: RunVerdict;
}
