/**
 * Issue 13: two instances racing on one projection row. Without a concurrency control an update is
 * lost for real and the checker finds it from the change log; with optimistic concurrency or the
 * row lock nothing is lost, and the retries or the waits are in the trace.
 */
import { describe, expect, it } from 'vitest';
import { createSimulationEngine } from './engine';
import { createMemorySimulationStore } from './memoryStore';
import type { EngineMutants } from './mutants';
import type { SettingsPatch } from './settings';
import { tallyFlow, type TallyOptions } from './testing/scaleFlows';

const ORDERS = 24;

/** Places ORDERS orders of `customers` customers (one: every order writes the same row), runs until quiet; returns the report, the orders counted and the run. */
async function race(options: TallyOptions, settings: SettingsPatch = {}, mutants: EngineMutants = {}, customers = 1) {
  const store = createMemorySimulationStore();
  const engine = createSimulationEngine(store, { mutants });
  const flow = tallyFlow(options);
  await engine.startRun(flow, { seed: 5, ackTimeoutSteps: 60, ...settings });
  for (let i = 0; i < ORDERS; i++) {
    await engine.fire(flow.id, { producerId: 'shop', commandId: 'place', payload: { orderId: `o-${i}`, customer: `c-${i % customers}` } });
  }
  const result = await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
  const input = await engine.checkInput(flow.id);
  const rows = input.tables.projectionRows.filter((r) => r.projectionId === 'customers');
  const orders = rows.reduce((sum, r) => sum + Number(r.values.orders ?? 0), 0);
  const run = await engine.getRun(flow.id);
  const trace = await store.transaction('r', ['trace'], (tx) => tx.query('trace', ':id', { prefix: [flow.id] }));
  return { result, report: await engine.report(flow.id), orders, input, run, trace };
}

const brokenKinds = (report: { entries: { kind: string; severity: string }[] }) => new Set(report.entries.filter((e) => e.severity === 'broken').map((e) => e.kind));

describe('two instances racing on one projection row (issue 13)', () => {
  it('given competing delivery and no concurrency control, when two instances handle orders of one customer, then updates are lost and the checker reports lost-update at tally', async () => {
    const { result, report, orders } = await race({ instances: 2, mode: { kind: 'competing' } });
    expect(result.quiet).toBe(true);
    expect(orders).toBeLessThan(ORDERS);
    expect(report.ok).toBe(false);
    const lost = report.entries.filter((e) => e.kind === 'lost-update');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((e) => e.rootCause.nodeId === 'tally')).toBe(true);
    expect(lost[0]?.message).toMatch(/customers\[c-0\]: tally applied .* but tally had meanwhile written .*: that update is lost/);
  });

  it.each([
    ['optimistic', 'occ-conflict'],
    ['lock', 'lock-wait'],
  ] as const)('given %s concurrency, when the same orders race, then nothing is lost, every invariant holds, and the trace shows the %s steps', async (concurrency, phase) => {
    const { result, report, orders, run, trace } = await race({ instances: 2, mode: { kind: 'competing' }, concurrency }, {}, {}, 1);
    expect(result.quiet).toBe(true);
    expect(orders).toBe(ORDERS);
    expect(report.entries.filter((e) => e.severity === 'broken')).toEqual([]);
    const counted = concurrency === 'optimistic' ? run?.stats.conflicts?.tally : run?.stats.lockWaits?.tally;
    expect(counted ?? 0).toBeGreaterThan(0);
    expect(trace.filter((t) => t.phase === phase).length).toBeGreaterThan(0);
  });

  it('given single-writer with partitions keyed by the customer, when the orders run, then each customer row has one writer and nothing is lost', async () => {
    const { result, report, orders } = await race({ instances: 3, mode: { kind: 'partitioned', partitions: 4, key: '/customer' }, concurrency: 'single-writer' }, {}, {}, 3);
    expect(result.quiet).toBe(true);
    expect(orders).toBe(ORDERS);
    expect(brokenKinds(report)).toEqual(new Set());
  });

  it('given the same seed twice, then the race runs identically (deterministic)', async () => {
    const a = await race({ instances: 3, mode: { kind: 'competing' } }, { faults: { killInstance: 0.02 } });
    const b = await race({ instances: 3, mode: { kind: 'competing' } }, { faults: { killInstance: 0.02 } });
    expect(a.result.steps).toBe(b.result.steps);
    expect(a.input.tables.handlings).toEqual(b.input.tables.handlings);
    expect(a.report.entries.map((e) => e.id)).toEqual(b.report.entries.map((e) => e.id));
  });

  it('given one instance, when the run is told to scale tally to 3 mid-run and back to 1, then instances are added and removed one step at a time with a rebalance each, and every order is counted once', async () => {
    const store = createMemorySimulationStore();
    const engine = createSimulationEngine(store);
    const flow = tallyFlow({ instances: 1, mode: { kind: 'partitioned', partitions: 4, key: '/customer' }, concurrency: 'single-writer' });
    await engine.startRun(flow, { seed: 3, ackTimeoutSteps: 40 });
    for (let i = 0; i < ORDERS; i++) await engine.fire(flow.id, { producerId: 'shop', commandId: 'place', payload: { orderId: `o-${i}`, customer: `c-${i % 4}` } });
    await engine.runSteps(flow.id, 20);
    await engine.updateSettings(flow.id, { instances: { tally: 3 } });
    await engine.runSteps(flow.id, 60);
    await engine.updateSettings(flow.id, { instances: { tally: 1 } });
    const result = await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
    expect(result.quiet).toBe(true);
    const trace = await store.transaction('r', ['trace'], (tx) => tx.query('trace', ':id', { prefix: [flow.id] }));
    const scaling = trace.filter((t) => t.phase === 'instance-added' || t.phase === 'instance-removed').map((t) => t.text);
    expect(scaling[0]).toMatch(/^tally#2 added \(2 of 3 instances\); rebalance of tally: partition 2 → tally#2, partition 3 → tally#2$/);
    expect(scaling[1]).toMatch(/^tally#3 added \(3 of 3 instances\); rebalance of tally: /);
    expect(scaling.slice(2).map((t) => t.split(' ')[0])).toEqual(['tally#3', 'tally#2']);
    expect(scaling[3]).toMatch(/removed \(1 of 1 instances\)/);
    const input = await engine.checkInput(flow.id);
    expect(input.tables.projectionRows.reduce((sum, r) => sum + Number(r.values.orders ?? 0), 0)).toBe(ORDERS);
    expect(trace.some((t) => t.kind === 'handle' && t.text.startsWith('tally#2 applied'))).toBe(true);
    expect((await engine.report(flow.id)).ok).toBe(true);
  });
});
