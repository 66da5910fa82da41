export { compareSchemas, COMPATIBILITY_MODES, type BreakingChange, type ChangeKind, type CompatibilityMode, type CompareOptions } from './compatibility';
export {
  diffContracts, diffDesigns, contractsOf, baselineOf, baselineSnapshot,
  type ContractSnapshot, type EventTypeDiff, type EventTypeStatus,
} from './diffDesigns';
export { evolutionProblems, baselineProblems } from './evolutionProblems';
export { compatibilityOf, hasBaselineCheck, versionHistoryProblems } from './historyProblems';
export { applyUpcastStep, applyUpcaster, upcastPayload, type UpcastResult } from './upcast';
export { upcastEvents, type StoredEvent, type UpcastReport } from './replayEvents';
