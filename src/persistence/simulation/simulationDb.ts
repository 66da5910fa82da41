import Dexie, { type Table } from 'dexie';
import { SIMULATION_SCHEMA, type SimulationTables } from '../../core';
import { newDesignKey, type RunDesignRecord, type StoredRunRow } from './runDesigns';
import { commitOneShotReads } from './commitOneShotReads';

/**
 * Options of the simulation database. Relaxed durability: a simulation may lose its last
 * milliseconds on a power cut, and Chromium then commits without waiting for the disk. No
 * optimistic-update cache: the UI only reads, the engine writes in bulk.
 */
export const SIMULATION_DB_OPTIONS = { chromeTransactionDurability: 'relaxed', cache: 'disabled' } as const;

/**
 * The simulation's own IndexedDB database (`efd-simulation`), apart from the design editor's.
 * One table per engine table (see src/core/engine/records.ts); every primary key starts with
 * runId (= the design id). Keep every `version(n)`: add a new one with an `.upgrade()` to change it.
 *
 * Reading for the UI (keyset paging): e.g. the outbox of one producer, 100 rows after seq 500:
 * `db.outbox.where('[runId+ownerId+seq]').between([runId, ownerId, 501], [runId, ownerId, Dexie.maxKey]).limit(100)`.
 */
export class SimulationDb extends Dexie {
  /** Run rows as stored: without their design snapshot, which is in `runDesigns` (see runDesigns.ts). */
  runs!: Table<StoredRunRow, string>;
  runDesigns!: Table<RunDesignRecord, string>;
  commands!: Table<SimulationTables['commands'], [string, number]>;
  businessRows!: Table<SimulationTables['businessRows'], [string, string, string]>;
  outbox!: Table<SimulationTables['outbox'], [string, number]>;
  directPublishes!: Table<SimulationTables['directPublishes'], [string, number]>;
  publications!: Table<SimulationTables['publications'], [string, number]>;
  deliveries!: Table<SimulationTables['deliveries'], [string, number]>;
  inbox!: Table<SimulationTables['inbox'], [string, string, string]>;
  idempotencyKeys!: Table<SimulationTables['idempotencyKeys'], [string, string, string]>;
  brokerCursors!: Table<SimulationTables['brokerCursors'], [string, string, string]>;
  handlings!: Table<SimulationTables['handlings'], [string, number]>;
  externalEffects!: Table<SimulationTables['externalEffects'], [string, number]>;
  deadLetters!: Table<SimulationTables['deadLetters'], [string, number]>;
  projectionRows!: Table<SimulationTables['projectionRows'], [string, string, string]>;
  events!: Table<SimulationTables['events'], [string, number]>;
  trace!: Table<SimulationTables['trace'], [string, number]>;
  anomalies!: Table<SimulationTables['anomalies'], [string, number]>;
  reports!: Table<SimulationTables['reports'], string>;
  locks!: Table<SimulationTables['locks'], [string, string, string]>;
  cacheEntries!: Table<SimulationTables['cacheEntries'], [string, string, string]>;

  constructor(name = 'efd-simulation') {
    super(name, SIMULATION_DB_OPTIONS);
    // The panels' one-off reads get out of the way of the engine's queued batches (commitOneShotReads.ts).
    this.use(commitOneShotReads);
    this.version(1).stores(SCHEMA_V1);
    // Version 3 changed primary keys (anomalies) and the meaning of rows: the old runs are dropped
    // (version 2) and every table is created afresh. Designs live in another database and stay.
    this.version(2).stores(Object.fromEntries(Object.keys(SCHEMA_V1).map((table) => [table, null])));
    this.version(3).stores(SCHEMA_V3);
    // Version 4 drops the indexes only the micro-steps read (they run on an in-memory copy that keeps
    // its own) and adds the lock table and the cache (issue 13): rows and every other index stay, so
    // existing runs open and go on as they were.
    this.version(4).stores(SIMULATION_SCHEMA);
    // Version 5 keeps each run's design snapshot apart from its run row, which every step rewrites
    // (runDesigns.ts): the existing runs' snapshots move to `runDesigns`, everything else stays.
    this.version(5).stores({ ...SIMULATION_SCHEMA, ...DESIGNS_SCHEMA }).upgrade(async (tx) => {
      const runs = tx.table<StoredRunRow, string>('runs');
      const designs = tx.table<RunDesignRecord, string>('runDesigns');
      for (const row of await runs.toArray()) {
        if (!Object.hasOwn(row, 'flow') || typeof row.flow !== 'object' || row.flow === null) continue;
        const key = newDesignKey();
        await designs.put({ runId: row.runId, key, flow: row.flow });
        const { flow: _flow, ...rest } = row;
        await runs.put({ ...rest, designKey: key });
      }
    });
  }
}

/** The table added by version 5: one design snapshot per run. */
export const DESIGNS_SCHEMA = { runDesigns: 'runId' } as const;

/** The schema of the first engine (kept: Dexie needs every version it ever declared). */
const SCHEMA_V1 = {
  runs: 'runId',
  commands: '[runId+seq], [runId+status+seq], [runId+producerId+seq]',
  businessRows: '[runId+producerId+aggregateId]',
  outbox: '[runId+seq], [runId+ownerId+seq], [runId+status+seq], [runId+eventId]',
  directPublishes: '[runId+seq], [runId+ownerId+seq]',
  publications: '[runId+seq], [runId+eventTypeId+seq], [runId+eventId]',
  deliveries: '[runId+seq], [runId+status+order], [runId+consumerId+seq], [runId+eventId]',
  inbox: '[runId+consumerId+eventId], [runId+consumerId+seq]',
  applications: '[runId+consumerId+eventId], [runId+consumerId+streamId+version]',
  deadLetters: '[runId+seq], [runId+consumerId+seq]',
  projectionRows: '[runId+projectionId+key]',
  events: '[runId+position], [runId+streamId+version], [runId+eventId], [runId+eventTypeId+position]',
  trace: '[runId+step], [runId+eventId+step]',
  anomalies: '[runId+id], [runId+seq], [runId+kind+seq]',
};

/** The schema of version 3 (kept: Dexie needs every version it ever declared). */
const SCHEMA_V3: Record<string, string> = (() => {
  const { locks: _locks, cacheEntries: _cache, ...tables } = SIMULATION_SCHEMA;
  return {
    ...tables,
    commands: '[runId+seq], [runId+producerId+status+seq], [runId+producerId+seq]',
    outbox: '[runId+seq], [runId+status+seq], [runId+ownerId+seq], [runId+eventId]',
    deliveries: '[runId+seq], [runId+consumerId+status+order], [runId+status+deadline], [runId+consumerId+seq], [runId+eventId]',
  };
})();

/** Every schema before the current one, in order (the upgrade test builds an old database from them). */
export const PAST_SCHEMAS: readonly Record<string, string | null>[] = [
  SCHEMA_V1, Object.fromEntries(Object.keys(SCHEMA_V1).map((table) => [table, null])), SCHEMA_V3, SIMULATION_SCHEMA,
];

let shared: SimulationDb | undefined;

/** A simulation database of its own (tests, the CLI): nothing is opened until it is first used. */
export function createSimulationDb(name = 'efd-simulation'): SimulationDb {
  return new SimulationDb(name);
}

/** The app's simulation database (created on first use, one per page; never at import time). */
export function simulationDb(): SimulationDb {
  shared ??= new SimulationDb();
  return shared;
}
