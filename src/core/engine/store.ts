/**
 * The engine's storage, as a small interface so the same engine can run on IndexedDB (Dexie,
 * src/persistence/simulation), in node on fake-indexeddb, or one day on another store.
 * Index names are the Dexie compound-index spellings listed in `SIMULATION_SCHEMA`.
 */
import type { SimulationTables, TableName } from './records';

export type KeyPart = string | number;

/** A query over one index: rows whose index key starts with `prefix`, in index order. */
export interface IndexQuery {
  /** Leading key parts that must be equal, e.g. `[runId, 'pending']`. */
  prefix: KeyPart[];
  /** Optional bounds (inclusive) on the key part right after the prefix. */
  from?: KeyPart;
  to?: KeyPart;
  limit?: number;
  reverse?: boolean;
}

/** Operations inside one transaction. Awaits nothing but the store itself. */
export interface StoreTx {
  get<T extends TableName>(table: T, key: KeyPart[] | string): Promise<SimulationTables[T] | undefined>;
  put<T extends TableName>(table: T, row: SimulationTables[T]): Promise<void>;
  bulkPut<T extends TableName>(table: T, rows: SimulationTables[T][]): Promise<void>;
  delete(table: TableName, key: KeyPart[] | string): Promise<void>;
  query<T extends TableName>(table: T, index: string, q: IndexQuery): Promise<SimulationTables[T][]>;
  count(table: TableName, index: string, q: IndexQuery): Promise<number>;
  /** Deletes every row whose primary key starts with `prefix`. */
  deletePrefix(table: TableName, prefix: KeyPart[]): Promise<void>;
  /** Aborts the transaction from outside (nothing of it is written) unless it committed already; stores that cannot, lack it. */
  abort?(): void;
  /**
   * Tells the store that no request follows: it commits as soon as the requests issued are done,
   * without waiting for their answers to reach the caller. Stores that commit on their own lack it.
   */
  commit?(): void;
}

export interface SimulationStore {
  /**
   * True for an in-process store whose transactions cost nothing (the memory store): long runs then
   * step straight on it instead of on an in-memory copy written back per batch.
   */
  readonly direct?: boolean;
  /**
   * Yields to the store's pending events (a task of its own), so that a transaction in flight can
   * complete while the engine computes on in-memory rows. Stores whose transactions need no events lack it.
   */
  pause?(): Promise<void>;
  /**
   * Runs `fn` in one transaction over `tables` ('rw': read-write). Commits when `fn` resolves,
   * aborts (and rethrows) when it rejects.
   */
  transaction<R>(mode: 'r' | 'rw', tables: readonly TableName[], fn: (tx: StoreTx) => Promise<R>): Promise<R>;
}

/**
 * The primary key (first) and indexes of every table as IndexedDB stores them, in Dexie's schema
 * syntax (`&`: unique). Every primary key starts with runId so that a run pages, and is reset, by
 * key range. An index is here only when a panel, the checker or an engine call outside the
 * micro-steps (fire, time travel, verdicts) reads by it: IndexedDB updates every index of a row on
 * every write, so an index nobody reads there is paid for on every put.
 */
export const SIMULATION_SCHEMA: Record<TableName, string> = {
  runs: 'runId',
  commands: '[runId+seq], [runId+producerId+seq]',
  businessRows: '[runId+producerId+aggregateId]',
  idempotencyKeys: '[runId+producerId+key]',
  outbox: '[runId+seq], [runId+ownerId+seq], [runId+eventId]',
  directPublishes: '[runId+seq], [runId+ownerId+seq]',
  publications: '[runId+seq], [runId+eventTypeId+seq], [runId+eventId]',
  deliveries: '[runId+seq], [runId+consumerId+seq], [runId+eventId]',
  brokerCursors: '[runId+consumerId+streamId]',
  inbox: '[runId+consumerId+eventId], [runId+consumerId+seq]',
  handlings: '[runId+seq], [runId+step]',
  externalEffects: '[runId+seq]',
  deadLetters: '[runId+seq], [runId+consumerId+seq]',
  projectionRows: '[runId+projectionId+key]',
  events: '[runId+position], &[runId+streamId+version], [runId+eventId], [runId+eventTypeId+position]',
  trace: '[runId+step], [runId+eventId+step]',
  anomalies: '[runId+seq], [runId+kind+seq]',
  reports: 'runId',
  locks: '[runId+projectionId+key]',
  cacheEntries: '[runId+projectionId+key]',
};

/**
 * Indexes only the micro-steps read (the next pending command, the oldest pending outbox row, a
 * consumer's queue, the next ack deadline). The steps always run on an in-memory copy of the run's
 * tables (`runCopy.ts`) or on the memory store, which keep these; IndexedDB never stores them.
 */
export const STEP_ONLY_INDEXES: Partial<Record<TableName, readonly string[]>> = {
  commands: ['[runId+producerId+status+seq]'],
  outbox: ['[runId+status+seq]'],
  deliveries: ['[runId+consumerId+status+order]', '[runId+status+deadline]'],
};

/** A table's schema for an in-memory store: the stored indexes and the step-only ones. Pure. */
export function memorySchema(table: TableName): string {
  const extra = STEP_ONLY_INDEXES[table] ?? [];
  return [SIMULATION_SCHEMA[table], ...extra].join(', ');
}

/** The name of an index as queries spell it (`&[a+b]` is queried as `[a+b]`). Pure. */
export function indexName(spec: string): string {
  return spec.trim().replace(/^&/, '');
}
