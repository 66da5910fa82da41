import { describe, expect, it } from 'vitest';
import { makeConsumer, makeFlow } from '../testing';
import { designFingerprint } from './runRules';

describe('designFingerprint', () => {
  it('given a design moved on the canvas, when fingerprinted, then it runs the same', () => {
    const doc = makeFlow({ consumers: [makeConsumer({ name: 'author-service' })] });
    const moved = { ...doc, name: 'Renamed', layout: { positions: { 'author-service': { x: 999, y: 1 } } } };
    expect(designFingerprint(moved)).toBe(designFingerprint(doc));
  });

  it('given the inbox switched off in the design, when fingerprinted, then it differs', () => {
    const doc = makeFlow({ consumers: [makeConsumer({ name: 'author-service' })] });
    const changed = makeFlow({ consumers: [makeConsumer({ name: 'author-service', useInbox: false })] });
    expect(designFingerprint(changed)).not.toBe(designFingerprint(doc));
  });
});

describe('which counter equals which table', () => {
  it('given a run that wrote rows, when its counters are asked, then they equal the tables\' row counts', async () => {
    const { createSimulationEngine } = await import('./engine');
    const { createMemorySimulationStore } = await import('./memoryStore');
    const { pipelineFlow } = await import('./testing/smallFlows');
    const { knownCount, knownNodeCount, isRunStale } = await import('./runRules');
    const engine = createSimulationEngine(createMemorySimulationStore());
    const flow = pipelineFlow();
    await engine.startRun(flow, { seed: 4, faults: { duplicateDelivery: 0.5, poisonValue: 'c' } });
    await engine.fireMany(flow.id, { count: 12 });
    await engine.runUntilQuiet(flow.id);
    const run = await engine.getRun(flow.id);
    if (!run) throw new Error('no run');
    const counts = await engine.counts(flow.id);
    for (const table of ['outbox', 'deliveries', 'publications', 'events', 'deadLetters', 'trace', 'commands', 'handlings'] as const) {
      expect(knownCount(run, table), table).toBe(counts[table]);
    }
    const input = await engine.checkInput(flow.id);
    expect(knownNodeCount(run, 'outbox', 'shop')).toBe(input.tables.outbox.filter((o) => o.ownerId === 'shop').length);
    expect(knownNodeCount(run, 'deliveries', 'catalog')).toBe(input.tables.deliveries.filter((d) => d.consumerId === 'catalog').length);
    expect(knownNodeCount(run, 'inbox', 'counter')).toBe(input.tables.inbox.filter((i) => i.consumerId === 'counter').length);
    expect(knownNodeCount(run, 'projection', 'items')).toBe(input.tables.projectionRows.filter((r) => r.projectionId === 'items').length);
    expect(knownNodeCount(run, 'outbox', 'constructor')).toBe(0);
    expect(isRunStale(run, flow)).toBe(false);
    expect(isRunStale(run, pipelineFlow({ inbox: false }))).toBe(true);
  });
});
