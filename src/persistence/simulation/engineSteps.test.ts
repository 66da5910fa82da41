import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsPatch, SimulationEngine, TraceKind, TraceRecord } from '../../core';
import { pipelineFlow } from '../../core/engine/testing/smallFlows';
import { freshEngine } from './testEngine';
import { openSimulationEngine } from './openSimulationEngine';
import { SimulationDb } from './simulationDb';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

async function setup(settings: SettingsPatch = {}, flowOptions: Parameters<typeof pipelineFlow>[0] = {}) {
  const fresh = freshEngine();
  close = fresh.close;
  const flow = pipelineFlow(flowOptions);
  await fresh.engine.startRun(flow, { seed: 11, ...settings });
  return { ...fresh, flow, runId: flow.id };
}

/** Steps until a step of `kind` was taken; returns it. */
async function stepUntil(engine: SimulationEngine, runId: string, kind: TraceKind, limit = 200): Promise<TraceRecord> {
  for (let i = 0; i < limit; i++) {
    const trace = await engine.step(runId);
    if (!trace) throw new Error(`run went quiet before a ${kind} step`);
    if (trace.kind === kind) return trace;
  }
  throw new Error(`no ${kind} step within ${limit} steps`);
}

const rows = (db: SimulationDb, runId: string) => ({
  outbox: () => db.outbox.where(':id').between([runId], [runId, []]).toArray(),
  deliveries: () => db.deliveries.where(':id').between([runId], [runId, []]).toArray(),
  events: () => db.events.where(':id').between([runId], [runId, []]).toArray(),
  projection: (id: string) => db.projectionRows.where('[runId+projectionId+key]').between([runId, id], [runId, id, []]).toArray(),
});

const create = { producerId: 'shop', commandId: 'create', payload: { itemId: 'i-1', owner: 'ann', state: 'a' } };

describe('micro-steps', () => {
  it('given an outbox producer, when it handles a command, then row, event and outbox row are written in that one step', async () => {
    const { engine, db, runId } = await setup();
    await engine.fire(runId, create);
    const trace = await engine.step(runId);
    expect(trace?.kind).toBe('command');
    expect(trace?.text).toMatch(/^shop handled CreateItem c-1 for item i-1: row version 1; appended ItemCreated e-1 \(position 1, item version 1\), outbox row pending/);
    expect(await db.businessRows.get([runId, 'shop', 'i-1'])).toMatchObject({ version: 1, columns: { state: 'a', owner: 'ann' } });
    expect(await rows(db, runId).events()).toMatchObject([{ eventId: 'e-1', streamId: 'item/i-1', version: 1, position: 1, payload: { itemId: 'i-1', owner: 'ann', state: 'a' } }]);
    expect(await rows(db, runId).outbox()).toMatchObject([{ eventId: 'e-1', status: 'pending', ownerId: 'shop' }]);
    expect((await engine.getRun(runId))?.stats.outboxPending).toEqual({ shop: 1 });
  });

  it('given a published row, when the relay publishes and marks it sent, then the broker fans it out to the base-type subscriber', async () => {
    const { engine, db, runId } = await setup();
    await engine.fire(runId, create);
    await engine.step(runId);
    const publish = await engine.step(runId);
    expect(publish).toMatchObject({ kind: 'relay-publish', text: 'relay published ItemCreated e-1 to catalog', edgeIds: ['emits:shop->item-created'] });
    expect(await rows(db, runId).outbox()).toMatchObject([{ status: 'publishing', publishAttempts: 1 }]);
    expect(await rows(db, runId).deliveries()).toMatchObject([{ consumerId: 'catalog', status: 'queued', eventId: 'e-1' }]);
    const mark = await stepUntil(engine, runId, 'relay-mark-sent');
    expect(mark.text).toBe("relay marked ItemCreated e-1 sent in shop's outbox");
    expect((await rows(db, runId).outbox()).find((o) => o.eventId === 'e-1')).toMatchObject({ status: 'sent', sentStep: mark.step });
  });

  it('given crash-after-publish, when the relay publishes, then the row stays pending and the same event id is published again', async () => {
    const { engine, db, runId } = await setup({ faults: { crashAfterPublish: 1 } });
    await engine.fire(runId, create);
    await engine.step(runId);
    const first = await engine.step(runId);
    expect(first?.text).toBe('relay published ItemCreated e-1 to catalog; crash before mark-sent (fault)');
    expect(first?.fault).toBe('crash-after-publish');
    expect(await rows(db, runId).outbox()).toMatchObject([{ status: 'pending', publishAttempts: 1 }]);
    await engine.updateSettings(runId, { faults: { crashAfterPublish: 0 } });
    const second = await stepUntil(engine, runId, 'relay-publish');
    expect(second.text).toContain('again (same event id: a duplicate on the wire)');
    const publications = await db.publications.where('[runId+eventId]').equals([runId, 'e-1']).toArray();
    expect(publications.map((p) => p.republished)).toEqual([false, true]);
    await engine.runUntilQuiet(runId);
    expect((await engine.getRun(runId))?.stats.duplicatesSkipped).toEqual({ catalog: 1 });
    expect(await engine.report(runId)).toEqual([]);
  });

  it('given a delivered message, when the consumer handles and acks it, then projection, inbox and its own outbox change in the handle step', async () => {
    const { engine, db, runId } = await setup();
    await engine.fire(runId, create);
    const deliver = await stepUntil(engine, runId, 'deliver');
    expect(deliver).toMatchObject({ text: 'broker delivered ItemCreated e-1 to catalog', edgeIds: ['subscribes:item-event->catalog'] });
    const handle = await stepUntil(engine, runId, 'handle');
    expect(handle.text).toBe('catalog applied ItemCreated e-1: updated items; inbox recorded; emitted ItemListed e-2 (outbox)');
    expect(handle.edgeIds).toEqual(['subscribes:item-event->catalog', 'updates:catalog->items', 'emits:catalog->item-listed']);
    expect(await rows(db, runId).projection('items')).toMatchObject([{ key: 'i-1', values: { itemId: 'i-1', state: 'a', at: '2026-01-01T00:00:00.100Z' }, lastEventId: 'e-1' }]);
    expect(await db.inbox.get([runId, 'catalog', 'e-1'])).toMatchObject({ duplicatesSkipped: 0 });
    expect((await rows(db, runId).outbox()).map((o) => [o.ownerId, o.eventId])).toContainEqual(['catalog', 'e-2']);
    expect((await rows(db, runId).deliveries())[0]).toMatchObject({ status: 'handled', outcome: 'applied' });
    const ackStep = await stepUntil(engine, runId, 'ack');
    expect(ackStep.text).toBe('catalog acknowledged ItemCreated e-1');
    await engine.runUntilQuiet(runId);
    expect(await rows(db, runId).projection('owners')).toMatchObject([{ key: 'ann', values: { owner: 'ann', listed: 1, items: ['i-1'] } }]);
  });

  it('given duplicate delivery and the inbox on, when the copy arrives, then the inbox skips it', async () => {
    const { engine, db, runId } = await setup({ faults: { duplicateDelivery: 1 } });
    await engine.fire(runId, create);
    const deliver = await stepUntil(engine, runId, 'deliver');
    expect(deliver.text).toBe('broker delivered ItemCreated e-1 to catalog; a duplicate copy is queued (fault)');
    await engine.runUntilQuiet(runId);
    expect(await db.inbox.get([runId, 'catalog', 'e-1'])).toMatchObject({ duplicatesSkipped: 1 });
    expect(await rows(db, runId).projection('owners')).toMatchObject([{ values: { listed: 1 } }]);
    expect(await engine.report(runId)).toEqual([]);
  });

  it('given duplicate delivery and the inbox off, when the copy arrives, then the double effect is reported', async () => {
    const { engine, db, runId } = await setup({ faults: { duplicateDelivery: 1 }, patterns: { inbox: { counter: false } } });
    await engine.fire(runId, create);
    await engine.runUntilQuiet(runId);
    expect(await rows(db, runId).projection('owners')).toMatchObject([{ values: { listed: 2, items: ['i-1', 'i-1'] } }]);
    expect(await engine.report(runId)).toMatchObject([{ kind: 'duplicate-effect', eventIds: ['e-2'], nodeIds: ['counter', 'item-listed'], message: 'ItemListed e-2 applied twice by counter: inbox is off' }]);
  });

  it('given a consumer that always fails, when the retry limit is reached, then the message is dead-lettered and other work goes on', async () => {
    const { engine, db, runId } = await setup({ faults: { poisonValue: 'poison' } }, { retryLimit: 2 });
    await engine.fire(runId, { ...create, payload: { itemId: 'i-1', owner: 'ann', state: 'poison' } });
    await engine.fire(runId, { ...create, payload: { itemId: 'i-2', owner: 'bob', state: 'b' } });
    const failed = await stepUntil(engine, runId, 'handle-failed');
    expect(failed.text).toBe('catalog failed to handle ItemCreated e-1: poison value "poison" (fault); attempt 1 of 2, redelivery queued');
    await engine.runUntilQuiet(runId);
    expect(await db.deadLetters.toArray()).toMatchObject([{ consumerId: 'catalog', eventId: 'e-1', attempts: 2 }]);
    expect((await rows(db, runId).projection('items')).map((r) => r.key)).toEqual(['i-2']);
    expect((await engine.getRun(runId))?.stats).toMatchObject({ dead: { catalog: 1 }, retries: { catalog: 2 } });
  });

  it('given dual write and crash-after-commit, when the producer commits, then the event is reported lost and never published', async () => {
    const { engine, db, runId } = await setup({ faults: { crashAfterCommit: 1 } }, { outbox: false });
    await engine.fire(runId, create);
    const trace = await engine.step(runId);
    expect(trace?.text).toContain('shop crashed after commit, before publish (fault): ItemCreated e-1 lost (dual write)');
    expect(await engine.step(runId)).toBeUndefined();
    expect(await db.publications.count()).toBe(0);
    expect(await engine.report(runId)).toMatchObject([{ kind: 'lost', eventIds: ['e-1'], message: 'ItemCreated e-1 committed by shop but never published: crash after commit with dual write' }]);
    const rebuild = await engine.rebuildProjections(runId);
    expect(rebuild.equal).toBe(false);
    expect(rebuild.differences[0]).toMatchObject({ projectionId: 'items', key: 'i-1', incremental: undefined });
  });

  it('given a rebuild that differs, when written, then each rebuilt row keeps the last event that changed it', async () => {
    const { engine, db, runId } = await setup({ faults: { crashAfterCommit: 1 } }, { outbox: false });
    await engine.fire(runId, create);
    await engine.runUntilQuiet(runId);
    expect(await rows(db, runId).projection('items')).toEqual([]);
    const rebuild = await engine.rebuildProjections(runId, { write: true });
    expect(rebuild.equal).toBe(false);
    expect(await rows(db, runId).projection('items')).toMatchObject([{ key: 'i-1', lastEventId: 'e-1' }]);
    expect((await engine.rebuildProjections(runId)).equal).toBe(true);
  });

  it('given dual write without faults, when run, then events go straight to the broker', async () => {
    const { engine, db, runId } = await setup({}, { outbox: false });
    await engine.fire(runId, create);
    await engine.step(runId);
    const publish = await engine.step(runId);
    expect(publish?.text).toBe('shop published ItemCreated e-1 directly (dual write) to catalog');
    expect(await rows(db, runId).outbox()).toEqual([]);
  });

  it('given the relay down, when only outbox work is left, then the run waits and reports a stuck outbox until the relay is back', async () => {
    const { engine, runId } = await setup({ faults: { relayDown: { fromStep: 0, steps: 40 } }, stuckOutboxAfterSteps: 5 });
    await engine.fire(runId, create);
    await engine.runSteps(runId, 10);
    const report = await engine.report(runId);
    expect(report).toMatchObject([{ kind: 'stuck-outbox', nodeIds: ['shop', 'item-created'], message: 'shop outbox: 1 row(s) pending for more than 5 steps (oldest ItemCreated e-1): the relay is down' }]);
    const result = await engine.runUntilQuiet(runId);
    expect(result.quiet).toBe(true);
    expect(await engine.report(runId)).toEqual([]);
  });

  it('given a changed status, when the consumer handles events of one aggregate out of order, then out-of-order is reported', async () => {
    // A seed whose schedule delivers the two changes the wrong way round (which schedule a seed gives depends on every draw before it).
    const { engine, runId } = await setup({ seed: 3, faults: { reorder: 1 } });
    await engine.fire(runId, create);
    await engine.fire(runId, { producerId: 'shop', commandId: 'change', payload: { itemId: 'i-1', state: 'b' } });
    await engine.fire(runId, { producerId: 'shop', commandId: 'change', payload: { itemId: 'i-1', state: 'c' } });
    await engine.runUntilQuiet(runId);
    const kinds = (await engine.report(runId)).map((a) => a.kind);
    expect(kinds).toContain('out-of-order');
  });

  it('given a stream moved by someone else, when the producer appends, then optimistic concurrency rejects the command', async () => {
    const { engine, db, runId } = await setup();
    await engine.fire(runId, create);
    await engine.step(runId);
    await db.businessRows.update([runId, 'shop', 'i-1'], { streamVersion: 0 });
    await engine.fire(runId, { producerId: 'shop', commandId: 'change', payload: { itemId: 'i-1', state: 'b' } });
    const trace = await stepUntil(engine, runId, 'command');
    expect(trace.text).toBe('shop rejected ChangeItem c-2: optimistic concurrency conflict on item/i-1: expected version 0, the event store has 1');
    expect(await db.commands.get([runId, 2])).toMatchObject({ status: 'rejected' });
  });

  it('given several commands on one aggregate, when run, then its stream versions are contiguous and time travel replays earlier states', async () => {
    const { engine, db, runId } = await setup();
    await engine.fire(runId, create);
    await engine.fire(runId, { producerId: 'shop', commandId: 'change', payload: { itemId: 'i-1', state: 'b' } });
    await engine.runUntilQuiet(runId);
    const stream = await db.events.where('[runId+streamId+version]').between([runId, 'item/i-1'], [runId, 'item/i-1', []]).toArray();
    expect(stream.map((e) => e.version)).toEqual([1, 2]);
    expect(stream[1]?.payload).toMatchObject({ before: 'a', state: 'b' });
    const first = stream[0]?.position ?? 0;
    expect((await engine.projectionsAt(runId, first)).items).toMatchObject({ 'i-1': { state: 'a' } });
    expect((await engine.projectionsAt(runId, 0)).items).toEqual({});
    expect((await engine.rebuildProjections(runId)).equal).toBe(true);
  });

  it('given a run, when reset, then its tables are empty and the same seed replays the same payloads', async () => {
    const { engine, db, runId } = await setup();
    const preview = await engine.previewPayload(runId, 'shop', 'create');
    const fired = await engine.fire(runId, { producerId: 'shop', commandId: 'create' });
    expect(fired.payload).toEqual(preview);
    await engine.runUntilQuiet(runId);
    await engine.reset(runId);
    expect(await db.events.count()).toBe(0);
    expect(await db.trace.count()).toBe(0);
    expect((await engine.fire(runId, { producerId: 'shop', commandId: 'create' })).payload).toEqual(preview);
  });
});

describe('a run across reloads', () => {
  it('given a run stopped mid-way, when a new engine on the same database continues it, then the trace equals an uninterrupted run', async () => {
    const flow = pipelineFlow();
    const settings = { seed: 5, faults: { duplicateDelivery: 0.3, crashAfterPublish: 0.2 } };
    const a = freshEngine();
    const b = freshEngine();
    try {
      for (const { engine } of [a, b]) {
        await engine.startRun(flow, settings);
        await engine.fireMany(flow.id, { count: 5 });
      }
      await a.engine.runUntilQuiet(flow.id);
      await b.engine.runSteps(flow.id, 17);
      const reopenedDb = new SimulationDb(b.db.name);
      const reopened = openSimulationEngine(reopenedDb);
      await reopened.runUntilQuiet(flow.id);
      expect(await b.db.trace.toArray()).toEqual(await a.db.trace.toArray());
      expect((await reopened.getRun(flow.id))?.rngState).toBe((await a.engine.getRun(flow.id))?.rngState);
      reopenedDb.close();
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('run until quiet', () => {
  it('given a command fired while a batch is computed, when the batch is written, then the batch is redone and nothing is lost', async () => {
    const { engine, db, runId } = await setup();
    await engine.fireMany(runId, { count: 3 });
    let fired = false;
    const result = await engine.runUntilQuiet(runId, {
      stepsPerTransaction: 5,
      between: async () => {
        if (fired) return;
        fired = true;
        await engine.fire(runId, create);
      },
    });
    expect(result.quiet).toBe(true);
    expect(await db.commands.where('[runId+status+seq]').between([runId, 'handled'], [runId, 'handled', []]).count()).toBe(4);
    const trace = await db.trace.toArray();
    expect(trace.map((t) => t.step)).toEqual(trace.map((_, i) => i + 1));
    expect(result.run.step).toBe(trace.length);
  });

  it('given a relay that always crashes before mark-sent, when run with a step bound, then the row is reported stuck and the run is not quiet', async () => {
    const { engine, runId } = await setup({ faults: { crashAfterPublish: 1 }, stuckOutboxAfterSteps: 10 });
    await engine.fire(runId, create);
    const result = await engine.runUntilQuiet(runId, { maxSteps: 200 });
    expect(result).toMatchObject({ quiet: false, steps: 200 });
    const [stuck] = (await engine.report(runId)).filter((a) => a.kind === 'stuck-outbox');
    expect(stuck?.message).toMatch(/^shop outbox: 1 row\(s\) pending for more than 10 steps \(oldest ItemCreated e-1\): published \d+ times, never marked sent$/);
  });
});
