// The bench's in-page API (`window.efdBench`), loaded by bench/pages/engine.html or imported into the
// app's own page (`import('/bench/assets/engine.js')`) to measure the engine beside the UI in one page.
import { restoreFlowDocument, type FlowDocument } from '../../src/core';
import { rawCeiling, rawNewestRowsMs, rawPutGetMs } from './ceiling';
import { engineRunUntilQuiet, engineSingleSteps, type EngineMode, type Workload } from './engineRuns';
import { seedAppRun } from './seedAppRun';
import { designs } from './designs';

/** The built-in example, restored (and migrated) as the app restores it. */
async function exampleFlow(): Promise<FlowDocument> {
  const restored = restoreFlowDocument(await (await fetch('/examples/content-platform.json')).json());
  if (!restored.ok) throw new Error(`the example does not restore: ${restored.errors.map((e) => e.message).join('; ')}`);
  return restored.doc;
}

export const efdBench = {
  rawCeiling,
  rawPutGetMs,
  rawNewestRowsMs,
  seedAppRun,
  /** The id of the design the app opens (its run is keyed by it). */
  lastOpenedDesignId: () => designs().getLastOpenedId(),
  async runUntilQuiet(commands: number, mode: EngineMode, budgetMs: number, workload?: Workload, checked?: boolean) {
    return engineRunUntilQuiet(await exampleFlow(), commands, mode, budgetMs, workload, checked);
  },
  async singleSteps(budgetMs: number) {
    return engineSingleSteps(await exampleFlow(), budgetMs);
  },
};

export type EfdBench = typeof efdBench;

(window as unknown as { efdBench: EfdBench }).efdBench = efdBench;
