import { afterEach, describe, expect, it } from 'vitest';
import { deriveEdges, type SettingsPatch } from '../../core';
import { pipelineFlow, type PipelineOptions } from '../../core/engine/testing/smallFlows';
import { loadExample } from '../../core/exporters/testSupport';
import { create, freshEngine, rowsOf, stepUntil } from './testEngine';

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

describe('crashes that crash', () => {
  it('given a consumer that crashes after its handling committed, when the ack deadline passes, then the broker redelivers and the inbox skips it', async () => {
    const { engine, db, runId, rows } = await setup({ faults: { crashAfterHandle: 1 }, ackTimeoutSteps: 10 });
    await engine.fire(runId, create);
    const handle = await stepUntil(engine, runId, 'handle');
    expect(handle.fault).toBe('crash-after-handle');
    expect(handle.text).toMatch(/^catalog applied ItemCreated e-1: .*; catalog crashed after the commit, before acknowledging \(fault\); delivery #1 stays unacknowledged at the broker until its ack deadline$/);
    await engine.updateSettings(runId, { faults: { crashAfterHandle: 0 } });
    const redeliver = await stepUntil(engine, runId, 'redeliver');
    expect(redeliver.text).toBe('broker: no ack from catalog for ItemCreated e-1 within 10 steps (delivery #1); queued again for redelivery');
    const again = await stepUntil(engine, runId, 'deliver');
    expect(again.text).toBe('broker delivered ItemCreated e-1 to catalog (attempt 2)');
    expect((await stepUntil(engine, runId, 'handle')).text).toBe('catalog skipped duplicate ItemCreated e-1: already in its inbox');
    await engine.runUntilQuiet(runId);
    expect(await db.inbox.get([runId, 'catalog', 'e-1'])).toMatchObject({ duplicatesSkipped: 1 });
    expect((await rows.deliveries()).find((d) => d.eventId === 'e-1')).toMatchObject({ status: 'acked', attempts: 2 });
    expect((await engine.getRun(runId))?.stats).toMatchObject({ crashes: { catalog: 1 }, redelivered: { catalog: 1 } });
    expect((await engine.report(runId)).entries).toEqual([]);
  });

  it('given an e-mail sent while handling and a crash before the commit, when redelivered, then the inbox cannot stop the second e-mail', async () => {
    const { engine, runId } = await setup({ ackTimeoutSteps: 10 }, { email: true });
    await engine.fire(runId, create);
    await stepUntil(engine, runId, 'ack');
    await engine.updateSettings(runId, { faults: { crashBeforeCommit: 1 } });
    const crashed = await stepUntil(engine, runId, 'handle');
    expect(crashed.text).toMatch(/^counter called out: send listing e-mail; crashed before committing its handling of ItemListed e-1:catalog#1 \(fault\): nothing committed/);
    await engine.updateSettings(runId, { faults: { crashBeforeCommit: 0 } });
    await engine.runUntilQuiet(runId);
    const report = await engine.report(runId);
    expect(report.entries.map((e) => e.kind)).toEqual(['duplicate-side-effect']);
    expect(report.entries[0]).toMatchObject({ rootCause: { nodeId: 'counter' }, message: expect.stringMatching(/^"send listing e-mail" happened twice for e-1:catalog#1 at counter/) });
  });

  it('given a producer that crashes after commit, when its caller retries without an idempotency key, then the request commits twice; with a key, the retry is answered from the first', async () => {
    for (const idempotencyKey of [false, true]) {
      const { engine, runId, rows, db } = await setup({ faults: { crashAfterCommit: 1 }, callerRetries: 1 }, { idempotencyKey });
      await engine.fire(runId, create);
      const commit = await stepUntil(engine, runId, 'command');
      expect(commit.text).toContain(`shop crashed after commit, before answering (fault); the outbox rows survive; the caller got no answer and retries as c-2${idempotencyKey ? ' (same idempotency key c-1)' : ' (no idempotency key)'}`);
      await engine.updateSettings(runId, { faults: { crashAfterCommit: 0 } });
      await engine.runUntilQuiet(runId);
      const commands = await rows.commands();
      const report = await engine.report(runId);
      if (idempotencyKey) {
        expect(commands.map((c) => [c.id, c.status, c.answeredFrom])).toEqual([['c-1', 'handled', undefined], ['c-2', 'handled', 'c-1']]);
        expect(report.entries).toEqual([]);
      } else {
        expect((await rows.events()).filter((e) => e.depth === 0).map((e) => e.commandId)).toEqual(['c-1', 'c-2']);
        expect(report.entries.map((e) => e.kind)).toEqual(['duplicate-command']);
        expect(report.entries[0]?.message).toMatch(/^CreateItem request c-1 committed 2 times \(c-1, c-2\)/);
      }
      db.close();
    }
  });

  it('given publish-first dual write and a crash before the commit, when run, then a phantom event reached the consumers', async () => {
    const { engine, runId } = await setup({ faults: { crashBeforeCommit: 1 }, patterns: { outbox: { shop: false }, publishFirst: { shop: true } } }, { outbox: false });
    await engine.fire(runId, create);
    const commit = await stepUntil(engine, runId, 'command');
    expect(commit.text).toMatch(/^shop published ItemCreated e-1 first \(publish-first dual write\) to catalog; crashed before committing CreateItem c-1 \(fault\): nothing committed/);
    await engine.updateSettings(runId, { faults: { crashBeforeCommit: 0 } });
    await engine.runUntilQuiet(runId);
    const report = await engine.report(runId);
    expect(report.entries.find((e) => e.kind === 'phantom')).toMatchObject({
      rootCause: { nodeId: 'shop' }, message: 'ItemCreated e-1 was published by shop but never committed; applied by catalog all the same',
    });
    expect(report.entries.find((e) => e.kind === 'unanswered')?.severity).toBe('info');
  });

  it('given another writer that moves the stream between load and commit, when the producer commits, then it re-reads and retries; with no retry left it is rejected and reported', async () => {
    for (const conflictRetries of [1, 0]) {
      const { engine, db, runId } = await setup({ conflictRetries });
      await engine.fire(runId, create);
      await stepUntil(engine, runId, 'load');
      const [first] = await db.events.toArray();
      expect(first).toBeUndefined();
      // Another writer appends version 1 of item/i-1 now: the producer expected version 0.
      await db.events.add({
        runId, position: 1, eventId: 'other-1', eventTypeId: 'item-changed', eventTypeName: 'ItemChanged', streamId: 'item/i-1', aggregateType: 'item',
        aggregateId: 'i-1', version: 1, occurredAt: '', payload: { itemId: 'i-1', state: 'b' }, sourceId: 'someone', commandId: 'x', causationId: 'x', depth: 0, step: 1,
      });
      await db.runs.update(runId, { position: 1 });
      const commit = await stepUntil(engine, runId, 'command');
      if (conflictRetries === 1) {
        expect(commit).toMatchObject({ fault: 'conflict', text: 'shop lost a race on CreateItem c-1: optimistic concurrency conflict on item/i-1: expected version 0, the event store has 1; re-read the aggregate at version 1, retry 1 of 1' });
        // The id e-1 went with the plan that lost the race; the retry appends e-2.
        expect((await stepUntil(engine, runId, 'command')).text).toContain('appended ItemCreated e-2 (position 2, item version 2)');
      } else {
        expect(commit.text).toBe('shop rejected CreateItem c-1: optimistic concurrency conflict on item/i-1: expected version 0, the event store has 1; gave up after 1 conflict(s) (limit 0 retries)');
        expect((await engine.report(runId)).entries.map((e) => e.kind)).toContain('rejected');
      }
      db.close();
    }
  });
});

describe('rebuild and time travel', () => {
  it('given deliveries in flight, when asked to replace the projections with a rebuild, then it refuses; at quiet it replaces and logs the change', async () => {
    const { engine, runId, rows } = await setup({ faults: { crashAfterCommit: 1 } }, { outbox: false });
    await engine.fire(runId, create);
    await engine.fire(runId, { ...create, payload: { itemId: 'i-2', owner: 'bob', state: 'b' } });
    await stepUntil(engine, runId, 'command');
    await expect(engine.replaceWithRebuild(runId)).rejects.toThrow(/only when the run is quiet/);
    await engine.runUntilQuiet(runId);
    const compared = await engine.compareWithRebuild(runId);
    expect(compared.equal).toBe(false);
    expect(await rows.projection('items')).toEqual([]);
    const replaced = await engine.replaceWithRebuild(runId);
    expect(replaced.differences.map((d) => d.key)).toEqual(['i-1', 'i-2']);
    expect(await rows.projection('items')).toMatchObject([{ key: 'i-1', lastEventId: 'e-1' }, { key: 'i-2', lastEventId: 'e-2' }]);
    expect((await rows.handlings()).at(-1)).toMatchObject({ outcome: 'rebuild', changes: [{ key: 'i-1', before: null }, { key: 'i-2', before: null }] });
    expect((await engine.compareWithRebuild(runId)).equal).toBe(true);
  });

  it('given events not yet delivered, when travelling to a position, then the consumers\' rows are shown as they had built them, apart from what a rebuild gives', async () => {
    const { engine, runId } = await setup();
    await engine.fire(runId, create);
    await stepUntil(engine, runId, 'command');
    const early = await engine.projectionsAt(runId, 1);
    expect(early.built.get('items')?.size).toBe(0);
    expect(early.rebuilt.get('items')?.get('i-1')).toMatchObject({ state: 'a' });
    await engine.fire(runId, { producerId: 'shop', commandId: 'change', payload: { itemId: 'i-1', state: 'b' } });
    await engine.runUntilQuiet(runId);
    const run = await engine.getRun(runId);
    const late = await engine.projectionsAt(runId, run?.position ?? 0);
    expect(late.built.get('items')?.get('i-1')).toMatchObject({ state: 'b' });
    expect(late.rebuilt.get('items')?.get('i-1')).toMatchObject({ state: 'b' });
  });
});

describe('verdicts instead of spinning', () => {
  it('given the relay down for longer than the caller waits, when running until quiet, then it stops and says until when', async () => {
    const { engine, runId } = await setup({ faults: { relayDown: { fromStep: 0, steps: 5_000 } } });
    await engine.fire(runId, create);
    const result = await engine.runUntilQuiet(runId, { maxWaitSteps: 100 });
    expect(result.quiet).toBe(false);
    expect(result.verdict).toMatchObject({ kind: 'waiting', message: expect.stringMatching(/^relay down: waiting until step 5001 \(\d+ steps\)/) });
    expect(result.steps).toBeLessThan(10);
    expect((await engine.getRun(runId))?.verdict?.kind).toBe('waiting');
  });

  it('given a relay that crashes after every publish, when running until quiet, then it stops as not converging and the stalled outbox is reported', async () => {
    const { engine, runId } = await setup({ faults: { crashAfterPublish: 1 } });
    await engine.fire(runId, create);
    const result = await engine.runUntilQuiet(runId, { stepsPerTransaction: 2_500 });
    expect(result.verdict).toMatchObject({ kind: 'not-converging', message: expect.stringMatching(/^not converging: nothing moved forward for 5,000 steps; pending: \d+ outbox row\(s\), .*the relay crashed \d+ time\(s\)/) });
    const report = await engine.report(runId);
    const stalled = report.entries.filter((e) => e.kind === 'stalled-outbox');
    expect(stalled.map((e) => e.rootCause.nodeId).sort()).toEqual(['catalog', 'shop']);
    expect(stalled.find((e) => e.rootCause.nodeId === 'shop')?.message).toMatch(/^shop outbox: 1 row\(s\) waited more than 100 steps .* oldest e-1 published \d+ times, not marked sent$/);
  });
});

describe('edge ids', () => {
  it('given the built-in example under faults, when run, then every edge id a step lights exists among the design\'s derived edges', async () => {
    const fresh = freshEngine();
    close = fresh.close;
    const flow = loadExample();
    await fresh.engine.startRun(flow, { seed: 2, faults: { duplicateDelivery: 0.3, crashAfterHandle: 0.2, reorder: 0.3 }, ackTimeoutSteps: 20 });
    await fresh.engine.fireMany(flow.id, { count: 20 });
    await fresh.engine.runUntilQuiet(flow.id);
    const derived = new Set(deriveEdges(flow).map((e) => e.id));
    const lit = new Set((await fresh.db.trace.toArray()).flatMap((t) => t.edgeIds));
    expect(lit.size).toBeGreaterThanOrEqual(derived.size - 1);
    for (const id of lit) expect(derived.has(id), id).toBe(true);
  });
});
