import { createSimulationEngine, type SimulationEngine } from '../../core';
import { createDexieSimulationStore } from './dexieSimulationStore';
import { simulationDb, type SimulationDb } from './simulationDb';

/** The simulation engine on the app's IndexedDB database (or on `db`, e.g. a test database). */
export function openSimulationEngine(db: SimulationDb = simulationDb()): SimulationEngine {
  return createSimulationEngine(createDexieSimulationStore(db));
}
