import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemorySimulationStore, createSimulationEngine, type AnomalyKind, type EngineMutants } from '../engine';
import { restoreFlowDocument, type FlowDocument, type Scenario, type ScenarioAnomalyKind } from '../model';
import { runScenario } from './runScenario';

function example(): FlowDocument {
  const restored = restoreFlowDocument(JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')));
  if (!restored.ok) throw new Error(JSON.stringify(restored.errors));
  return restored.doc;
}
const scenario = (flow: FlowDocument, id: string): Scenario => {
  const found = flow.scenarios?.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return structuredClone(found);
};
const run = (flow: FlowDocument, s: Scenario, mutants: EngineMutants = {}) =>
  runScenario(createSimulationEngine(createMemorySimulationStore(), { mutants }), flow, s);
const failed = (v: Awaited<ReturnType<typeof run>>) => v.expectations.filter((e) => !e.pass);

// The two lists must stay equal: the document's kinds are the checker's kinds.
const sameKinds: [AnomalyKind, ScenarioAnomalyKind] extends [ScenarioAnomalyKind, AnomalyKind] ? true : false = true;

describe('runScenario on the built-in example', () => {
  it('the model lists the checker\'s anomaly kinds', () => expect(sameKinds).toBe(true));

  it.each(example().scenarios?.map((s) => [s.name, s.id]) ?? [])('given the example scenario "%s", when run, then every expectation passes', async (_name, id) => {
    const flow = example();
    const verdict = await run(flow, scenario(flow, id));
    expect(failed(verdict)).toEqual([]);
    expect(verdict.pass).toBe(true);
    expect(verdict.expectations.length).toBeGreaterThan(2);
  });

  it('given the same scenario twice, when run, then the verdicts are identical (seeded)', async () => {
    const flow = example();
    const a = await run(flow, scenario(flow, 'status-change-after-ingest'));
    const b = await run(flow, scenario(flow, 'status-change-after-ingest'));
    expect(b).toEqual(a);
  });
});

describe('runScenario: a broken expectation says which row, column or kind', () => {
  it('given an expected count of 2 notifications, when run, then the row verdict fails naming the projection, the key and the column', async () => {
    const flow = example();
    const s = scenario(flow, 'duplicate-delivery-counted-once');
    s.then.rows[0] = { projectionId: 'notifications', key: 'alice', values: { notificationsSent: 2 } };
    const verdict = await run(flow, s);
    expect(verdict.pass).toBe(false);
    expect(failed(verdict)).toEqual([{ kind: 'row', pass: false, expected: "row notifications['alice'] with notificationsSent = 2", found: "column notificationsSent of notifications['alice'] is 1" }]);
  });

  it('given a row expected under a key nobody wrote, when run, then the verdict says there is no such row', async () => {
    const flow = example();
    const s = scenario(flow, 'duplicate-delivery-counted-once');
    s.then.rows = [{ projectionId: 'notifications', key: 'carol', values: { notificationsSent: 1 } }];
    expect(failed(await run(flow, s))).toEqual([expect.objectContaining({ kind: 'row', found: "no row notifications['carol']" })]);
  });

  it('given the inbox switched off in the when, when run, then the count and the invariants fail with the duplicate', async () => {
    const flow = example();
    const s = scenario(flow, 'duplicate-delivery-counted-once');
    s.when.patterns = { inbox: { 'follow-center': false } };
    const bad = failed(await run(flow, s));
    expect(bad.map((e) => e.kind)).toEqual(['row', 'invariants']);
    expect(bad[0]?.found).toMatch(/^column notificationsSent of notifications\['alice'\] is [2-9]/);
    expect(bad[1]?.found).toMatch(/'duplicate' ×1: AuthorVideoAddedEvent .* applied (\d times|twice) by follow-center/);
  });

  it('given an expected lost event and the outbox on, when run, then the anomaly verdict says none was found', async () => {
    const flow = example();
    const s = scenario(flow, 'dual-write-crash-loses-event');
    s.when.patterns = {};
    const bad = failed(await run(flow, s));
    expect(bad).toContainEqual({ kind: 'anomaly', pass: false, expected: "at least one 'lost' anomaly", found: "no 'lost' anomaly" });
  });

  it('given a wrong count, when run, then the count verdict names the table', async () => {
    const flow = example();
    const s = scenario(flow, 'dual-write-crash-loses-event');
    s.then.counts = [{ table: 'events', equals: 2 }];
    expect(failed(await run(flow, s))).toEqual([{ kind: 'count', pass: false, expected: 'events: 2 rows', found: '1 row' }]);
  });

  it('given a command the design no longer has, when run, then the given fails and names it', async () => {
    const flow = example();
    const s = scenario(flow, 'duplicate-delivery-counted-once');
    s.given.commands[0] = { producerId: 'content-ingest', commandId: 'gone', count: 1 };
    const verdict = await run(flow, s);
    expect(verdict.expectations).toEqual([{ kind: 'given', pass: false, expected: 'the given commands exist in the design', found: 'no command content-ingest/gone' }]);
  });

  it('given a run that cannot settle in its step limit, when run, then the settled verdict fails', async () => {
    const flow = example();
    const s = scenario(flow, 'status-change-after-ingest');
    s.when.maxSteps = 3;
    expect(failed(await run(flow, s))[0]).toMatchObject({ kind: 'settled', pass: false });
  });

  it('given a scenario with a workload mix of 20 ingests, when run, then 20 commands are fired and 40 events committed (each ingest makes the author service emit one)', async () => {
    const flow = example();
    const s = scenario(flow, 'status-change-after-ingest');
    s.given = { commands: [], workload: { count: 20, mix: [{ producerId: 'content-ingest', commandId: 'ingest-video', weight: 1 }] } };
    s.then = { rows: [], expectAnomalies: [], allowAnomalies: [], counts: [{ table: 'commands', equals: 20 }, { table: 'events', equals: 40 }] };
    const verdict = await run(flow, s);
    expect(failed(verdict)).toEqual([]);
  });
});

describe('runScenario: engine bugs make passing scenarios fail (mutants)', () => {
  const cases: [keyof EngineMutants, string][] = [
    ['skipInboxCheck', 'duplicate-delivery-counted-once'],
    ['atMostOnceRelay', 'status-change-after-ingest'],
  ];
  it.each(cases)('given the engine mutant %s, when the scenario %s runs, then it fails', async (mutant, id) => {
    const flow = example();
    const s = scenario(flow, id);
    expect((await run(flow, s)).pass).toBe(true);
    const verdict = await run(flow, s, { [mutant]: true });
    expect(verdict.pass).toBe(false);
    expect(failed(verdict).length).toBeGreaterThan(0);
  });
});
