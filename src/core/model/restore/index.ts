export { restoreFlowDocument, type RestoreResult } from './restoreFlowDocument';
export { MIGRATIONS, migrateToCurrent, type Migration, type MigrationResult, type JsonObject } from './migrations';
export { describeValue, type RestoreError } from './ShapeChecker';
export { restoreScenario } from './scenarioShape';
export { DESIGN_BOUNDS, checkBounds } from './bounds';
