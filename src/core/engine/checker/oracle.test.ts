/**
 * An oracle written apart from the checker recomputes lost events, repeated applications, gaps and
 * out-of-order applications straight from the raw tables, in the plainest way; on random runs
 * (random flows, pattern mixes, fault mixes and engine mutants) it must agree with the checker.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../model';
import { createSimulationEngine } from '../engine';
import { createMemorySimulationStore } from '../memoryStore';
import type { EngineMutants } from '../mutants';
import { flowSpecArb, randomFlow } from '../testing/smallFlows';
import { checkRun } from './index';
import type { CheckTables } from './types';

/** Every event type a consumer hears: the ones it handles, and all their subtypes. */
function heardBy(flow: FlowDocument, consumerId: string): Set<string> {
  const handled = new Set(flow.consumers.find((c) => c.id === consumerId)?.handlers.map((h) => h.eventTypeId) ?? []);
  const heard = new Set<string>();
  for (const type of flow.eventTypes) {
    for (let t: string | undefined = type.id; t !== undefined; t = flow.eventTypes.find((e) => e.id === t)?.extends) {
      if (handled.has(t)) heard.add(type.id);
    }
  }
  return heard;
}

function oracle(flow: FlowDocument, t: CheckTables) {
  const published = new Set(t.publications.map((p) => p.eventId));
  const pending = new Set([...t.outbox.filter((o) => o.status === 'pending').map((o) => o.eventId), ...t.pendingPublishes.map((p) => p.eventId)]);
  const lost = t.events.filter((e) => !published.has(e.eventId) && !pending.has(e.eventId)).map((e) => e.eventId);

  const applied = t.handlings.filter((h) => h.outcome === 'applied');
  const twice = new Set<string>();
  for (const h of applied) if (applied.filter((x) => x.consumerId === h.consumerId && x.eventId === h.eventId).length > 1) twice.add(`${h.consumerId}|${h.eventId}`);

  const gaps = new Set<string>();
  for (const c of flow.consumers) {
    const heard = heardBy(flow, c.id);
    const mine = applied.filter((h) => h.consumerId === c.id);
    for (const streamId of new Set(mine.map((h) => h.streamId))) {
      const top = Math.max(...mine.filter((h) => h.streamId === streamId).map((h) => h.version));
      const holes = t.events.filter((e) => e.streamId === streamId && e.version < top && heard.has(e.eventTypeId)
        && !mine.some((h) => h.eventId === e.eventId)
        && !t.deliveries.some((d) => d.consumerId === c.id && d.eventId === e.eventId && (d.status === 'queued' || d.status === 'in-flight')));
      if (holes.length > 0) gaps.add(`${c.id}|${streamId}`);
    }
  }

  const late = new Set<string>();
  for (const h of applied) {
    const before = applied.filter((x) => x.consumerId === h.consumerId && x.streamId === h.streamId && x.seq < h.seq);
    if (before.some((x) => x.version > h.version)) late.add(`${h.consumerId}|${h.eventId}|${h.seq}`);
  }
  return { lost: lost.sort(), twice, gaps, late };
}

const mutantsArb = fc.record<EngineMutants>({
  atMostOnceRelay: fc.boolean(), skipInboxCheck: fc.boolean(), inboxInSeparateTransaction: fc.boolean(),
  ackBeforeHandle: fc.boolean(), emitWithoutOutbox: fc.boolean(), reorderIgnoringOrder: fc.boolean(),
}, { requiredKeys: [] });
const p = fc.constantFrom(0, 0.1, 0.3, 0.6);
const faultsArb = fc.record({
  crashBeforeCommit: p, crashAfterCommit: p, crashAfterPublish: p, crashAfterHandle: p, duplicateDelivery: p, reorder: p, consumerFailure: fc.constantFrom(0, 0.2),
});

describe('the checker agrees with an oracle written apart from it', () => {
  it('given random flows, patterns, faults and engine mutants, when run to quiet, then lost, repeated, gap and out-of-order findings are the same', async () => {
    const seen = { lost: 0, twice: 0, gaps: 0, late: 0 };
    await fc.assert(fc.asyncProperty(
      flowSpecArb, fc.constantFrom<boolean | 'mixed'>(true, false, 'mixed'), fc.constantFrom<boolean | 'mixed'>(true, false, 'mixed'), fc.boolean(),
      faultsArb, mutantsArb, fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 8 }),
      async (spec, outbox, inbox, shared, faults, mutants, seed, commands) => {
        const engine = createSimulationEngine(createMemorySimulationStore(), { mutants });
        const flow = randomFlow(spec, { outbox, inbox, sharedStreams: shared });
        await engine.startRun(flow, { seed, faults, ackTimeoutSteps: 20, callerRetries: 1 });
        await engine.fireMany(flow.id, { count: commands });
        await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
        const input = await engine.checkInput(flow.id);
        const expected = oracle(flow, input.tables);
        const report = checkRun(input);
        seen.lost += expected.lost.length > 0 ? 1 : 0;
        seen.twice += expected.twice.size > 0 ? 1 : 0;
        seen.gaps += expected.gaps.size > 0 ? 1 : 0;
        seen.late += expected.late.size > 0 ? 1 : 0;
        const ids = (kinds: string[]) => report.entries.filter((e) => kinds.includes(e.kind));
        expect(ids(['lost']).map((e) => e.eventIds[0]).sort()).toEqual(expected.lost);
        expect(new Set(ids(['duplicate', 'repeat']).map((e) => `${e.rootCause.nodeId}|${e.eventIds[0]}`))).toEqual(expected.twice);
        expect(new Set(ids(['gap']).filter((e) => !e.id.startsWith('gap:store:')).map((e) => e.id.replace(/^gap:/, '').replace(':', '|')))).toEqual(expected.gaps);
        expect(new Set(ids(['stale', 'late']).map((e) => `${e.rootCause.nodeId}|${e.eventIds[0]}|${e.id.split(':').pop()}`))).toEqual(expected.late);
      },
    ), { numRuns: 60 });
    // The agreement means something only if the runs found each kind now and then.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(2);
  });
});
