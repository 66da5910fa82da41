// `npm run flow -- test <design.json> [--scenario ID|NAME]` — runs the design's scenarios headless on
// the in-memory store: one line per scenario and one per failed expectation; exit 0 when every
// scenario passes, 1 when one fails (or the design is refused, or has no scenario), 2 on bad usage.
import { createMemorySimulationStore, createSimulationEngine, runScenario, type FlowDocument, type ScenarioVerdict } from '../../src/core';
import { InputError, parseCommandLine, readDesignFile, UsageError } from './commandLine';

export const USAGE = `usage: npm run flow -- test <design.json> [--scenario ID|NAME]

Runs every scenario of the design (its "scenarios": given commands, when faults and pattern
switches, then expected projection rows, anomalies and counts) on the simulation engine in node.
Prints one line per scenario and one per failed expectation. Exit code 0: every scenario passed;
1: a scenario failed, the design was refused or has no scenario; 2: bad usage.

options:
  --scenario ID|NAME   run only this scenario
  --help               this text`;

/** The lines printed for one scenario's verdict. */
export function verdictLines(verdict: ScenarioVerdict): string[] {
  const head = `${verdict.pass ? 'PASS' : 'FAIL'}  ${verdict.name}  (${verdict.steps} steps)`;
  const failures = verdict.expectations.filter((e) => !e.pass)
    .map((e) => `      ✗ ${e.kind}: expected ${e.expected}; found ${e.found}`);
  return [head, ...failures];
}

export async function runTests(flow: FlowDocument, only?: string): Promise<{ verdicts: ScenarioVerdict[]; lines: string[] }> {
  const scenarios = (flow.scenarios ?? []).filter((s) => only === undefined || s.id === only || s.name === only);
  const verdicts: ScenarioVerdict[] = [];
  for (const scenario of scenarios) {
    // A store per scenario: each starts from empty tables, whatever the one before left.
    const engine = createSimulationEngine(createMemorySimulationStore());
    verdicts.push(await runScenario(engine, flow, scenario));
  }
  const failed = verdicts.filter((v) => !v.pass).length;
  const lines = verdicts.flatMap(verdictLines);
  lines.push(`${verdicts.length} scenario${verdicts.length === 1 ? '' : 's'}: ${verdicts.length - failed} passed, ${failed} failed`);
  return { verdicts, lines };
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let file: string;
  let only: string | undefined;
  try {
    const parsed = parseCommandLine(args, ['scenario']);
    file = parsed.file;
    only = Object.hasOwn(parsed.flags, 'scenario') ? parsed.flags.scenario : undefined;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  let flow: FlowDocument;
  try {
    flow = await readDesignFile(file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    return 1;
  }
  const { verdicts, lines } = await runTests(flow, only);
  if (verdicts.length === 0) {
    console.error(only === undefined ? `${file} has no scenarios: nothing to test` : `${file} has no scenario with the id or name "${only}"`);
    return 1;
  }
  for (const line of lines) console.log(line);
  return verdicts.every((v) => v.pass) ? 0 : 1;
}
