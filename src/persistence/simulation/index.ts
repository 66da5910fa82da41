export * from './simulationDb';
export * from './dexieSimulationStore';
export * from './openSimulationEngine';
