import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemorySimulationStore, createSimulationEngine, nonZeroCounts, type FaultSettings, type SimulationEngine } from '../../core';
import { flowSpecArb, randomFlow } from '../../core/engine/testing/smallFlows';
import { countersFromTables, freshEngine, rowsOf, runToQuiet } from './testEngine';

const opened: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of opened) await close();
});

function engineOnIndexedDb(): ReturnType<typeof freshEngine> {
  const fresh = freshEngine();
  opened.push(fresh.close);
  return fresh;
}

const memoryEngine = (): SimulationEngine => createSimulationEngine(createMemorySimulationStore());

const probability = fc.constantFrom(0, 0, 0.1, 0.3, 0.6);
const faultMixArb = fc.record<Partial<FaultSettings>>({
  crashBeforeCommit: fc.constantFrom(0, 0, 0.1, 0.3),
  crashAfterCommit: probability,
  crashAfterPublish: probability,
  crashAfterHandle: fc.constantFrom(0, 0, 0.1, 0.3),
  duplicateDelivery: probability,
  reorder: probability,
  consumerFailure: fc.constantFrom(0, 0, 0.1, 0.3),
  relayDown: fc.option(fc.record({ fromStep: fc.nat(30), steps: fc.integer({ min: 1, max: 300 }) }), { nil: null }),
});
const seedArb = fc.integer({ min: 1, max: 1_000_000 });
const commandsArb = fc.integer({ min: 1, max: 8 });

describe('simulation engine properties', () => {
  it('given outbox, inbox, derived ids and idempotency keys on, when any fault mix runs on random flows (some with two writers per stream), then every invariant holds and the counters equal the tables', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, faultMixArb, seedArb, commandsArb, fc.boolean(), fc.nat(2), async (spec, faults, seed, commands, shared, retries) => {
      const { engine, db } = engineOnIndexedDb();
      const flow = randomFlow(spec, { outbox: true, inbox: true, sharedStreams: shared, retryLimit: 30 });
      const run = await runToQuiet(engine, flow, {
        seed, faults, ackTimeoutSteps: 40, callerRetries: retries, conflictRetries: 50,
        patterns: { idempotencyKey: Object.fromEntries(flow.producers.map((p) => [p.id, true])) },
      }, commands);
      expect(run.quiet).toBe(true);
      const report = await engine.report(flow.id, { allow: ['stalled-outbox'] });
      expect(report.entries.filter((e) => e.severity === 'broken')).toEqual([]);
      expect(report.ok).toBe(true);
      const counters = await countersFromTables(db, flow.id);
      expect(nonZeroCounts(run.stats.outboxPending)).toEqual(counters.outboxPending);
      expect(nonZeroCounts(run.stats.outboxSent)).toEqual(counters.outboxSent);
      expect(nonZeroCounts(run.stats.acked)).toEqual(counters.acked);
      expect(nonZeroCounts(run.stats.dead)).toEqual(counters.dead);
      expect(nonZeroCounts(run.stats.projectionRows)).toEqual(counters.projectionRows);
    }), { numRuns: 60 });
  });

  it('given the inbox off and every delivery duplicated, when the run is quiet, then every double application is in the report, harmful or harmless', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, seedArb, commandsArb, async (spec, seed, commands) => {
      const engine = memoryEngine();
      // The first consumer hears every producer (the base type), so something is always applied.
      const flow = randomFlow({ ...spec, level1: spec.level1.map((h, i) => (i === 0 ? { ...h, source: 3 } : h)) }, { outbox: true, inbox: false });
      await runToQuiet(engine, flow, { seed, faults: { duplicateDelivery: 1 } }, commands);
      const input = await engine.checkInput(flow.id);
      const twice = new Set(input.tables.handlings.filter((h, i, all) => all.findIndex((x) => x.consumerId === h.consumerId && x.eventId === h.eventId) !== i)
        .map((h) => `${h.consumerId}:${h.eventId}`));
      const report = await engine.report(flow.id);
      const reported = new Set(report.entries.filter((e) => e.kind === 'duplicate' || e.kind === 'repeat').map((e) => `${e.rootCause.nodeId}:${e.eventIds[0]}`));
      expect(reported).toEqual(twice);
      expect(twice.size).toBeGreaterThan(0);
      expect(report.ok).toBe(!report.entries.some((e) => e.severity === 'broken'));
    }), { numRuns: 40 });
  });

  it('given dual write and a crash after every producer commit, when the run is quiet, then every producer event is reported lost and never published', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, seedArb, commandsArb, async (spec, seed, commands) => {
      const engine = memoryEngine();
      const flow = randomFlow(spec, { outbox: false, inbox: true });
      await runToQuiet(engine, flow, { seed, faults: { crashAfterCommit: 1 } }, commands);
      const input = await engine.checkInput(flow.id);
      const lost = (await engine.report(flow.id)).entries.filter((e) => e.kind === 'lost');
      expect(input.tables.events.length).toBe(commands);
      expect(lost.map((a) => a.eventIds[0]).sort()).toEqual(input.tables.events.map((e) => e.eventId).sort());
      expect(input.tables.publications).toEqual([]);
    }), { numRuns: 30 });
  });

  it('given fresh emitted ids and an inbox-less first consumer under duplicates, when run, then the duplicate is traced to every event it caused downstream', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, seedArb, commandsArb, async (spec, seed, commands) => {
      // The first consumer hears every producer (the base type) and emits on; it has no inbox.
      const flow = randomFlow({ ...spec, level1: spec.level1.map((h, i) => ({ ...h, emits: true, source: i === 0 ? 3 : h.source })), inbox: false }, { outbox: true, inbox: 'mixed' });
      const first = flow.consumers[0]?.id ?? '';
      const engine = memoryEngine();
      await runToQuiet(engine, flow, { seed, faults: { duplicateDelivery: 1 }, patterns: { derivedIds: { [first]: false } } }, commands);
      const input = await engine.checkInput(flow.id);
      const report = await engine.report(flow.id);
      const duplicates = report.entries.filter((e) => e.kind === 'duplicate' && e.rootCause.nodeId === first);
      expect(duplicates.length).toBeGreaterThan(0);
      const extra = duplicates.flatMap((d) => d.eventIds.slice(1));
      const caused = new Set(duplicates.flatMap((d) => d.affected.eventIds));
      expect(extra.length).toBeGreaterThan(0);
      for (const id of extra) expect(caused.has(id)).toBe(true);
      const downstream = input.tables.handlings.filter((h) => extra.includes(h.eventId)).map((h) => h.consumerId);
      for (const node of downstream) expect(duplicates.some((d) => d.affected.nodeIds.includes(node))).toBe(true);
    }), { numRuns: 30 });
  });

  it('given callers that retry without idempotency keys and a crash after every commit, when run, then every request committed twice is a duplicate command effect; with keys, none', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, seedArb, commandsArb, fc.boolean(), async (spec, seed, commands, keys) => {
      const flow = randomFlow(spec, { outbox: true, inbox: true });
      const engine = memoryEngine();
      await runToQuiet(engine, flow, {
        seed, faults: { crashAfterCommit: 1 }, callerRetries: 1,
        patterns: { idempotencyKey: Object.fromEntries(flow.producers.map((p) => [p.id, keys])) },
      }, commands);
      const input = await engine.checkInput(flow.id);
      const report = await engine.report(flow.id);
      const committed = input.tables.commands.filter((c) => c.status === 'handled' && c.answeredFrom === undefined);
      const requests = new Set(committed.map((c) => c.requestId));
      const twice = [...requests].filter((r) => committed.filter((c) => c.requestId === r).length > 1);
      expect(report.entries.filter((e) => e.kind === 'duplicate-command').map((e) => e.id.slice('duplicate-command:'.length)).sort()).toEqual(twice.sort());
      expect(twice.length).toBe(keys ? 0 : commands);
    }), { numRuns: 30 });
  });

  it('given node ids and names such as __proto__, constructor and toString, when random flows run under faults, then no event vanishes and the counters equal the tables', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, faultMixArb, seedArb, commandsArb, async (spec, faults, seed, commands) => {
      const { engine, db } = engineOnIndexedDb();
      const flow = randomFlow(spec, { outbox: true, inbox: true, hostileIds: true, retryLimit: 30 });
      expect([...flow.eventTypes, ...flow.producers, ...flow.consumers].map((n) => n.id)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', 'hasOwnProperty']));
      const run = await runToQuiet(engine, flow, { seed, faults: { ...faults, relayDown: null }, conflictRetries: 50 }, commands);
      expect(run.quiet).toBe(true);
      const all = await rowsOf(db, flow.id).commands();
      const handled = all.filter((c) => c.status === 'handled');
      const events = await rowsOf(db, flow.id).events();
      expect(events.filter((e) => e.depth === 0).length).toBe(handled.length);
      expect(handled.length + all.filter((c) => c.status === 'crashed').length).toBe(commands);
      const counters = await countersFromTables(db, flow.id);
      expect(nonZeroCounts(run.stats.outboxSent)).toEqual(counters.outboxSent);
      expect(nonZeroCounts(run.stats.acked)).toEqual(counters.acked);
      expect(nonZeroCounts(run.stats.projectionRows)).toEqual(counters.projectionRows);
      expect((await engine.report(flow.id)).ok).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: 25 });
  });

  it('given the same flow, seed, settings and commands, when run one transaction per step and batched, then the traces are identical', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, faultMixArb, seedArb, fc.boolean(), fc.boolean(), async (spec, faults, seed, outbox, inbox) => {
      const flow = randomFlow(spec, { outbox, inbox });
      const a = engineOnIndexedDb();
      const b = engineOnIndexedDb();
      const settings = { seed, faults: { ...faults, relayDown: faults.relayDown && { ...faults.relayDown, steps: Math.min(40, faults.relayDown.steps) } }, ackTimeoutSteps: 30 };
      await runToQuiet(a.engine, flow, settings, 4, 1);
      await runToQuiet(b.engine, flow, settings, 4, 500);
      const traceA = await a.db.trace.toArray();
      const traceB = await b.db.trace.toArray();
      expect(traceA.length).toBeGreaterThan(0);
      expect(traceB).toEqual(traceA);
      expect(await b.db.projectionRows.toArray()).toEqual(await a.db.projectionRows.toArray());
      expect(await b.db.handlings.toArray()).toEqual(await a.db.handlings.toArray());
    }), { numRuns: 20 });
  });
});
