import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { FaultSettings, SimulationEngine } from '../../core';
import { flowSpecArb, randomFlow } from '../../core/engine/testing/smallFlows';
import { countersFromTables, freshEngine, nonZero, runToQuiet } from './testEngine';

const opened: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of opened) await close();
});

function engineForProperty(): { engine: SimulationEngine; db: ReturnType<typeof freshEngine>['db'] } {
  const fresh = freshEngine();
  opened.push(fresh.close);
  return fresh;
}

const probability = fc.constantFrom(0, 0, 0.1, 0.3, 0.6);
const faultMixArb = fc.record<Partial<FaultSettings>>({
  crashAfterCommit: probability,
  crashAfterPublish: probability,
  duplicateDelivery: probability,
  reorder: probability,
  consumerFailure: fc.constantFrom(0, 0, 0.1, 0.3),
  relayDown: fc.option(fc.record({ fromStep: fc.nat(30), steps: fc.integer({ min: 1, max: 40 }) }), { nil: null }),
});
const seedArb = fc.integer({ min: 1, max: 1_000_000 });
const commandsArb = fc.integer({ min: 1, max: 8 });

describe('simulation engine properties (fake-indexeddb)', () => {
  it('given outbox and inbox on, when any fault mix runs, then it ends quiet with no lost event, no duplicate effect, and every projection row traces back to a committed command', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, faultMixArb, seedArb, commandsArb, async (spec, faults, seed, commands) => {
      const { engine, db } = engineForProperty();
      const flow = randomFlow(spec, { outbox: true, inbox: true });
      const run = await runToQuiet(engine, flow, { seed, faults }, commands);
      expect(run.quiet).toBe(true);
      const report = await engine.report(flow.id);
      expect(report.filter((a) => a.kind === 'lost' || a.kind === 'duplicate-effect' || a.kind === 'stuck-outbox')).toEqual([]);
      const rows = await db.projectionRows.where(':id').between([flow.id], [flow.id, []]).toArray();
      const commandsById = new Map((await db.commands.where(':id').between([flow.id], [flow.id, []]).toArray()).map((c) => [c.id, c]));
      for (const row of rows) {
        const event = await db.events.where('[runId+eventId]').equals([flow.id, row.lastEventId]).first();
        expect(event, `row ${row.key} of ${row.projectionId}`).toBeDefined();
        expect(commandsById.get(event?.commandId ?? '')?.status).toBe('handled');
      }
      const counters = await countersFromTables(db, flow.id);
      expect(nonZero(run.stats.outboxPending)).toEqual(counters.outboxPending);
      expect(nonZero(run.stats.outboxSent)).toEqual(counters.outboxSent);
      expect(nonZero(run.stats.acked)).toEqual(counters.acked);
      expect(nonZero(run.stats.dead)).toEqual(counters.dead);
      expect(nonZero(run.stats.projectionRows)).toEqual(counters.projectionRows);
      if (faults.reorder === 0 && faults.consumerFailure === 0) {
        expect(report).toEqual([]);
        expect((await engine.rebuildProjections(flow.id)).differences).toEqual([]);
      }
    }), { numRuns: 150 });
  });

  it('given the inbox off and every delivery duplicated, when the run is quiet, then each applied event is reported as a duplicate effect', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, seedArb, commandsArb, async (spec, seed, commands) => {
      const { engine, db } = engineForProperty();
      const flow = randomFlow(spec, { outbox: true, inbox: false });
      await runToQuiet(engine, flow, { seed, faults: { duplicateDelivery: 1 } }, commands);
      const applications = await db.applications.where(':id').between([flow.id], [flow.id, []]).toArray();
      const duplicates = (await engine.report(flow.id)).filter((a) => a.kind === 'duplicate-effect');
      if ((await db.deliveries.count()) > 0) expect(applications.length).toBeGreaterThan(0);
      expect(applications.every((a) => a.times === 2)).toBe(true);
      expect(duplicates.map((d) => d.id).sort()).toEqual(applications.map((a) => `duplicate-effect:${a.consumerId}:${a.eventId}`).sort());
    }), { numRuns: 50 });
  });

  it('given dual write and a crash after every commit, when the run is quiet, then every producer event is reported lost', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, seedArb, commandsArb, async (spec, seed, commands) => {
      const { engine, db } = engineForProperty();
      const flow = randomFlow(spec, { outbox: false, inbox: true });
      await runToQuiet(engine, flow, { seed, faults: { crashAfterCommit: 1 } }, commands);
      const events = await db.events.where(':id').between([flow.id], [flow.id, []]).toArray();
      const lost = (await engine.report(flow.id)).filter((a) => a.kind === 'lost');
      expect(events.length).toBe(commands);
      expect(lost.map((a) => a.eventIds[0]).sort()).toEqual(events.map((e) => e.eventId).sort());
      expect(await db.publications.count()).toBe(0);
    }), { numRuns: 40 });
  });

  it('given the same flow, seed, settings and commands, when run one transaction per step and batched, then the traces are identical', async () => {
    await fc.assert(fc.asyncProperty(flowSpecArb, faultMixArb, seedArb, fc.boolean(), fc.boolean(), async (spec, faults, seed, outbox, inbox) => {
      const flow = randomFlow(spec, { outbox, inbox });
      const a = engineForProperty();
      const b = engineForProperty();
      await runToQuiet(a.engine, flow, { seed, faults }, 4, 1);
      await runToQuiet(b.engine, flow, { seed, faults }, 4, 500);
      const traceA = await a.db.trace.toArray();
      const traceB = await b.db.trace.toArray();
      expect(traceA.length).toBeGreaterThan(0);
      expect(traceB).toEqual(traceA);
      expect(await b.db.projectionRows.toArray()).toEqual(await a.db.projectionRows.toArray());
    }), { numRuns: 20 });
  });
});
