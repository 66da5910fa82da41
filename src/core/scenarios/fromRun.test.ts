import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemorySimulationStore, createSimulationEngine, type CommandRecord, type ProjectionRowRecord } from '../engine';
import type { RunSnapshot } from '../exporters';
import { restoreFlowDocument, restoreScenario, type FlowDocument } from '../model';
import { addScenario, deleteScenario, freshScenarioId, freshScenarioName, renameScenario } from './edits';
import { toGivenWhenThen } from '../exporters';
import { scenarioFromFixture } from './fromFixture';
import { scenarioFromRun } from './fromRun';
import { runScenario } from './runScenario';

function example(): FlowDocument {
  const restored = restoreFlowDocument(JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')));
  if (!restored.ok) throw new Error(JSON.stringify(restored.errors));
  return restored.doc;
}

/** A run driven by hand (commands fired at different steps), read back as the app's export reads it. */
async function handRun(flow: FlowDocument, settings: Parameters<ReturnType<typeof createSimulationEngine>['startRun']>[1]) {
  const store = createMemorySimulationStore();
  const engine = createSimulationEngine(store);
  await engine.startRun(flow, settings);
  await engine.fireMany(flow.id, { producerId: 'content-ingest', commandId: 'ingest-video', count: 3 });
  await engine.runSteps(flow.id, 7);
  await engine.fireMany(flow.id, { count: 4 });
  await engine.runUntilQuiet(flow.id);
  await engine.report(flow.id);
  const snapshot = await store.transaction('r', ['runs', 'commands', 'projectionRows', 'anomalies'], async (tx) => ({
    run: (await tx.get('runs', flow.id))!,
    commands: await tx.query('commands', ':id', { prefix: [flow.id] }) as CommandRecord[],
    projectionRows: await tx.query('projectionRows', ':id', { prefix: [flow.id] }) as ProjectionRowRecord[],
    events: [], trace: [],
    anomalies: await tx.query('anomalies', ':id', { prefix: [flow.id] }),
  } as RunSnapshot));
  return snapshot;
}

describe('scenarioFromRun', () => {
  it('given a run fired by hand at different steps, when saved as a scenario and run again, then it passes (clock columns left out)', async () => {
    const flow = example();
    const snapshot = await handRun(flow, { seed: 11, faults: { duplicateDelivery: 0.3 } });
    const scenario = scenarioFromRun(snapshot, 's-1', 'Saved run');
    expect(scenario.given.commands).toHaveLength(7);
    expect(scenario.when).toEqual({ seed: 11, faults: { duplicateDelivery: 0.3 } });
    expect(scenario.then.rows.length).toBe(snapshot.projectionRows.length);
    expect(scenario.then.rows.some((r) => r.values && Object.hasOwn(r.values, 'updatedAt'))).toBe(false);
    expect(restoreScenario(scenario)).toEqual({ ok: true, scenario });
    const verdict = await runScenario(createSimulationEngine(createMemorySimulationStore()), flow, scenario);
    expect(verdict.expectations.filter((e) => !e.pass)).toEqual([]);
  });

  it('given a run with the inbox off under duplicates, when saved, then the duplicate is expected; with the inbox back on, the saved scenario fails', async () => {
    const flow = example();
    const snapshot = await handRun(flow, { seed: 4, faults: { duplicateDelivery: 1 }, patterns: { inbox: { 'follow-center': false } } });
    const scenario = scenarioFromRun(snapshot, 's-1', 'Saved run');
    expect(scenario.then.expectAnomalies).toContain('duplicate');
    const engine = createSimulationEngine(createMemorySimulationStore());
    expect((await runScenario(engine, flow, scenario)).pass).toBe(true);
    const fixed = await runScenario(engine, flow, { ...scenario, when: { ...scenario.when, patterns: {} } });
    expect(fixed.pass).toBe(false);
    expect(fixed.expectations.filter((e) => !e.pass).map((e) => e.kind)).toContain('anomaly');
  });
});

describe('scenario edits', () => {
  it('add, rename, delete; a fresh id skips the taken ones; a duplicate id is refused', () => {
    const flow = example();
    const id = freshScenarioId(flow);
    const s = { id, name: 'New', given: { commands: [] }, when: { seed: 1 }, then: { rows: [], expectAnomalies: [], allowAnomalies: [] } };
    const added = addScenario(flow, s);
    expect(added.scenarios?.map((x) => x.id)).toEqual([...(flow.scenarios ?? []).map((x) => x.id), id]);
    expect(() => addScenario(added, s)).toThrow(/exists already/);
    expect(freshScenarioId(added)).not.toBe(id);
    expect(renameScenario(added, id, 'Renamed').scenarios?.at(-1)?.name).toBe('Renamed');
    expect(deleteScenario(added, id).scenarios).toEqual(flow.scenarios);
    expect(flow.scenarios?.length).toBe(3);
  });

  it('fresh names: numbered, or the base then (2)', () => {
    const flow = example();
    expect(freshScenarioName(flow, 'Saved run')).toBe('Saved run 4');
    expect(freshScenarioName(flow, 'Workload of 40', false)).toBe('Workload of 40');
    const one = addScenario(flow, { id: 'w', name: 'Workload of 40', given: { commands: [] }, when: { seed: 1 }, then: { rows: [], expectAnomalies: [], allowAnomalies: [] } });
    expect(freshScenarioName(one, 'Workload of 40', false)).toBe('Workload of 40 (2)');
  });

  it('restoreScenario refuses a broken scenario with pointers inside it', () => {
    expect(restoreScenario({ id: 'x', name: 'x', when: { seed: 'one' } })).toEqual({ ok: false, errors: [{ path: '/when/seed', message: 'seed: expected a whole number, found the text "one"' }] });
  });
});

describe('scenarioFromFixture (the Export menu\'s run fixtures back as a scenario)', () => {
  it('given the fixture of a run, when turned into a scenario, then it equals the scenario saved from the run and passes', async () => {
    const flow = example();
    const snapshot = await handRun(flow, { seed: 4, faults: { duplicateDelivery: 1 }, patterns: { inbox: { 'follow-center': false } } });
    const fixture = JSON.parse(JSON.stringify(toGivenWhenThen({ ...snapshot, events: [], trace: [] })));
    const fromFixture = scenarioFromFixture(fixture, flow, 's-1', 'Saved run');
    expect(fromFixture).toEqual({ ok: true, scenario: scenarioFromRun(snapshot, 's-1', 'Saved run') });
    if (!fromFixture.ok) return;
    expect((await runScenario(createSimulationEngine(createMemorySimulationStore()), flow, fromFixture.scenario)).pass).toBe(true);
  });

  it('given a fixture naming a command the design does not have, or no fixture at all, then it says what and where', () => {
    const flow = example();
    expect(scenarioFromFixture({ format: 'event-flow-designer/trace' }, flow, 'x', 'x')).toEqual({ ok: false, errors: [expect.stringMatching(/^\/format: not a run fixture/)] });
    const bad = scenarioFromFixture({ format: 'event-flow-designer/fixture', given: { commands: [{ producer: 'content-ingest', command: 'Teleport' }] } }, flow, 'x', 'x');
    expect(bad).toEqual({ ok: false, errors: ['/given/commands/0: no command Teleport on producer content-ingest in this design'] });
  });
});
