import Dexie, { type Table } from 'dexie';
import { SIMULATION_SCHEMA, type SimulationTables } from '../../core';

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
  runs!: Table<SimulationTables['runs'], string>;
  commands!: Table<SimulationTables['commands'], [string, number]>;
  businessRows!: Table<SimulationTables['businessRows'], [string, string, string]>;
  outbox!: Table<SimulationTables['outbox'], [string, number]>;
  directPublishes!: Table<SimulationTables['directPublishes'], [string, number]>;
  publications!: Table<SimulationTables['publications'], [string, number]>;
  deliveries!: Table<SimulationTables['deliveries'], [string, number]>;
  inbox!: Table<SimulationTables['inbox'], [string, string, string]>;
  applications!: Table<SimulationTables['applications'], [string, string, string]>;
  deadLetters!: Table<SimulationTables['deadLetters'], [string, number]>;
  projectionRows!: Table<SimulationTables['projectionRows'], [string, string, string]>;
  events!: Table<SimulationTables['events'], [string, number]>;
  trace!: Table<SimulationTables['trace'], [string, number]>;
  anomalies!: Table<SimulationTables['anomalies'], [string, string]>;

  constructor(name = 'efd-simulation') {
    super(name, SIMULATION_DB_OPTIONS);
    this.version(1).stores(SIMULATION_SCHEMA);
  }
}

let shared: SimulationDb | undefined;

/** The app's simulation database (opened lazily, one per page). */
export function simulationDb(): SimulationDb {
  shared ??= new SimulationDb();
  return shared;
}
