import { runScenario, type FlowDocument, type Scenario, type ScenarioVerdict } from '../../../core';
import { BATCH_STEPS, type RunSession } from '../../../session';

/**
 * Runs a scenario of the open design as a long action of its run session: the session's engine
 * restarts the design's run with the scenario's settings, fires its given and runs until quiet in
 * batches (busy counts the steps; Stop ends it at a batch). The verdict, or undefined when it was
 * stopped, refused (play or another action runs) or failed — the session's error state says why.
 */
export async function runScenarioInSession(session: RunSession, doc: FlowDocument, scenario: Scenario): Promise<ScenarioVerdict | undefined> {
  if (doc.id !== session.runId) return undefined;
  let verdict: ScenarioVerdict | undefined;
  await session.longAction(`Running scenario “${scenario.name}”`, 0, async ({ engine, progress }) => {
    const judged = await runScenario(engine, doc, scenario, {
      stepsPerTransaction: BATCH_STEPS,
      between: ({ steps, run }) => progress(steps, run),
    });
    verdict = judged;
  });
  return verdict;
}
