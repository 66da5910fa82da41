/**
 * The simulation engine: runs a flow document on a storage of IndexedDB-like tables, one
 * micro-step per transaction, deterministic for a seed; and the checker that computes the
 * invariant report from a run's rows. See README.md in this folder.
 */
export * from './records';
export * from './settings';
export * from './store';
export * from './checker';
export { createSimulationEngine } from './engine';
export type {
  SimulationEngine, EngineOptions, FireRequest, FireManyRequest, WorkloadShare, BatchOptions, RunUntilQuietOptions, BatchResult, StepResult, StepOptions, RebuildReport, ProjectionsAt, DesignReplayReport,
} from './engine';
export type { EngineMutants } from './mutants';
export { replayProjections, diffProjections, stateFromRows, emptyProjectionState, canonical } from './replay';
export type { ProjectionState, ProjectionDifference, ReplayListener, ReplayEvent } from './replay';
export { Rng } from './rng';
export { isQuiet, relayIsDown } from './scheduler';
export { countOf, total, nonZeroCounts } from './counters';
export { emptyStats } from './processes';
export { designFingerprint, isRunStale, knownCount, knownNodeCount, type CountedTable } from './runRules';
export { pendingSummary } from './verdict';
export { explainStep, PATTERNS, patternOf, STEP_PHASES, type Pattern, type PatternId, type StepExplanation, type StepPhase } from './explain';
export { createMemorySimulationStore, MemoryTables, compareKeys } from './memoryStore';
