import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsPatch } from '../../core';
import { pipelineFlow, type PipelineOptions } from '../../core/engine/testing/smallFlows';
import { create, freshEngine, rowsOf, stepUntil } from './testEngine';
import { openSimulationEngine } from './openSimulationEngine';
import { SimulationDb } from './simulationDb';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

async function setup(settings: SettingsPatch = {}, flowOptions: PipelineOptions = {}) {
  const fresh = freshEngine();
  close = fresh.close;
  const flow = pipelineFlow(flowOptions);
  await fresh.engine.startRun(flow, { seed: 11, ...settings });
  return { ...fresh, flow, runId: flow.id, rows: rowsOf(fresh.db, flow.id) };
}

describe('micro-steps, each one IndexedDB transaction', () => {
  it('given an outbox producer, when it loads and then commits a command, then row, event and outbox row appear in the commit step', async () => {
    const { engine, db, runId, rows } = await setup();
    await engine.fire(runId, create);
    const load = await engine.step(runId);
    expect(load).toMatchObject({ kind: 'load', text: 'shop took CreateItem c-1 and loaded item i-1 at stream version 0' });
    expect(await rows.events()).toEqual([]);
    const commit = await engine.step(runId);
    expect(commit?.text).toBe('shop handled CreateItem c-1 for item i-1: row version 1; appended ItemCreated e-1 (position 1, item version 1), outbox row pending');
    expect(await db.businessRows.get([runId, 'shop', 'i-1'])).toMatchObject({ version: 1, columns: { state: 'a', owner: 'ann' } });
    expect(await rows.events()).toMatchObject([{ eventId: 'e-1', streamId: 'item/i-1', version: 1, position: 1, depth: 0, payload: { itemId: 'i-1', owner: 'ann', state: 'a' } }]);
    expect(await rows.outbox()).toMatchObject([{ eventId: 'e-1', status: 'pending', ownerId: 'shop' }]);
    expect(await db.commands.get([runId, 1])).toMatchObject({ status: 'handled', eventIds: ['e-1'], answered: true });
    expect((await engine.getRun(runId))?.stats.outboxPending).toEqual({ shop: 1 });
  });

  it('given a pending row, when the relay publishes and marks it sent, then the broker fans it out to the base-type subscriber', async () => {
    const { engine, runId, rows } = await setup();
    await engine.fire(runId, create);
    const publish = await stepUntil(engine, runId, 'relay-publish');
    expect(publish).toMatchObject({ text: 'relay published ItemCreated e-1 to catalog', edgeIds: ['emits:shop->item-created'] });
    expect(await rows.outbox()).toMatchObject([{ status: 'pending' }]);
    expect(await rows.deliveries()).toMatchObject([{ consumerId: 'catalog', status: 'queued', eventId: 'e-1', streamId: 'item/i-1', version: 1 }]);
    const mark = await stepUntil(engine, runId, 'relay-mark-sent');
    expect(mark.text).toBe("relay marked ItemCreated e-1 sent in shop's outbox");
    expect((await rows.outbox()).find((o) => o.eventId === 'e-1')).toMatchObject({ status: 'sent', sentStep: mark.step });
  });

  it('given a delivered message, when the consumer handles and acks it, then projection, change log, inbox and its own outbox change in the handle step', async () => {
    const { engine, db, runId, rows } = await setup();
    await engine.fire(runId, create);
    const deliver = await stepUntil(engine, runId, 'deliver');
    expect(deliver).toMatchObject({ text: 'broker delivered ItemCreated e-1 to catalog', edgeIds: ['subscribes:item-event->catalog'] });
    expect((await rows.deliveries())[0]).toMatchObject({ status: 'in-flight', attempts: 1, deadline: deliver.step + 200 });
    const handle = await stepUntil(engine, runId, 'handle');
    expect(handle.text).toBe('catalog applied ItemCreated e-1: updated items; inbox recorded; emitted ItemListed e-1:catalog#1 (outbox)');
    expect(handle.edgeIds).toEqual(['subscribes:item-event->catalog', 'updates:catalog->items', 'emits:catalog->item-listed']);
    expect(await rows.projection('items')).toMatchObject([{ key: 'i-1', values: { itemId: 'i-1', state: 'a' }, lastEventId: 'e-1' }]);
    expect(await rows.handlings()).toMatchObject([{
      consumerId: 'catalog', eventId: 'e-1', outcome: 'applied', streamId: 'item/i-1', version: 1, emitted: ['e-1:catalog#1'],
      changes: [{ projectionId: 'items', key: 'i-1', before: null, after: { itemId: 'i-1', state: 'a' } }],
    }]);
    expect(await db.inbox.get([runId, 'catalog', 'e-1'])).toMatchObject({ duplicatesSkipped: 0 });
    expect(await rows.events()).toContainEqual(expect.objectContaining({ eventId: 'e-1:catalog#1', causationId: 'e-1', depth: 1, streamId: 'owner/ann' }));
    const ack = await stepUntil(engine, runId, 'ack');
    expect(ack.text).toBe('catalog acknowledged ItemCreated e-1');
    expect((await rows.deliveries())[0]).toMatchObject({ status: 'acked', ackedStep: ack.step });
    await engine.runUntilQuiet(runId);
    expect(await rows.projection('owners')).toMatchObject([{ key: 'ann', values: { owner: 'ann', listed: 1, items: ['i-1'] } }]);
    expect((await engine.report(runId)).entries).toEqual([]);
  });

  it('given duplicate delivery and the inbox on, when the copy arrives, then the inbox skips it and the change log says so', async () => {
    const { engine, db, runId, rows } = await setup({ faults: { duplicateDelivery: 1 } });
    await engine.fire(runId, create);
    const deliver = await stepUntil(engine, runId, 'deliver');
    expect(deliver.text).toBe('broker delivered ItemCreated e-1 to catalog; a duplicate copy is queued (fault)');
    await engine.runUntilQuiet(runId);
    expect(await db.inbox.get([runId, 'catalog', 'e-1'])).toMatchObject({ duplicatesSkipped: 1 });
    expect((await rows.handlings()).filter((h) => h.eventId === 'e-1').map((h) => h.outcome)).toEqual(['applied', 'skipped']);
    expect(await rows.projection('owners')).toMatchObject([{ values: { listed: 1 } }]);
    expect((await engine.report(runId)).entries).toEqual([]);
  });

  it('given duplicate delivery and the inbox off, when the copy arrives, then the checker reports the double count as a harmful duplicate', async () => {
    const { engine, runId, rows } = await setup({ faults: { duplicateDelivery: 1 }, patterns: { inbox: { counter: false } } });
    await engine.fire(runId, create);
    await engine.runUntilQuiet(runId);
    expect(await rows.projection('owners')).toMatchObject([{ values: { listed: 2, items: ['i-1', 'i-1'] } }]);
    const report = await engine.report(runId);
    expect(report.ok).toBe(false);
    expect(report.entries.find((e) => e.kind === 'duplicate')).toMatchObject({
      eventIds: ['e-1:catalog#1'], rootCause: { nodeId: 'counter' },
      message: 'ItemListed e-1:catalog#1 applied twice by counter (it keeps no inbox): owners[ann]: listed 1 → 2',
    });
  });

  it('given retry limit 2 and a poison value, when the consumer fails, then it is retried twice and dead-lettered at the third failure', async () => {
    const { engine, db, runId, rows } = await setup({ faults: { poisonValue: 'poison' } }, { retryLimit: 2 });
    await engine.fire(runId, { ...create, payload: { itemId: 'i-1', owner: 'ann', state: 'poison' } });
    await engine.fire(runId, { ...create, payload: { itemId: 'i-2', owner: 'bob', state: 'b' } });
    const failed = await stepUntil(engine, runId, 'handle-failed');
    expect(failed.text).toBe('catalog failed to handle ItemCreated e-1: poison value "poison" (fault); failure 1 (retry limit 2): queued again, retry 1 of 2');
    await engine.runUntilQuiet(runId);
    expect(await db.deadLetters.toArray()).toMatchObject([{ consumerId: 'catalog', eventId: 'e-1', attempts: 3 }]);
    expect((await rows.projection('items')).map((r) => r.key)).toEqual(['i-2']);
    expect((await engine.getRun(runId))?.stats).toMatchObject({ dead: { catalog: 1 }, retries: { catalog: 3 } });
    const report = await engine.report(runId);
    expect(report.entries.map((e) => e.kind)).toContain('dead-letter');
    expect((await engine.report(runId, { allow: ['dead-letter', 'rebuild-differs'] })).ok).toBe(true);
  });

  it('given retry limit 0, when the first handling fails, then the message is dead-lettered at once (no retry)', async () => {
    const { engine, db, runId } = await setup({ faults: { poisonValue: 'poison' } }, { retryLimit: 0 });
    await engine.fire(runId, { ...create, payload: { itemId: 'i-1', owner: 'ann', state: 'poison' } });
    const failed = await stepUntil(engine, runId, 'handle-failed');
    expect(failed.text).toContain('failure 1 (retry limit 0: no retry): moved to dead letters');
    expect(await db.deadLetters.toArray()).toMatchObject([{ eventId: 'e-1', attempts: 1 }]);
  });

  it('given dual write without faults, when run, then events go straight to the broker from the owner\'s memory', async () => {
    const { engine, runId, rows } = await setup({}, { outbox: false });
    await engine.fire(runId, create);
    const publish = await stepUntil(engine, runId, 'direct-publish');
    expect(publish.text).toBe('shop published ItemCreated e-1 directly (dual write) to catalog');
    expect(await rows.outbox()).toEqual([]);
  });

  it('given several commands on one aggregate, when run, then its stream versions are contiguous and every append expected the version it read', async () => {
    const { engine, db, runId } = await setup();
    await engine.fire(runId, create);
    await engine.fire(runId, { producerId: 'shop', commandId: 'change', payload: { itemId: 'i-1', state: 'b' } });
    await engine.runUntilQuiet(runId);
    const stream = await db.events.where('[runId+streamId+version]').between([runId, 'item/i-1'], [runId, 'item/i-1', []]).toArray();
    expect(stream.map((e) => e.version)).toEqual([1, 2]);
    expect(stream[1]?.payload).toMatchObject({ before: 'a', state: 'b' });
    expect((await engine.compareWithRebuild(runId)).equal).toBe(true);
  });

  it('given a run, when reset, then its tables are empty and the same seed replays the same payloads', async () => {
    const { engine, db, runId } = await setup();
    const preview = await engine.previewPayload(runId, 'shop', 'create');
    const fired = await engine.fire(runId, { producerId: 'shop', commandId: 'create' });
    expect(fired.payload).toEqual(preview);
    await engine.runUntilQuiet(runId);
    await engine.report(runId);
    await engine.reset(runId);
    expect(await db.events.count()).toBe(0);
    expect(await db.trace.count()).toBe(0);
    expect(await db.handlings.count()).toBe(0);
    expect(await db.reports.count()).toBe(0);
    expect((await engine.fire(runId, { producerId: 'shop', commandId: 'create' })).payload).toEqual(preview);
  });
});

describe('a run across reloads', () => {
  it('given a run stopped mid-way, when a new engine on the same database continues it, then the trace equals an uninterrupted run', async () => {
    const flow = pipelineFlow();
    const settings = { seed: 5, faults: { duplicateDelivery: 0.3, crashAfterPublish: 0.2, crashAfterHandle: 0.2 }, ackTimeoutSteps: 15 };
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
    expect(result).toMatchObject({ quiet: true, verdict: { kind: 'quiet' } });
    expect(await db.commands.where('[runId+producerId+seq]').between([runId, 'shop'], [runId, 'shop', []]).filter((c) => c.status === 'handled').count()).toBe(4);
    const trace = await db.trace.toArray();
    expect(trace.map((t) => t.step)).toEqual(trace.map((_, i) => i + 1));
    expect(result.run.step).toBe(trace.length);
  });
});
