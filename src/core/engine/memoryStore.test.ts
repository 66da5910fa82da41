import { describe, expect, it } from 'vitest';
import { allIndexes, compareKeys, createMemorySimulationStore, MemoryTables } from './memoryStore';
import { createSimulationEngine } from './engine';
import type { DeliveryRecord } from './records';
import { pipelineFlow } from './testing/smallFlows';

const delivery = (seq: number, status: DeliveryRecord['status'], order: number, consumerId = 'c'): DeliveryRecord => ({
  runId: 'r', seq, publicationSeq: 1, eventId: `e-${seq}`, eventTypeId: 't', eventTypeName: 'T', streamId: 's', version: 1, consumerId, status,
  attempts: 0, failures: 0, order, queuedStep: 0,
});

describe('memory tables', () => {
  it('given keys, when compared, then numbers sort before strings and a prefix before its extensions, as in IndexedDB', () => {
    expect(compareKeys([1], ['a'])).toBeLessThan(0);
    expect(compareKeys([2], [10])).toBeLessThan(0);
    expect(compareKeys(['b'], ['a', 1])).toBeGreaterThan(0);
    expect(compareKeys(['a'], ['a', 1])).toBeLessThan(0);
    expect(compareKeys(['a', 1], ['a', 1])).toBe(0);
  });

  it('given rows, when querying an index by prefix with bounds, limit and reverse, then they come in key order with ties by primary key', async () => {
    const tables = new MemoryTables(allIndexes());
    const tx = tables.tx();
    await tx.bulkPut('deliveries', [delivery(10, 'queued', 3), delivery(9, 'queued', 3), delivery(2, 'queued', 1), delivery(3, 'acked', 0), delivery(4, 'queued', 7)]);
    const seqs = async (q: Parameters<typeof tx.query>[2]) => (await tx.query('deliveries', '[runId+consumerId+status+order]', q)).map((d) => d.seq);
    expect(await seqs({ prefix: ['r', 'c', 'queued'] })).toEqual([2, 9, 10, 4]);
    expect(await seqs({ prefix: ['r', 'c', 'queued'], limit: 1 })).toEqual([2]);
    expect(await seqs({ prefix: ['r', 'c', 'queued'], reverse: true, limit: 2 })).toEqual([4, 10]);
    expect(await seqs({ prefix: ['r', 'c', 'queued'], from: 2, to: 3 })).toEqual([9, 10]);
    expect(await seqs({ prefix: ['r', 'c'] })).toEqual([3, 2, 9, 10, 4]);
    await tx.put('deliveries', { ...delivery(2, 'acked', 1) });
    expect(await seqs({ prefix: ['r', 'c', 'queued'], limit: 1 })).toEqual([9]);
    expect(await tx.count('deliveries', '[runId+consumerId+status+order]', { prefix: ['r', 'c', 'acked'] })).toBe(2);
    expect(await tx.get('deliveries', ['r', 2])).toMatchObject({ status: 'acked' });
  });

  it('given writes and deletes, when taking changes, then the last state per row is reported once and then forgotten', async () => {
    const tables = new MemoryTables(allIndexes());
    tables.load('deliveries', [delivery(1, 'queued', 1)]);
    const tx = tables.tx();
    await tx.put('deliveries', delivery(2, 'queued', 2));
    await tx.put('deliveries', delivery(2, 'acked', 2));
    await tx.delete('deliveries', ['r', 1]);
    await tx.deletePrefix('deliveries', ['nobody']);
    const changes = tables.takeChanges().get('deliveries');
    expect(changes?.puts.map((d) => (d as unknown as DeliveryRecord).status)).toEqual(['acked']);
    expect(changes?.deletes).toEqual([['r', 1]]);
    expect(tables.takeChanges().size).toBe(0);
  });

  it('given a unique index, when a second row takes a key it holds, then the write is refused and nothing changes', async () => {
    const tables = new MemoryTables(allIndexes());
    const tx = tables.tx();
    const event = (position: number, eventId: string) => ({
      runId: 'r', position, eventId, eventTypeId: 't', eventTypeName: 'T', streamId: 'video/1', aggregateType: 'video', aggregateId: '1',
      version: 1, occurredAt: '', payload: {}, sourceId: 'p', commandId: 'c-1', causationId: 'c-1', depth: 0, step: 1,
    });
    await tx.put('events', event(1, 'e-1'));
    await tx.put('events', event(1, 'e-1b'));
    await expect(tx.put('events', event(2, 'e-2'))).rejects.toThrow(/ConstraintError: unique index events \[runId\+streamId\+version\]/);
    expect((await tx.query('events', '[runId+position]', { prefix: ['r'] })).map((e) => e.eventId)).toEqual(['e-1b']);
  });

  it('given a memory store, when a caller changes a row after putting it, then the stored row does not change', async () => {
    const store = createMemorySimulationStore();
    const row = delivery(1, 'queued', 1);
    await store.transaction('rw', ['deliveries'], (tx) => tx.put('deliveries', row));
    row.status = 'dead';
    expect(await store.transaction('r', ['deliveries'], (tx) => tx.get('deliveries', ['r', 1]))).toMatchObject({ status: 'queued' });
  });
});

describe('the engine on a memory store', () => {
  it('given no IndexedDB at all, when the pipeline runs to quiet, then it is consistent and rebuildable', async () => {
    const engine = createSimulationEngine(createMemorySimulationStore());
    const flow = pipelineFlow();
    await engine.startRun(flow, { seed: 3, faults: { duplicateDelivery: 0.5, crashAfterPublish: 0.3 } });
    await engine.fireMany(flow.id, { count: 20 });
    const result = await engine.runUntilQuiet(flow.id, { stepsPerTransaction: 7 });
    expect(result.quiet).toBe(true);
    expect((await engine.report(flow.id)).entries).toEqual([]);
    expect((await engine.compareWithRebuild(flow.id)).equal).toBe(true);
    expect((await engine.counts(flow.id)).trace).toBe(result.run.step);
  });
});

describe('a large memory index', () => {
  it('given thousands of rows put and deleted in random order, when queried, then it matches a sorted reference', async () => {
    const tables = new MemoryTables(allIndexes());
    const tx = tables.tx();
    let state = 12345;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
    const rows = new Map<number, DeliveryRecord>();
    for (let seq = 1; seq <= 3000; seq++) {
      const row = delivery(seq, random() < 0.5 ? 'queued' : 'acked', Math.floor(random() * 500), random() < 0.5 ? 'a' : 'b');
      rows.set(seq, row);
      await tx.put('deliveries', row);
    }
    for (let seq = 1; seq <= 3000; seq += 2) {
      if (random() < 0.5) {
        rows.delete(seq);
        await tx.delete('deliveries', ['r', seq]);
      } else {
        const moved = { ...(rows.get(seq) as DeliveryRecord), status: 'in-flight' as const };
        rows.set(seq, moved);
        await tx.put('deliveries', moved);
      }
    }
    for (const consumer of ['a', 'b']) {
      for (const status of ['queued', 'acked', 'in-flight']) {
        const reference = [...rows.values()].filter((d) => d.status === status && d.consumerId === consumer).sort((x, y) => x.order - y.order || x.seq - y.seq);
        const got = (await tx.query('deliveries', '[runId+consumerId+status+order]', { prefix: ['r', consumer, status] })).map((d) => d.seq);
        expect(got).toEqual(reference.map((d) => d.seq));
        const reversed = (await tx.query('deliveries', '[runId+consumerId+status+order]', { prefix: ['r', consumer, status], reverse: true, limit: 50 })).map((d) => d.seq);
        expect(reversed).toEqual(reference.map((d) => d.seq).reverse().slice(0, 50));
        const ranged = (await tx.query('deliveries', '[runId+consumerId+status+order]', { prefix: ['r', consumer, status], from: 100, to: 200 })).map((d) => d.seq);
        expect(ranged).toEqual(reference.filter((d) => d.order >= 100 && d.order <= 200).map((d) => d.seq));
      }
    }
    const byConsumer = (await tx.query('deliveries', '[runId+consumerId+seq]', { prefix: ['r', 'b'] })).map((d) => d.seq);
    expect(byConsumer).toEqual([...rows.values()].filter((d) => d.consumerId === 'b').map((d) => d.seq).sort((x, y) => x - y));
  });
});
