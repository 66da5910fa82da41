import { describe, expect, it } from 'vitest';
import { createSimulationEngine } from './engine';
import { createMemorySimulationStore } from './memoryStore';
import type { SimulationStore, StoreTx } from './store';
import { pipelineFlow } from './testing/smallFlows';

/** A memory store that counts the reads a transaction makes. */
function countingStore(): { store: SimulationStore; reads: () => number } {
  const inner = createMemorySimulationStore();
  let reads = 0;
  const store: SimulationStore = {
    direct: true,
    transaction: (mode, tables, fn) => inner.transaction(mode, tables, (tx) => fn({
      ...tx,
      query: (...args: Parameters<StoreTx['query']>) => { reads += 1; return tx.query(...args); },
      get: (...args: Parameters<StoreTx['get']>) => { reads += 1; return tx.get(...args); },
    } as StoreTx)),
  };
  return { store, reads: () => reads };
}

describe('fireMany', () => {
  it('given 10 or 2,000 commands, when fired, then the reads do not grow with the count (one look at the known aggregates per producer)', async () => {
    const readsFor = async (count: number) => {
      const { store, reads } = countingStore();
      const engine = createSimulationEngine(store);
      const flow = pipelineFlow();
      await engine.startRun(flow, { seed: 3 });
      const before = reads();
      const fired = await engine.fireMany(flow.id, { count });
      expect(fired).toHaveLength(count);
      return reads() - before;
    };
    expect(await readsFor(2_000)).toBe(await readsFor(10));
  });

  it('given later commands on the same producer, when fired, then they reuse the aggregates the earlier ones created', async () => {
    const engine = createSimulationEngine(createMemorySimulationStore());
    const flow = pipelineFlow();
    await engine.startRun(flow, { seed: 5 });
    const fired = await engine.fireMany(flow.id, { count: 300, producerId: 'shop' });
    const created = new Set(fired.filter((c) => c.commandId === 'create').map((c) => c.payload.itemId));
    const changes = fired.filter((c) => c.commandId === 'change');
    expect(changes.filter((c) => created.has(c.payload.itemId)).length).toBeGreaterThan(changes.length / 2);
    expect(fired.map((c) => c.requestId)).toEqual(fired.map((c) => c.id));
  });
});
