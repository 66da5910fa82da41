/** Scenarios of a design (given/when/then) run on the engine and judged. See README.md. */
export { runScenario, judgeRows, judgeAnomalies, scenarioSettings, type ExpectationVerdict, type ScenarioVerdict } from './runScenario';
export { scenarioFromRun, whenFromSettings } from './fromRun';
export { addScenario, deleteScenario, freshScenarioId, freshScenarioName, renameScenario, replaceScenario } from './edits';
export { scenarioFromFixture, type FixtureResult } from './fromFixture';
