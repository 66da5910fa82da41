/**
 * Per-instance process memory (issue 13): each instance of a consumer group holds its own
 * dual-write publishes. A killed instance loses only what it held; the others publish theirs.
 */
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../model';
import { createSimulationEngine } from './engine';
import type { EngineMutants } from './mutants';
import { createMemorySimulationStore } from './memoryStore';
import { tallyFlow } from './testing/scaleFlows';
import { eventType } from './testing/smallFlows';

/** `tally` (three competing instances) counts each order and announces it twice with dual write (OrderCounted, straight from its memory after the commit). */
function announcingFlow(): FlowDocument {
  const flow = tallyFlow({ instances: 3, mode: { kind: 'competing' }, concurrency: 'optimistic' });
  const mappings = [{ target: '/orderId', source: { from: 'event' as const, path: '/orderId' } }];
  return {
    ...flow,
    eventTypes: [...flow.eventTypes, eventType('order-counted', [{ name: 'orderId', type: 'uuid', required: true }], { aggregateIdPath: '/orderId' })],
    consumers: flow.consumers.map((c) => ({
      ...c, publishMode: 'dual-write' as const,
      handlers: c.handlers.map((h) => ({ ...h, emits: [{ eventTypeId: 'order-counted', mappings }, { eventTypeId: 'order-counted', mappings }] })),
    })),
  };
}

/** Steps the announcing run until two instances hold dual-write publishes at once, kills the first holder's instance. */
async function killOneHolder(mutants: EngineMutants = {}) {
  const store = createMemorySimulationStore();
  const engine = createSimulationEngine(store, { mutants });
  const flow = announcingFlow();
  await engine.startRun(flow, { seed: 8, ackTimeoutSteps: 60, faults: { instanceDownSteps: 20, slowInstances: [{ instance: 'tally#1', factor: 3 }, { instance: 'tally#2', factor: 3 }, { instance: 'tally#3', factor: 3 }] } });
  for (let i = 0; i < 12; i++) await engine.fire(flow.id, { producerId: 'shop', commandId: 'place', payload: { orderId: `o-${i}`, customer: `c-${i % 3}` } });
  const pending = () => store.transaction('r', ['directPublishes'], (tx) => tx.query('directPublishes', '[runId+ownerId+seq]', { prefix: [flow.id, 'tally'] }));
  let holders = new Set<string>();
  for (let i = 0; i < 2_000 && holders.size < 2; i++) {
    await engine.step(flow.id);
    holders = new Set((await pending()).map((p) => p.holder ?? ''));
  }
  const before = await pending();
  const victim = before[0]!.holder!;
  const survivors = before.filter((p) => p.holder !== victim);
  const victims = before.filter((p) => p.holder === victim);
  const run = structuredClone(await engine.getRun(flow.id));
  const killed = await engine.killInstance(flow.id, victim);
  return { engine, flow, store, holders, before, victim, survivors, victims, killed, pending, run };
}

describe('per-instance process memory (issue 13)', () => {
  it('given three instances each holding dual-write publishes, when one is killed, then only its own publishes are lost and the other instances publish theirs', async () => {
    const { engine, flow, holders, before, survivors, victims, killed, pending, run } = await killOneHolder();
    expect(holders.size).toBeGreaterThanOrEqual(2);
    expect(survivors.length).toBeGreaterThan(0);
    for (const p of run?.processes.filter((q) => q.nodeId === 'tally') ?? []) {
      expect(p.directHeld ?? 0).toBe(before.filter((row) => row.holder === p.id).length);
    }
    expect(killed.text).toContain(`${victims.map((p) => p.eventId).join(', ')} held in memory for a direct publish: lost`);
    for (const p of survivors) expect(killed.text).not.toContain(p.eventId);
    const after = await pending();
    expect(after.map((p) => p.seq)).toEqual(survivors.map((p) => p.seq));
    expect((await engine.getRun(flow.id))?.stats.directPending.tally).toBe(survivors.length);

    const result = await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
    expect(result.quiet).toBe(true);
    const input = await engine.checkInput(flow.id);
    const published = new Set(input.tables.publications.map((p) => p.eventId));
    for (const p of survivors) expect(published.has(p.eventId)).toBe(true);
    for (const p of victims) expect(published.has(p.eventId)).toBe(false);
    const lost = (await engine.report(flow.id)).entries.filter((e) => e.kind === 'lost');
    expect(lost.flatMap((e) => e.eventIds).sort()).toEqual(victims.map((p) => p.eventId).sort());
  });

  it('given the shared-memory mutant (one memory per consumer), when the same instance is killed, then its siblings\' publishes are lost too and the checker reports them as lost', async () => {
    const { engine, flow, survivors, killed } = await killOneHolder({ sharedInstanceMemory: true });
    expect(survivors.length).toBeGreaterThan(0);
    for (const p of survivors) expect(killed.text).toContain(p.eventId);
    await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
    const lost = (await engine.report(flow.id)).entries.filter((e) => e.kind === 'lost').flatMap((e) => e.eventIds);
    for (const p of survivors) expect(lost).toContain(p.eventId);
  });
});
