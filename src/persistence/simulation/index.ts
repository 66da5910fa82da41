export * from './simulationDb';
export * from './dexieSimulationStore';
export * from './openSimulationEngine';
export * from './readRunRow';
export type { RunDesignRecord, StoredRunRow } from './runDesigns';
