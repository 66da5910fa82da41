import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../core';
import { pipelineFlow } from '../../core/engine/testing/smallFlows';
import { createDexieSimulationStore } from './dexieSimulationStore';
import { freshEngine } from './testEngine';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const traceRow = (runId: string, step: number, text = `step ${step}`): TraceRecord =>
  ({ runId, step, clock: 0, kind: 'wait', phase: 'wait', text, nodeIds: [], edgeIds: [] });

/** An event row of `runId` at `position` in stream `s-1` at `version` (only the keys matter here). */
const eventRow = (runId: string, position: number, version: number) =>
  ({ runId, position, streamId: 's-1', version, eventId: `e-${position}`, eventTypeId: 't', step: 1 }) as never;

function fresh() {
  const f = freshEngine();
  close = f.close;
  return { db: f.db, store: createDexieSimulationStore(f.db) };
}

/** Resolves with the next value of `query` for which `ok` holds, or rejects after `ms`. */
function nextLive<T>(query: () => Promise<T>, ok: (value: T) => boolean, ms = 2000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error(`no live value within ${ms} ms`));
    }, ms);
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        if (!ok(value)) return;
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve(value);
      },
      error: reject,
    });
  });
}

describe("the engine's store on native IndexedDB transactions", () => {
  it('given a transaction whose function fails after writing, then nothing of it is written', async () => {
    const { db, store } = fresh();
    const broken = new Error('the step failed');
    await expect(store.transaction('rw', ['trace'], async (tx) => {
      await tx.put('trace', traceRow('r', 1));
      await tx.bulkPut('trace', [traceRow('r', 2), traceRow('r', 3)]);
      throw broken;
    })).rejects.toBe(broken);
    expect(await db.trace.count()).toBe(0);
  });

  it('given a request IndexedDB refuses (a second event at one stream version), then the whole transaction is undone and its error says why', async () => {
    const { db, store } = fresh();
    await store.transaction('rw', ['events'], (tx) => tx.put('events', eventRow('r', 1, 1)));
    await expect(store.transaction('rw', ['events', 'trace'], async (tx) => {
      await tx.put('trace', traceRow('r', 1));
      await tx.bulkPut('events', [eventRow('r', 2, 2), eventRow('r', 3, 1)]);
    })).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.events.count()).toBe(1);
    expect(await db.trace.count()).toBe(0);
  });

  it('given rows of two runs, then queries by index and prefix deletes see only the run asked for, in key order or reversed', async () => {
    const { db, store } = fresh();
    await store.transaction('rw', ['trace'], (tx) => tx.bulkPut('trace', [1, 2, 3, 4].flatMap((step) => [traceRow('a', step), traceRow('b', step)])));
    const read = await store.transaction('r', ['trace'], async (tx) => ({
      all: (await tx.query('trace', '[runId+step]', { prefix: ['a'] })).map((t) => t.step),
      newest: (await tx.query('trace', ':id', { prefix: ['a'], reverse: true, limit: 2 })).map((t) => t.step),
      between: (await tx.query('trace', '[runId+step]', { prefix: ['a'], from: 2, to: 3 })).map((t) => t.step),
      count: await tx.count('trace', ':id', { prefix: ['b'] }),
    }));
    expect(read).toEqual({ all: [1, 2, 3, 4], newest: [4, 3], between: [2, 3], count: 4 });
    await store.transaction('rw', ['trace'], (tx) => tx.deletePrefix('trace', ['a']));
    expect((await db.trace.toArray()).map((t) => t.runId)).toEqual(['b', 'b', 'b', 'b']);
  });

  it("given a live query on a table, when the engine writes it, then the query hears of it (the engine's writes bypass Dexie)", async () => {
    const { db, store } = fresh();
    const heard = nextLive(() => db.trace.count(), (n) => n === 1);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the query's first answer (0) is in
    await store.transaction('rw', ['trace'], (tx) => tx.put('trace', traceRow('r', 1)));
    expect(await heard).toBe(1);
  });

  it('given many commits in a burst, then a live query hears of the last of them', async () => {
    const { db, store } = fresh();
    const heard = nextLive(() => db.trace.count(), (n) => n === 40);
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (let step = 1; step <= 40; step++) await store.transaction('rw', ['trace'], (tx) => tx.put('trace', traceRow('r', step)));
    expect(await heard).toBe(40);
  });

  it('given commits to different tables within one signal interval, then the readers of each hear of them', async () => {
    const { db, store } = fresh();
    const events = nextLive(() => db.events.count(), (n) => n === 1);
    const trace = nextLive(() => db.trace.count(), (n) => n === 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The first is signalled at once; the next two wait for the interval's end, together.
    await store.transaction('rw', ['trace'], (tx) => tx.put('trace', traceRow('r', 1)));
    await store.transaction('rw', ['trace'], (tx) => tx.put('trace', traceRow('r', 2)));
    await store.transaction('rw', ['events'], (tx) => tx.put('events', eventRow('r', 1, 1)));
    expect(await Promise.all([events, trace])).toEqual([1, 2]);
  });

  it('given a run, when the engine steps it, then the run row read through Dexie is the one the engine sees (its design joined)', async () => {
    const f = freshEngine();
    close = f.close;
    const flow = pipelineFlow();
    await f.engine.startRun(flow, { seed: 3 });
    await f.engine.fireMany(flow.id, { count: 2 });
    await f.engine.step(flow.id);
    const stored = await f.db.runs.get(flow.id);
    expect(stored?.step).toBe(1);
    expect(await f.db.runDesigns.get(flow.id)).toMatchObject({ key: stored?.designKey, flow });
  });
});
