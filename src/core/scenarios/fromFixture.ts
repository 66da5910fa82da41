/**
 * Run fixtures (the Export menu's given/when/then, `event-flow-designer/fixture`) back into a
 * scenario: the commands by producer and command name, the run's settings as the when, the
 * projection rows (clock columns left out) and the broken anomaly kinds as the then. Pure.
 */
import { INFORMATIONAL_KINDS, mergeSettings, defaultRunSettings, type AnomalyKind, type SettingsPatch } from '../engine';
import { getOwn, SCENARIO_ANOMALY_KINDS, type ExpectedRow, type FlowDocument, type Scenario, type ScenarioAnomalyKind, type ScenarioCommand } from '../model';
import { whenFromSettings } from './fromRun';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const KINDS: ReadonlySet<string> = new Set(SCENARIO_ANOMALY_KINDS);

export type FixtureResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

export function scenarioFromFixture(fixture: unknown, flow: FlowDocument, id: string, name: string): FixtureResult {
  if (!isObject(fixture) || fixture.format !== 'event-flow-designer/fixture') {
    return { ok: false, errors: ['/format: not a run fixture (expected "event-flow-designer/fixture" from Export → Run fixtures)'] };
  }
  const errors: string[] = [];
  const given = isObject(fixture.given) && Array.isArray(fixture.given.commands) ? fixture.given.commands : [];
  const commands: ScenarioCommand[] = [];
  given.forEach((c: unknown, i) => {
    const producer = isObject(c) ? flow.producers.find((p) => p.name === c.producer) : undefined;
    const command = isObject(c) ? producer?.commands.find((k) => k.name === c.command) : undefined;
    if (!isObject(c) || !producer || !command) {
      errors.push(`/given/commands/${i}: no command ${isObject(c) ? `${String(c.command)} on producer ${String(c.producer)}` : ''} in this design`);
      return;
    }
    commands.push({ producerId: producer.id, commandId: command.id, ...(isObject(c.payload) ? { input: structuredClone(c.payload) } : {}), count: 1 });
  });
  const then = isObject(fixture.then) ? fixture.then : {};
  const rows: ExpectedRow[] = [];
  const projections = isObject(then.projections) ? then.projections : {};
  for (const [projectionName, list] of Object.entries(projections)) {
    const projection = flow.projections.find((p) => p.name === projectionName);
    if (!projection) {
      errors.push(`/then/projections/${projectionName}: no projection with this name in the design`);
      continue;
    }
    const clock = new Set(projection.columns.filter((c) => c.type === 'date-time').map((c) => c.name));
    for (const values of Array.isArray(list) ? list : []) {
      if (!isObject(values) || !Object.hasOwn(values, projection.key)) continue;
      const kept = Object.fromEntries(Object.entries(values).filter(([column]) => !clock.has(column)));
      rows.push({ projectionId: projection.id, key: String(getOwn(values, projection.key)), values: kept });
    }
  }
  const kinds = new Set<ScenarioAnomalyKind>();
  for (const a of Array.isArray(then.anomalies) ? then.anomalies : []) {
    if (isObject(a) && typeof a.kind === 'string' && KINDS.has(a.kind) && !INFORMATIONAL_KINDS.has(a.kind as AnomalyKind)) kinds.add(a.kind as ScenarioAnomalyKind);
  }
  if (errors.length > 0) return { ok: false, errors };
  const settings = mergeSettings(defaultRunSettings(typeof fixture.seed === 'number' ? fixture.seed : 1), (isObject(fixture.settings) ? fixture.settings : {}) as SettingsPatch);
  return { ok: true, scenario: { id, name, given: { commands }, when: whenFromSettings(settings), then: { rows, expectAnomalies: [...kinds].sort(), allowAnomalies: [] } } };
}
