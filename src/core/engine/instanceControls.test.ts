import { describe, expect, it } from 'vitest';
import { createSimulationEngine } from './engine';
import { createMemorySimulationStore } from './memoryStore';
import { tallyFlow } from './testing/scaleFlows';

async function started() {
  const engine = createSimulationEngine(createMemorySimulationStore());
  const flow = tallyFlow({ instances: 3, mode: { kind: 'partitioned', partitions: 6, key: '/customer' }, concurrency: 'single-writer' });
  await engine.startRun(flow, { seed: 2, ackTimeoutSteps: 30, faults: { instanceDownSteps: 40 } });
  for (let i = 0; i < 12; i++) await engine.fire(flow.id, { producerId: 'shop', commandId: 'place', payload: { orderId: `o-${i}`, customer: `c-${i % 4}` } });
  return { engine, flow };
}

describe('killing an instance from the run controls (issue 13)', () => {
  it('given three instances owning 6 partitions, when the user kills tally#2, then it is the next step, its partitions move to the others, it restarts later and every order is counted once', async () => {
    const { engine, flow } = await started();
    await engine.runSteps(flow.id, 40);
    const runBefore = await engine.getRun(flow.id);
    const stepBefore = runBefore?.step ?? 0;
    const ownedBefore = new Map(runBefore?.processes.map((p) => [p.id, p.owns?.flatMap((o) => o.partitions) ?? []]));
    const row = await engine.killInstance(flow.id, 'consumer:tally#2');
    // Sticky: only the killed instance's 2 partitions move; the survivors keep theirs.
    expect(row.text.match(/partition \d+ →/g)).toHaveLength(ownedBefore.get('consumer:tally#2')?.length ?? -1);
    expect(row.step).toBe(stepBefore + 1);
    expect(row.kind).toBe('instance');
    expect(row.text).toMatch(/^tally#2 killed \(by the run controls\): down until step \d+.*rebalance of tally: .*partition 1 → tally#[13].*partition 4 → tally#[13]/);
    const run = await engine.getRun(flow.id);
    const killed = run?.processes.find((p) => p.id === 'consumer:tally#2');
    expect(killed?.downUntil).toBe(row.step + 40);
    expect(killed?.owns?.flatMap((o) => o.partitions) ?? []).toEqual([]);
    const owned = run?.processes.filter((p) => p.nodeId === 'tally').flatMap((p) => p.owns?.flatMap((o) => o.partitions) ?? []).sort();
    expect(owned).toEqual([0, 1, 2, 3, 4, 5]);
    for (const id of ['consumer:tally', 'consumer:tally#3']) {
      const now = run?.processes.find((p) => p.id === id)?.owns?.flatMap((o) => o.partitions) ?? [];
      expect(ownedBefore.get(id)?.length).toBeGreaterThan(0);
      expect(now).toEqual(expect.arrayContaining(ownedBefore.get(id) ?? []));
    }
    expect(run?.stats.instanceKills?.tally).toBe(1);
    await expect(engine.killInstance(flow.id, 'consumer:tally#2')).rejects.toThrow(/tally#2 is down already \(until step \d+\)/);
    await expect(engine.killInstance(flow.id, 'consumer:nobody')).rejects.toThrow(/no consumer instance "consumer:nobody"/);
    const result = await engine.runUntilQuiet(flow.id, { maxSteps: 10_000 });
    expect(result.quiet).toBe(true);
    expect(result.run.processes.find((p) => p.id === 'consumer:tally#2')?.downUntil).toBeUndefined();
    const rows = (await engine.checkInput(flow.id)).tables.projectionRows.filter((r) => r.projectionId === 'customers');
    expect(rows.reduce((n, r) => n + Number(r.values.orders ?? 0), 0)).toBe(12);
    expect((await engine.report(flow.id)).broken).toBe(0);
  });
});
