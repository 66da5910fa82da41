/**
 * Runs a scenario of a design on an engine (over any store) and judges it: one verdict per
 * expectation, each saying what was expected and what was found. Pure apart from the engine calls.
 */
import type { AnomalyKind, BatchOptions, CheckReport, Payload, ReportEntry, SettingsPatch, SimulationEngine } from '../engine';
import { canonical } from '../engine';
import type { FlowDocument, Scenario, ScenarioAnomalyKind } from '../model';

/** One expectation's verdict. */
export interface ExpectationVerdict {
  /** What kind of expectation: the run settled, a row, an anomaly kind expected, no other broken invariant, a count, the given could be fired. */
  kind: 'settled' | 'given' | 'row' | 'anomaly' | 'invariants' | 'count';
  pass: boolean;
  /** What was expected, in words ("notifications['alice'].notificationsSent = 1"). */
  expected: string;
  /** What was found, in words ("2"); for a failure it says which row/column/kind differs. */
  found: string;
}

export interface ScenarioVerdict {
  scenarioId: string;
  name: string;
  pass: boolean;
  expectations: ExpectationVerdict[];
  /** Micro-steps the run took. */
  steps: number;
  /** The checker's report of the run (with the scenario's expected and allowed kinds allowed). */
  report?: CheckReport;
}

const DEFAULT_MAX_STEPS = 100_000;

/** The engine settings of a scenario's `when` (its seed, faults, pattern switches, thresholds). */
export function scenarioSettings(scenario: Scenario): SettingsPatch {
  const { maxSteps: _maxSteps, ...patch } = scenario.when;
  return patch;
}

const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
const nameOf = (flow: FlowDocument, id: string) => flow.projections.find((p) => p.id === id)?.name ?? id;

/** Fires the scenario's given: its commands in order (each `count` times), then its workload. Throws with what could not be fired. */
async function fireGiven(engine: SimulationEngine, runId: string, scenario: Scenario): Promise<void> {
  for (const command of scenario.given.commands) {
    const count = command.count ?? 1;
    if (command.input !== undefined) {
      for (let i = 0; i < count; i++) await engine.fire(runId, { producerId: command.producerId, commandId: command.commandId, payload: structuredClone(command.input) as Payload });
    } else {
      await engine.fireMany(runId, { producerId: command.producerId, commandId: command.commandId, count });
    }
  }
  const workload = scenario.given.workload;
  if (workload && workload.count > 0) await engine.fireMany(runId, { count: workload.count, mix: workload.mix });
}

/** The design's commands the given names that do not exist (a scenario left behind by a rename or a delete). */
function unknownCommands(flow: FlowDocument, scenario: Scenario): string[] {
  const wanted = [...scenario.given.commands, ...(scenario.given.workload?.mix ?? [])];
  return wanted
    .filter((c) => !flow.producers.some((p) => p.id === c.producerId && p.commands.some((k) => k.id === c.commandId)))
    .map((c) => `${c.producerId}/${c.commandId}`);
}

/**
 * Starts the design's run with the scenario's settings (this restarts any run of the design),
 * fires its given, runs until quiet and judges every expectation.
 */
export async function runScenario(
  engine: SimulationEngine, flow: FlowDocument, scenario: Scenario, options: Pick<BatchOptions, 'between' | 'stepsPerTransaction'> = {},
): Promise<ScenarioVerdict> {
  const verdict = (expectations: ExpectationVerdict[], steps: number, report?: CheckReport): ScenarioVerdict => ({
    scenarioId: scenario.id, name: scenario.name, pass: expectations.every((e) => e.pass), expectations, steps, ...(report ? { report } : {}),
  });
  const missing = unknownCommands(flow, scenario);
  if (missing.length > 0) {
    return verdict([{ kind: 'given', pass: false, expected: 'the given commands exist in the design', found: `no command ${missing.join(', ')}` }], 0);
  }
  await engine.startRun(flow, scenarioSettings(scenario));
  try {
    await fireGiven(engine, flow.id, scenario);
  } catch (error) {
    return verdict([{ kind: 'given', pass: false, expected: 'the given can be fired', found: error instanceof Error ? error.message : String(error) }], 0);
  }
  const result = await engine.runUntilQuiet(flow.id, { ...options, maxSteps: scenario.when.maxSteps ?? DEFAULT_MAX_STEPS });
  const allow: AnomalyKind[] = [...scenario.then.expectAnomalies, ...scenario.then.allowAnomalies];
  const report = await engine.report(flow.id, { allow });
  const input = await engine.checkInput(flow.id);
  const counts = scenario.then.counts?.length ? await engine.counts(flow.id) : undefined;
  const expectations: ExpectationVerdict[] = [{
    kind: 'settled', pass: result.quiet, expected: 'the run gets quiet',
    found: result.quiet ? `quiet after ${result.steps} steps` : result.verdict.message,
  }];
  expectations.push(...judgeRows(flow, scenario, input.tables.projectionRows));
  expectations.push(...judgeAnomalies(scenario.then.expectAnomalies, scenario.then.allowAnomalies, report.entries));
  for (const { table, equals } of scenario.then.counts ?? []) {
    const found = counts?.[table] ?? 0;
    expectations.push({ kind: 'count', pass: found === equals, expected: `${table}: ${rows(equals)}`, found: rows(found) });
  }
  return verdict(expectations, result.run.step, report);
}

/** One verdict per expected row: the row exists (or not) and every named column holds the expected value. */
export function judgeRows(
  flow: FlowDocument, scenario: Scenario, rows: readonly { projectionId: string; key: string; values: Record<string, unknown> }[],
): ExpectationVerdict[] {
  const byKey = new Map(rows.map((r) => [`${r.projectionId}\u0000${r.key}`, r] as const));
  return scenario.then.rows.map((expected) => {
    const where = `${nameOf(flow, expected.projectionId)}['${expected.key}']`;
    const row = byKey.get(`${expected.projectionId}\u0000${expected.key}`);
    if (expected.absent) {
      return { kind: 'row', pass: row === undefined, expected: `no row ${where}`, found: row ? `row ${where} = ${canonical(row.values)}` : 'no such row' };
    }
    const wanted = Object.entries(expected.values ?? {});
    const shown = wanted.map(([column, value]) => `${column} = ${show(value)}`).join(', ');
    if (!row) return { kind: 'row', pass: false, expected: `row ${where}${shown ? ` with ${shown}` : ''}`, found: `no row ${where}` };
    const differing = wanted.filter(([column, value]) => canonical(Object.hasOwn(row.values, column) ? row.values[column] : undefined) !== canonical(value));
    return {
      kind: 'row', pass: differing.length === 0, expected: `row ${where}${shown ? ` with ${shown}` : ''}`,
      found: differing.length === 0 ? 'as expected'
        : differing.map(([column]) => `column ${column} of ${where} is ${show(Object.hasOwn(row.values, column) ? row.values[column] : undefined)}`).join('; '),
    };
  });
}

/** Each expected kind appears at least once; no broken entry of another kind (allowed kinds aside). */
export function judgeAnomalies(
  expect: readonly ScenarioAnomalyKind[], allow: readonly ScenarioAnomalyKind[], entries: readonly ReportEntry[],
): ExpectationVerdict[] {
  const verdicts: ExpectationVerdict[] = expect.map((kind) => {
    const found = entries.filter((e) => e.kind === kind);
    return {
      kind: 'anomaly', pass: found.length > 0, expected: `at least one '${kind}' anomaly`,
      found: found.length > 0 ? `${found.length}: ${found[0]?.message ?? ''}` : `no '${kind}' anomaly`,
    };
  });
  const permitted = new Set<string>([...expect, ...allow]);
  const broken = entries.filter((e) => (e.severity === 'broken' || e.severity === 'allowed') && !permitted.has(e.kind));
  const byKind = new Map<string, ReportEntry[]>();
  for (const e of broken) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  const except = permitted.size > 0 ? ` (besides ${[...permitted].join(', ')})` : '';
  verdicts.push({
    kind: 'invariants', pass: broken.length === 0, expected: `no broken invariant${except}`,
    found: broken.length === 0 ? 'none'
      : [...byKind].map(([kind, list]) => `'${kind}' ×${list.length}: ${list[0]?.message ?? ''}`).join('; '),
  });
  return verdicts;
}
