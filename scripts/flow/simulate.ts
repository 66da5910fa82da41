// `npm run flow -- simulate <design.json> [--seed 7] [--commands 200] [--faults duplicate=0.3,crash-after-publish=0.1]
//   [--max-steps 1000000] [--inbox-off id,id] [--dual-write id,id]`
// Runs the simulation engine headless (node + fake-indexeddb), prints a JSON report, and exits 1
// when an invariant is broken or the run does not reach quiet, 2 on bad usage.
import 'fake-indexeddb/auto';
import type { AnomalyKind, FlowDocument, SettingsPatch } from '../../src/core';
import { parseFaults } from '../../src/core';
import { openSimulationEngine, SimulationDb } from '../../src/persistence/simulation';
import { InputError, parseCommandLine, readDesignFile, UsageError } from './commandLine';

interface Options {
  file: string;
  seed: number;
  commands: number;
  maxSteps: number;
  settings: SettingsPatch;
}

const USAGE = 'usage: npm run flow -- simulate <design.json> [--seed N] [--commands N] [--faults name=p,...] [--max-steps N] [--inbox-off ids] [--dual-write ids]';

function parseArgs(args: string[]): Options {
  const { file, flags } = parseCommandLine(args, ['seed', 'commands', 'faults', 'max-steps', 'inbox-off', 'dual-write']);
  const int = (name: string, fallback: number) => {
    const value = flags[name] === undefined ? fallback : Number(flags[name]);
    if (!Number.isInteger(value) || value < 0) throw new UsageError(`--${name} needs a non-negative integer`);
    return value;
  };
  const ids = (name: string) => (flags[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const seed = int('seed', 1);
  return {
    file,
    seed,
    commands: int('commands', 100),
    maxSteps: int('max-steps', 1_000_000),
    settings: {
      seed,
      faults: parseFaults(flags.faults ?? ''),
      patterns: {
        inbox: Object.fromEntries(ids('inbox-off').map((id) => [id, false])),
        outbox: Object.fromEntries(ids('dual-write').map((id) => [id, false])),
      },
    },
  };
}

/** Runs the command; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(args);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  let flow: FlowDocument;
  try {
    flow = await readDesignFile(options.file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    return 1;
  }
  const db = new SimulationDb(`efd-simulation-cli-${options.seed}-${process.pid}`);
  try {
    const engine = openSimulationEngine(db);
    await engine.startRun(flow, options.settings);
    if (options.commands > 0) await engine.fireMany(flow.id, { count: options.commands });
    const result = await engine.runUntilQuiet(flow.id, { maxSteps: options.maxSteps, stepsPerTransaction: 1000 });
    const anomalies = await engine.report(flow.id);
    const rebuild = await engine.rebuildProjections(flow.id);
    const counts = await engine.counts(flow.id);
    const byKind = (kind: AnomalyKind) => anomalies.filter((a) => a.kind === kind).length;
    const broken = anomalies.length > 0 || !result.quiet;
    const report = {
      design: flow.id,
      seed: options.seed,
      commands: options.commands,
      settings: result.run.settings,
      quiet: result.quiet,
      steps: result.run.step,
      traceLength: counts.trace,
      counts,
      invariants: {
        ok: !broken,
        lost: byKind('lost'),
        duplicateEffects: byKind('duplicate-effect'),
        outOfOrder: byKind('out-of-order'),
        stuckOutbox: byKind('stuck-outbox'),
        entries: anomalies.map(({ kind, eventIds, nodeIds, message }) => ({ kind, eventIds, nodeIds, message })),
      },
      deadLetters: counts.deadLetters,
      rebuild: { equal: rebuild.equal, differences: rebuild.differences.length, position: rebuild.position },
    };
    console.log(JSON.stringify(report, null, 2));
    return broken ? 1 : 0;
  } finally {
    db.close();
    await db.delete();
  }
}
