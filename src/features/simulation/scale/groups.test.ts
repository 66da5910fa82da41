import { describe, expect, it } from 'vitest';
import { createMemorySimulationStore, createSimulationEngine, restoreFlowDocument, type FlowDocument, type LockRecord } from '../../../core';
import example from '../../../../public/examples/order-fulfilment.json';
import { consumerGroups, instanceLoads, lockState, partitionRows } from './groups';
import { instanceBadges } from '../overlay/instanceBadges';
import { inFlightText } from './InstancesPanel';

function orderExample(): FlowDocument {
  const restored = restoreFlowDocument(example);
  if (!restored.ok) throw new Error('the example does not restore');
  return restored.doc;
}

async function midRun() {
  const store = createMemorySimulationStore();
  const engine = createSimulationEngine(store);
  const flow = orderExample();
  await engine.startRun(flow, { seed: 1 });
  await engine.fireMany(flow.id, { count: 30 });
  await engine.runSteps(flow.id, 150);
  const deliveries = () => store.transaction('r', ['deliveries'], (tx) => tx.query('deliveries', '[runId+consumerId+seq]', { prefix: [flow.id, 'order-tracker'] }));
  return { engine, flow, deliveries };
}

describe('consumer groups, partitions and locks in run mode (issue 13)', () => {
  it('given the order example mid-run, then order-tracker is a group of 3 owning the 8 partitions between them, billing (one plain instance) is left out', async () => {
    const { engine, flow } = await midRun();
    const run = (await engine.getRun(flow.id))!;
    const groups = consumerGroups(run);
    expect(groups.map((g) => g.consumerId)).toEqual(['order-tracker']);
    const [tracker] = groups;
    expect(tracker?.instances.map((i) => i.name)).toEqual(['order-tracker#1', 'order-tracker#2', 'order-tracker#3']);
    expect(tracker?.instances.flatMap((i) => i.partitions.flatMap((p) => p.partitions)).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(tracker?.instances[0]?.partitions[0]).toEqual({ eventTypeId: 'order-placed', eventTypeName: 'OrderPlaced', partitions: [0, 3, 6] });
  });

  it('given the deliveries, then each partition counts its messages: end = acked + in flight + queued + dead, lag = end − acked − dead, and they add up to the deliveries', async () => {
    const { engine, flow, deliveries } = await midRun();
    const run = (await engine.getRun(flow.id))!;
    const rows = partitionRows(run, 'order-tracker', await deliveries());
    expect(rows).toHaveLength(8);
    const all = await deliveries();
    expect(rows.reduce((n, r) => n + r.end, 0)).toBe(all.length);
    expect(rows.reduce((n, r) => n + r.acked, 0)).toBe(all.filter((d) => d.status === 'acked').length);
    for (const r of rows) {
      expect(r.end).toBe(r.acked + r.inFlight + r.queued + r.dead);
      expect(r.lag).toBe(r.end - r.acked - r.dead);
      expect(r.owner).toMatch(/^order-tracker#[123]$/);
    }
    const inFlight = all.find((d) => d.status === 'in-flight' && d.instance !== undefined);
    expect(inFlight).toBeDefined();
    expect(rows.find((r) => r.partition === inFlight?.partition)?.heldBy).toMatch(/^order-tracker#[123]$/);
  });

  it('given an instance killed, then it shows down with no partitions, the others own all 8, its card badge says down', async () => {
    const { engine, flow } = await midRun();
    await engine.killInstance(flow.id, 'consumer:order-tracker#2');
    const run = (await engine.getRun(flow.id))!;
    const [tracker] = consumerGroups(run);
    const killed = tracker?.instances.find((i) => i.name === 'order-tracker#2');
    expect(killed?.downUntil).toBeGreaterThan(run.step);
    expect(killed?.partitions.flatMap((p) => p.partitions)).toEqual([]);
    expect(tracker?.kills).toBe(1);
    expect(partitionRows(run, 'order-tracker', []).map((r) => r.owner)).not.toContain('order-tracker#2');
    const badges = instanceBadges(run, 'order-tracker');
    expect(badges.map((b) => b.label)).toContain('#2 down');
    expect(badges.find((b) => b.label.startsWith('#1'))?.label).toMatch(/^#1 P[\d,]+/);
    expect(instanceBadges(run, 'billing')).toEqual([]);
  });

  it('given the deliveries after a kill, then each live instance carries the lag of the partitions it owns and its in-flight messages, and its card line says so', async () => {
    const { engine, flow, deliveries } = await midRun();
    await engine.killInstance(flow.id, 'consumer:order-tracker#2');
    await engine.fireMany(flow.id, { count: 12 });
    await engine.runSteps(flow.id, 20);
    const run = (await engine.getRun(flow.id))!;
    const all = await deliveries();
    const rows = partitionRows(run, 'order-tracker', all);
    const loads = instanceLoads(run, 'order-tracker', all);
    expect([...loads.keys()].sort()).toEqual(['consumer:order-tracker', 'consumer:order-tracker#2', 'consumer:order-tracker#3']);
    // Written apart: the lag of every partition an instance owns, summed; the killed one owns none.
    const [tracker] = consumerGroups(run);
    for (const instance of tracker!.instances) {
      const owned = new Set(instance.partitions.flatMap((p) => p.partitions));
      const lag = rows.filter((r) => owned.has(r.partition)).reduce((n, r) => n + r.lag, 0);
      expect(loads.get(instance.processId)?.lag).toBe(lag);
      const inFlight = all.filter((d) => d.status === 'in-flight' && d.instance === instance.processId).length;
      expect(loads.get(instance.processId)?.inFlight).toBe(Math.max(inFlight, run.processes.find((p) => p.id === instance.processId)?.consumer ? 1 : 0));
    }
    expect(loads.get('consumer:order-tracker#2')?.lag).toBe(0);
    const total = [...loads.values()].reduce((n, l) => n + l.lag, 0);
    expect(total).toBe(rows.reduce((n, r) => n + r.lag, 0));
    expect(total).toBeGreaterThan(0);
    const badges = instanceBadges(run, 'order-tracker', loads);
    expect(badges.every((b) => b.line)).toBe(true);
    const first = badges.find((b) => b.label.startsWith('#1'));
    expect(first?.label).toContain(`lag ${loads.get('consumer:order-tracker')?.lag}`);
    expect(badges.map((b) => b.label)).toContain('#2 down');
  });

  it('given a lock, then it is held while its holder lives and the lease runs, lease-ended past it, holder-dead once the holder is down or restarted', async () => {
    const { engine, flow } = await midRun();
    const run = (await engine.getRun(flow.id))!;
    const holder = run.processes.find((p) => p.id === 'consumer:order-tracker#3')!;
    const lock: LockRecord = {
      runId: flow.id, projectionId: 'customer-stats', key: 'ada', consumerId: 'order-tracker', holder: holder.id, holderName: 'order-tracker#3',
      incarnation: holder.incarnation, acquiredStep: run.step - 5, leaseUntil: run.step + 10, waits: 0,
    };
    expect(lockState(run, lock)).toBe('held');
    expect(lockState(run, { ...lock, leaseUntil: run.step - 1 })).toBe('lease-ended');
    expect(lockState(run, { ...lock, incarnation: holder.incarnation - 1 })).toBe('holder-dead');
    expect(lockState({ ...run, processes: run.processes.map((p) => (p.id === holder.id ? { ...p, downUntil: run.step + 50 } : p)) }, lock)).toBe('holder-dead');
    expect(lockState(run, { ...lock, holder: 'consumer:order-tracker#9' })).toBe('holder-dead');
  });

  it('given a competing group with prefetch 3, then each instance shows the deliveries it took ahead besides the one it works on, and counts them in flight', async () => {
    const base = orderExample();
    const flow: FlowDocument = {
      ...base,
      consumers: base.consumers.map((c) => (c.id === 'order-tracker'
        ? { ...c, prefetch: 3, handlers: c.handlers.map((h) => ({ ...h, delivery: { kind: 'competing' as const } })) }
        : c)),
    };
    const engine = createSimulationEngine(createMemorySimulationStore());
    await engine.startRun(flow, { seed: 1 });
    await engine.fireMany(flow.id, { count: 30 });
    let seen = false;
    for (let i = 0; i < 60 && !seen; i++) {
      await engine.runSteps(flow.id, 5);
      const run = (await engine.getRun(flow.id))!;
      const [tracker] = consumerGroups(run);
      for (const instance of tracker!.instances) {
        const process = run.processes.find((p) => p.id === instance.processId)!;
        expect(instance.prefetched).toEqual(process.prefetched ?? []);
        if (instance.prefetched.length === 0) continue;
        seen = true;
        expect(inFlightText(instance)).toContain(`prefetched ${instance.prefetched.map((seq) => `#${seq}`).join(', ')}`);
        const held = (process.consumer ? 1 : 0) + instance.prefetched.length;
        expect(instanceLoads(run, 'order-tracker', []).get(instance.processId)?.inFlight).toBe(held);
        expect(instanceBadges(run, 'order-tracker').find((b) => b.label.startsWith(`#${instance.number} `))?.label).toContain(`${held} in flight`);
      }
    }
    expect(seen).toBe(true);
  });
});
