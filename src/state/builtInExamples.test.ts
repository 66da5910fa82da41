/**
 * The built-in examples are valid designs; the order fulfilment example (issue 13) shows its point
 * headless: updates are lost with the remedies off, and none with them on.
 */
import { describe, expect, it } from 'vitest';
import { createMemorySimulationStore, createSimulationEngine, restoreFlowDocument, validateFlow, type EngineMutants, type FlowDocument, type Scenario } from '../core';
import { runScenario } from '../core/scenarios';
import contentPlatform from '../../public/examples/content-platform.json';
import orderFulfilment from '../../public/examples/order-fulfilment.json';
import { BUILT_IN_EXAMPLES } from './exampleDesign';

function restored(json: unknown): FlowDocument {
  const result = restoreFlowDocument(json);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path} ${e.message}`).join('; '));
  return result.doc;
}

/** Runs `commands` generated commands until quiet; the report's broken kinds and the run. */
async function runHeadless(doc: FlowDocument, commands = 60, seed = 1) {
  const engine = createSimulationEngine(createMemorySimulationStore());
  await engine.startRun(doc, { seed });
  await engine.fireMany(doc.id, { count: commands });
  const result = await engine.runUntilQuiet(doc.id, { maxSteps: 50_000 });
  const report = await engine.report(doc.id);
  const broken = new Set(report.entries.filter((e) => e.severity === 'broken').map((e) => e.kind));
  return { result, report, broken, run: result.run };
}

/** The example with customer-stats guarded (`lock` or `optimistic`) and its cache on leases. */
function withRemedies(doc: FlowDocument, control: 'lock' | 'optimistic'): FlowDocument {
  const copy = structuredClone(doc);
  const stats = copy.projections.find((p) => p.id === 'customer-stats');
  if (!stats) throw new Error('customer-stats is gone from the example');
  stats.concurrency = control;
  stats.cache = { leases: true };
  return copy;
}

describe('built-in examples', () => {
  it('given every example the designs menu offers, then each restores and has no error problem', () => {
    const files = new Map<string, unknown>([['content-platform.json', contentPlatform], ['order-fulfilment.json', orderFulfilment]]);
    expect(BUILT_IN_EXAMPLES.map((e) => e.file)).toEqual([...files.keys()]);
    for (const json of files.values()) {
      expect(validateFlow(restored(json)).filter((p) => p.severity === 'error')).toEqual([]);
    }
  });

  it('given the order example as shipped (three tracker instances on 8 partitions, customer-stats written by two consumers, no concurrency control), when 60 orders run, then updates are lost within the first few hundred steps', async () => {
    const doc = restored(orderFulfilment);
    const tracker = doc.consumers.find((c) => c.id === 'order-tracker');
    expect(tracker?.instances).toBe(3);
    expect(tracker?.handlers[0]?.delivery).toEqual({ kind: 'partitioned', partitions: 8 });
    const { result, broken, report } = await runHeadless(doc);
    expect(result.quiet).toBe(true);
    expect(broken.has('lost-update')).toBe(true);
    const first = report.entries.find((e) => e.kind === 'lost-update');
    expect(first?.message).toMatch(/customer-stats\[(ada|bob|cyd)\]/);
    // "within the first minute": at the default 100 ms per step, the first lost update is before step 600.
    expect(first?.at ?? Infinity).toBeLessThan(600);
  });

  it.each(['lock', 'optimistic'] as const)('given the order example with customer-stats on %s and cache leases, when the same orders run (and with instance kills), then every invariant holds', async (control) => {
    const doc = withRemedies(restored(orderFulfilment), control);
    for (const seed of [1, 2, 3]) {
      const { result, broken } = await runHeadless(doc, 60, seed);
      expect(result.quiet).toBe(true);
      expect([...broken]).toEqual([]);
    }
    const engine = createSimulationEngine(createMemorySimulationStore());
    await engine.startRun(doc, { seed: 4, faults: { killInstance: 0.02 } });
    await engine.fireMany(doc.id, { count: 60 });
    const killed = await engine.runUntilQuiet(doc.id, { maxSteps: 50_000 });
    expect(killed.run.stats.instanceKills?.['order-tracker'] ?? 0).toBeGreaterThan(0);
    expect((await engine.report(doc.id)).broken).toBe(0);
  });

  describe('the order example\'s scenarios (issue 13: its point in the first minute)', () => {
    const doc = restored(orderFulfilment);
    const scenario = (id: string): Scenario => {
      const found = doc.scenarios?.find((s) => s.id === id);
      if (!found) throw new Error(`the example has no scenario ${id}`);
      return found;
    };
    const run = async (s: Scenario, mutants: EngineMutants = {}) => {
      const engine = createSimulationEngine(createMemorySimulationStore(), { mutants });
      const verdict = await runScenario(engine, doc, s);
      return { verdict, run: await engine.getRun(doc.id) };
    };

    it('given the example as shipped, then it has the five scenarios and each passes headless', async () => {
      expect(doc.scenarios?.map((s) => s.id)).toEqual([
        'lost-updates-without-control', 'lock-keeps-every-update', 'optimistic-concurrency-retries', 'stale-cache-without-leases', 'cache-leases-refuse-stale-fill',
      ]);
      for (const s of doc.scenarios ?? []) {
        const { verdict } = await run(s);
        expect({ id: s.id, failed: verdict.expectations.filter((e) => !e.pass) }).toEqual({ id: s.id, failed: [] });
      }
    });

    it('given the lost-updates scenario, then the first lost update comes within the first minute (step < 600 at 100 ms a step)', async () => {
      const { verdict } = await run(scenario('lost-updates-without-control'));
      const first = verdict.report?.entries.find((e) => e.kind === 'lost-update');
      expect(first?.at ?? Infinity).toBeLessThan(600);
    });

    it('given the remedy scenarios, then the trace shows the remedy at work: lock waits and instance kills, version conflicts, refused cache fills', async () => {
      const lock = await run(scenario('lock-keeps-every-update'));
      expect(lock.run?.stats.instanceKills?.['order-tracker'] ?? 0).toBeGreaterThan(0);
      expect(lock.run?.stats.lockWaits?.['order-tracker'] ?? 0).toBeGreaterThan(0);
      const optimistic = await run(scenario('optimistic-concurrency-retries'));
      expect(optimistic.run?.stats.conflicts?.['order-tracker'] ?? 0).toBeGreaterThan(0);
      const leases = await run(scenario('cache-leases-refuse-stale-fill'));
      expect(leases.run?.stats.cacheFillsRefused?.['customer-stats'] ?? 0).toBeGreaterThan(0);
    });

    it('given the stale-cache scenario over seeds 1–10, then the race leaves a stale entry in at least half of the runs without leases and in none with them', async () => {
      let stale = 0;
      for (let seed = 1; seed <= 10; seed++) {
        const without = scenario('stale-cache-without-leases');
        const { verdict } = await run({ ...without, when: { ...without.when, seed } });
        if (verdict.report?.entries.some((e) => e.kind === 'stale-cache')) stale += 1;
        const withLeases = scenario('cache-leases-refuse-stale-fill');
        const leased = await run({ ...withLeases, when: { ...withLeases.when, seed } });
        expect(leased.verdict.report?.entries.filter((e) => e.kind === 'stale-cache')).toEqual([]);
      }
      expect(stale).toBeGreaterThanOrEqual(5);
    });

    it.each([
      ['lock-keeps-every-update', 'lockLeaseNeverEnds'],
      ['optimistic-concurrency-retries', 'skipVersionCheck'],
      ['cache-leases-refuse-stale-fill', 'fillIgnoresLease'],
    ] as const)('given the %s scenario and the %s engine mutant, then the scenario fails', async (id, mutant) => {
      const { verdict } = await run(scenario(id), { [mutant]: true });
      expect(verdict.pass).toBe(false);
    });
  });
});
