/**
 * Prefetch per instance (issue 13, `Consumer.prefetch`): an instance holds up to `prefetch`
 * unacknowledged deliveries and works on them one at a time, in the order taken. Partitioned: an
 * unacknowledged message still blocks its partition (as the runner's JetStream durable per
 * partition with max_ack_pending 1), so the prefetched messages are of different partitions.
 * Competing: any `prefetch` messages. A kill returns every held delivery after the ack timeout.
 */
import { describe, expect, it } from 'vitest';
import { createSimulationEngine } from './engine';
import { heldDeliveries } from './instances';
import { createMemorySimulationStore } from './memoryStore';
import type { EngineMutants } from './mutants';
import type { SettingsPatch } from './settings';
import { tallyFlow, type TallyOptions } from './testing/scaleFlows';

const ORDERS = 24;

async function started(options: TallyOptions, settings: SettingsPatch = {}, mutants: EngineMutants = {}, customers = 6) {
  const store = createMemorySimulationStore();
  const engine = createSimulationEngine(store, { mutants });
  const flow = tallyFlow(options);
  await engine.startRun(flow, { seed: 4, ackTimeoutSteps: 60, ...settings });
  for (let i = 0; i < ORDERS; i++) await engine.fire(flow.id, { producerId: 'shop', commandId: 'place', payload: { orderId: `o-${i}`, customer: `c-${i % customers}` } });
  const trace = () => store.transaction('r', ['trace'], (tx) => tx.query('trace', ':id', { prefix: [flow.id] }));
  return { engine, flow, store, trace };
}

/** Steps the run to quiet one step at a time; after each step: the most deliveries one instance held, and whether two in-flight deliveries ever shared a partition. */
async function observe(options: TallyOptions, mutants: EngineMutants = {}) {
  const { engine, flow, store } = await started(options, {}, mutants, 3);
  let most = 0;
  let samePartition = false;
  for (let i = 0; i < 5_000; i++) {
    const row = await engine.step(flow.id);
    if (!row) break;
    const run = await engine.getRun(flow.id);
    for (const p of run?.processes ?? []) most = Math.max(most, heldDeliveries(p).length);
    const inFlight = await store.transaction('r', ['deliveries'], (tx) => tx.query('deliveries', '[runId+consumerId+status+order]', { prefix: [flow.id, 'tally', 'in-flight'] }));
    const partitions = inFlight.map((d) => d.partition);
    if (new Set(partitions).size < partitions.length) samePartition = true;
  }
  const rows = (await engine.checkInput(flow.id)).tables.projectionRows;
  return { most, samePartition, orders: rows.reduce((n, r) => n + Number(r.values.orders ?? 0), 0), report: await engine.report(flow.id) };
}

describe('prefetch per instance (issue 13)', () => {
  it('given prefetch 3 on two competing instances, when orders run, then an instance holds up to 3 unacknowledged deliveries (never more), works them off in order and counts every order once with the lock', async () => {
    const { engine, flow, trace } = await started({ instances: 2, mode: { kind: 'competing' }, prefetch: 3, concurrency: 'lock' });
    const result = await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
    expect(result.quiet).toBe(true);
    const rows = await trace();
    expect(rows.some((t) => t.kind === 'deliver' && /\(prefetched: it holds 3 unacknowledged\)/.test(t.text))).toBe(true);
    expect(rows.some((t) => /it holds [4-9] unacknowledged/.test(t.text))).toBe(false);
    const input = await engine.checkInput(flow.id);
    expect(input.tables.projectionRows.reduce((n, r) => n + Number(r.values.orders ?? 0), 0)).toBe(ORDERS);
    expect((await engine.report(flow.id)).broken).toBe(0);
  });

  it('given prefetch 4 and partitioned delivery, then an instance holds messages of several partitions at once but never two of one partition (an unacknowledged message blocks its partition); the blocking mutant breaks that', async () => {
    const options: TallyOptions = { instances: 2, mode: { kind: 'partitioned', partitions: 8, key: '/customer' }, prefetch: 4, concurrency: 'single-writer' };
    const correct = await observe(options);
    expect(correct.most).toBeGreaterThan(1);
    expect(correct.most).toBeLessThanOrEqual(4);
    expect(correct.samePartition).toBe(false);
    expect(correct.orders).toBe(ORDERS);
    expect(correct.report.broken).toBe(0);
    const mutant = await observe(options, { partitionNotBlocked: true });
    expect(mutant.samePartition).toBe(true);
  });

  it('given prefetch 3, when an instance holding several deliveries is killed, then the kill names all of them, they come back after the ack timeout and every order is counted once', async () => {
    const { engine, flow, trace } = await started({ instances: 3, mode: { kind: 'competing' }, prefetch: 3, concurrency: 'optimistic' }, { ackTimeoutSteps: 40, faults: { instanceDownSteps: 30 } });
    let victim: string | undefined;
    for (let i = 0; i < 400 && !victim; i++) {
      await engine.step(flow.id);
      victim = (await engine.getRun(flow.id))?.processes.find((p) => heldDeliveries(p).length >= 2)?.id;
    }
    expect(victim).toBeDefined();
    const killed = await engine.killInstance(flow.id, victim as string);
    expect(killed.text).toMatch(/deliveries #\d+(, #\d+)+ stay unacknowledged at the broker until their ack deadline/);
    const run = await engine.getRun(flow.id);
    expect(heldDeliveries(run?.processes.find((p) => p.id === victim) ?? {})).toEqual([]);
    const result = await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
    expect(result.quiet).toBe(true);
    expect((await trace()).filter((t) => t.kind === 'redeliver').length).toBeGreaterThanOrEqual(2);
    const input = await engine.checkInput(flow.id);
    expect(input.tables.projectionRows.reduce((n, r) => n + Number(r.values.orders ?? 0), 0)).toBe(ORDERS);
    expect((await engine.report(flow.id)).broken).toBe(0);
  });

  it('given prefetch 1 set explicitly, then the run is the one without a prefetch (same trace for the seed)', async () => {
    const texts = async (prefetch?: number) => {
      const { engine, flow, trace } = await started({ instances: 3, mode: { kind: 'competing' }, ...(prefetch ? { prefetch } : {}) }, { faults: { killInstance: 0.02 } });
      await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
      return (await trace()).map((t) => t.text);
    };
    expect(await texts(1)).toEqual(await texts());
  });
});
