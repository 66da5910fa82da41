/** Scenarios of a design (given/when/then) run on the engine and judged. See README.md. */
export { runScenario, judgeRows, judgeAnomalies, scenarioSettings, type ExpectationVerdict, type ScenarioVerdict } from './runScenario';
