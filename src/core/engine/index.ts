/**
 * The simulation engine: runs a flow document on a storage of IndexedDB-like tables, one
 * micro-step per transaction, deterministic for a seed. See README.md in this folder.
 */
export * from './records';
export * from './settings';
export * from './store';
export { createSimulationEngine } from './engine';
export type {
  SimulationEngine, FireRequest, FireManyRequest, BatchOptions, RunUntilQuietOptions, BatchResult, RebuildReport, DesignReplayReport,
} from './engine';
export { replayProjections, diffProjections, stateFromRows } from './replay';
export type { ProjectionState, ProjectionDifference, ReplayListener } from './replay';
export { Rng } from './rng';
export { isQuiet, relayIsDown } from './scheduler';
export { emptyStats, total } from './stepContext';
export { createMemorySimulationStore, MemoryTables, compareKeys } from './memoryStore';
