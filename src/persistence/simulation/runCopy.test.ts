import { afterEach, describe, expect, it } from 'vitest';
import { createSimulationEngine, type SimulationEngine, type SimulationStore, type TraceRecord } from '../../core';
import { RunCopy, StaleCopy } from '../../core/engine/runCopy';
import { pipelineFlow } from '../../core/engine/testing/smallFlows';
import { createDexieSimulationStore } from './dexieSimulationStore';
import { create, freshEngine } from './testEngine';

const SETTINGS = { seed: 5, faults: { duplicateDelivery: 0.2, crashAfterPublish: 0.1 } };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Two engines on databases of their own (the one under test and a reference), both closed after the test. */
function pairOfEngines() {
  const engineA = freshEngine();
  const reference = freshEngine();
  close = async () => {
    await engineA.close();
    await reference.close();
  };
  return { engineA, reference };
}

async function started(engine: SimulationEngine) {
  const flow = pipelineFlow();
  await engine.startRun(flow, SETTINGS);
  await engine.fireMany(flow.id, { count: 6 });
  return flow.id;
}

/** A started run on a fresh database (closed after the test), its Dexie store, and an in-memory copy of it. */
async function copyOfStartedRun() {
  const fresh = freshEngine();
  close = fresh.close;
  const runId = await started(fresh.engine);
  const store = createDexieSimulationStore(fresh.db);
  const copy = await RunCopy.load(store, runId);
  return { fresh, runId, store, copy, run: await copy.run() };
}

describe("the engine's in-memory copy of a run", () => {
  it('given two engines on one database taking turns (steps, fires, batches), then the run is the one a single engine makes', async () => {
    const { engineA: shared, reference } = pairOfEngines();
    const a = shared.engine;
    const b = createSimulationEngine(createDexieSimulationStore(shared.db));
    const runId = await started(a);
    await started(reference.engine);
    const script: [SimulationEngine, SimulationEngine, 'step' | 'fire' | 'batch'][] = [
      [a, reference.engine, 'step'], [a, reference.engine, 'step'], [b, reference.engine, 'step'], [a, reference.engine, 'step'],
      [b, reference.engine, 'fire'], [a, reference.engine, 'step'], [a, reference.engine, 'batch'], [b, reference.engine, 'step'],
      [a, reference.engine, 'fire'], [b, reference.engine, 'batch'], [a, reference.engine, 'step'], [a, reference.engine, 'batch'],
    ];
    for (const [engine, single, action] of script) {
      for (const e of [engine, single]) {
        if (action === 'step') await e.step(runId);
        else if (action === 'fire') await e.fire(runId, create);
        else await e.runSteps(runId, 30, { stepsPerTransaction: 7 });
      }
    }
    expect(await shared.db.trace.toArray()).toEqual(await reference.db.trace.toArray());
    expect(await shared.db.deliveries.toArray()).toEqual(await reference.db.deliveries.toArray());
    expect(await a.getRun(runId)).toEqual(await reference.engine.getRun(runId));
  });

  it('given a long run stopped from `between`, then nothing after the stopped batch is written (the batch computed ahead is dropped) and a step goes on from there', async () => {
    const fresh = freshEngine();
    close = fresh.close;
    const runId = await started(fresh.engine);
    const stop = new Error('stop');
    let seen = 0;
    await expect(fresh.engine.runUntilQuiet(runId, {
      stepsPerTransaction: 5,
      between: ({ steps }) => {
        seen = steps;
        if (steps >= 10) throw stop;
      },
    })).rejects.toBe(stop);
    expect(seen).toBe(10);
    expect((await fresh.db.runs.get(runId))?.step).toBe(10);
    expect(await fresh.db.trace.count()).toBe(10);
    expect((await fresh.engine.step(runId))?.step).toBe(11);
  });

  it('given a commit in flight, when the copy changes a row it wrote right after the requests were issued, then the store holds the row as it was at the commit', async () => {
    const { fresh, runId, store, copy, run } = await copyOfStartedRun();
    const row: TraceRecord = { runId, step: 1, clock: 0, kind: 'wait', phase: 'wait', text: 'as committed', nodeIds: [], edgeIds: [] };
    const written: TraceRecord = structuredClone(row);
    await copy.tables.tx().put('trace', written);
    await copy.tables.tx().put('runs', run);
    const commit = copy.commit(store, run);
    await commit.issued;
    // What the next batch, computed while this one commits, may do to an object it holds.
    written.text = 'changed afterwards';
    written.nodeIds.push('x');
    await commit.done;
    expect(await fresh.db.trace.get([runId, 1])).toEqual(row);
  });

  it('given a batch written from the copy, then IndexedDB is told to commit as soon as the run row is found unchanged, before the writes are answered; a stale copy is not committed', async () => {
    const { fresh, runId, store, copy, run } = await copyOfStartedRun();
    const rows: TraceRecord[] = [1, 2, 3].map((step) => ({ runId, step, clock: 0, kind: 'wait', phase: 'wait', text: `step ${step}`, nodeIds: [], edgeIds: [] }));
    await copy.tables.tx().bulkPut('trace', rows);
    await copy.tables.tx().put('runs', run);
    const events: string[] = [];
    const { put } = IDBObjectStore.prototype;
    const { commit } = IDBTransaction.prototype;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      request.addEventListener('success', () => events.push(`answered ${this.name}`));
      return request;
    };
    IDBTransaction.prototype.commit = function (this: IDBTransaction) {
      events.push('commit');
      commit.call(this);
    };
    try {
      await copy.commit(store, run).done;
      expect(await fresh.db.trace.where('[runId+step]').between([runId, 1], [runId, 3], true, true).count()).toBe(3);
      // The run row (the last write) is answered after IndexedDB was told to commit.
      expect(events.indexOf('commit')).toBeGreaterThanOrEqual(0);
      expect(events.indexOf('commit')).toBeLessThan(events.lastIndexOf('answered runs'));

      // Another writer changes the run row: the next commit from this copy is stale, aborted, never committed.
      await fresh.engine.fire(runId, { ...create, payload: { ...create.payload, itemId: 'other' } });
      events.length = 0;
      await copy.tables.tx().put('trace', { ...rows[0], step: 4 } as TraceRecord);
      await expect(copy.commit(store, run).done).rejects.toBeInstanceOf(StaleCopy);
      expect(events).not.toContain('commit');
      expect(await fresh.db.trace.get([runId, 4])).toBeUndefined();
    } finally {
      IDBObjectStore.prototype.put = put;
      IDBTransaction.prototype.commit = commit;
    }
  });

  it('given a step asked with its report, then it is one read-write transaction that stores the report the engine\'s own check stores, and returns it', async () => {
    const { engineA: fresh, reference } = pairOfEngines();
    const tally: string[] = [];
    const inner = createDexieSimulationStore(fresh.db);
    const counted: SimulationStore = { transaction: (mode, tables, fn) => (tally.push(mode), inner.transaction(mode, tables, fn)) };
    const engine = createSimulationEngine(counted);
    // Inbox off and duplicates: the report has entries that change as the run goes.
    const settings = { seed: 5, faults: { duplicateDelivery: 0.6 }, patterns: { inbox: { [pipelineFlow().consumers[0]!.id]: false } } };
    const flow = pipelineFlow();
    for (const e of [engine, reference.engine]) {
      await e.startRun(flow, settings);
      await e.fireMany(flow.id, { count: 6 });
      await e.step(flow.id);
    }
    for (let i = 0; i < 60; i++) {
      tally.length = 0;
      const result = await engine.stepWithRun(flow.id, { report: {} });
      expect(tally).toEqual(['rw']);
      await reference.engine.step(flow.id);
      const expected = await reference.engine.reportWithSummary(flow.id);
      expect(result.report?.report).toEqual(expected.report);
      expect(await fresh.db.anomalies.toArray()).toEqual(await reference.db.anomalies.toArray());
      expect(await fresh.db.reports.toArray()).toEqual(await reference.db.reports.toArray());
    }
    expect((await fresh.db.anomalies.count()) > 0).toBe(true);
  });

  it('given a long run whose between runs while the next batch is written (overlap), when stopped there, then only whole batches are written, the trace is the one-step-at-a-time trace, and a step goes on from there', async () => {
    for (const stopAt of [5, 10, 20]) {
      const { engineA: fresh, reference } = pairOfEngines();
      const runId = await started(fresh.engine);
      await started(reference.engine);
      const stop = new Error('stop');
      const heard: number[] = [];
      await expect(fresh.engine.runUntilQuiet(runId, {
        stepsPerTransaction: 5,
        overlap: true,
        between: async ({ steps, trace }) => {
          heard.push(steps);
          expect(trace?.step).toBe(steps);
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (steps >= stopAt) throw stop;
        },
      })).rejects.toBe(stop);
      expect(heard.at(-1)).toBe(stopAt);
      // The batches in flight when the stop came (the next, and the one chained on it) are aborted, or
      // whole if they had committed: never a part of one.
      const step = (await fresh.engine.getRun(runId))?.step ?? -1;
      expect([stopAt, stopAt + 5, stopAt + 10]).toContain(step);
      expect(await fresh.db.trace.count()).toBe(step);
      for (let i = 0; i < step; i++) await reference.engine.step(runId);
      expect(await fresh.db.trace.toArray()).toEqual(await reference.db.trace.toArray());
      expect(await fresh.db.deliveries.toArray()).toEqual(await reference.db.deliveries.toArray());
      expect(await fresh.engine.getRun(runId)).toEqual(await reference.engine.getRun(runId));
      expect((await fresh.engine.step(runId))?.step).toBe(step + 1);
      await close?.();
      close = undefined;
    }
  });

  it('given a long run with overlap that is not stopped, then it ends quiet with the trace of one step at a time', async () => {
    const { engineA: fresh, reference } = pairOfEngines();
    const runId = await started(fresh.engine);
    await started(reference.engine);
    const result = await fresh.engine.runUntilQuiet(runId, { stepsPerTransaction: 3, overlap: true, between: () => new Promise((resolve) => setTimeout(resolve, 0)) });
    expect(result.quiet).toBe(true);
    while (await reference.engine.step(runId));
    expect(await fresh.db.trace.toArray()).toEqual(await reference.db.trace.toArray());
    const { verdict, ...run } = (await fresh.engine.getRun(runId))!;
    expect(verdict?.kind).toBe('quiet');
    expect(run).toEqual(await reference.engine.getRun(runId));
  });

  it('given another tab firing while a long run has two batches in flight, then the batches after its write are recomputed: the run ends quiet, its trace is every step once, every command is handled, and the check finds nothing', async () => {
    const fresh = freshEngine();
    close = fresh.close;
    const runId = await started(fresh.engine);
    const other = createSimulationEngine(createDexieSimulationStore(fresh.db));
    let fired = 0;
    const result = await fresh.engine.runUntilQuiet(runId, {
      stepsPerTransaction: 4,
      overlap: true,
      between: () => {
        // Issued now, it lands between two batches the run has in flight (the later one then finds the run row changed).
        if (fired < 3) void other.fire(runId, { ...create, payload: { ...create.payload, itemId: `other-${++fired}` } });
      },
    });
    expect(fired).toBe(3);
    expect(result.quiet).toBe(true);
    const trace = await fresh.db.trace.toArray();
    expect(trace.map((t) => t.step)).toEqual(trace.map((_, i) => i + 1));
    expect((await fresh.engine.getRun(runId))?.step).toBe(trace.length);
    const commands = await fresh.db.commands.toArray();
    expect(commands).toHaveLength(6 + 3);
    expect(commands.filter((c) => c.status === 'pending')).toEqual([]);
    expect((await fresh.engine.report(runId)).ok).toBe(true);
  });
});
