import { afterEach, describe, expect, it } from 'vitest';
import { pipelineFlow } from '../../core/engine/testing/smallFlows';
import { create, freshEngine, watchWrites } from './testEngine';

let close: (() => Promise<void>) | undefined;
let stopWatching: (() => void) | undefined;
afterEach(async () => {
  stopWatching?.();
  stopWatching = undefined;
  await close?.();
  close = undefined;
});

describe('the stored report', () => {
  it('given a check that finds what the last one found, then nothing is written (a view of the report reads nothing new); a new finding rewrites entries and summary', async () => {
    const fresh = freshEngine();
    close = fresh.close;
    const { engine, db } = fresh;
    const flow = pipelineFlow();
    const runId = flow.id;
    await engine.startRun(flow, { seed: 11, faults: { duplicateDelivery: 1 }, patterns: { inbox: { counter: false } } });
    await engine.fire(runId, create);
    await engine.runUntilQuiet(runId);
    const first = await engine.reportWithSummary(runId);
    expect(first.report.broken).toBeGreaterThan(0);
    expect(first.summary).toEqual(await db.reports.get(runId));
    const stored = await db.anomalies.toArray();
    expect(stored.map((a) => a.step)).toEqual(stored.map(() => first.summary.step));

    const writes = watchWrites(['anomalies', 'reports']);
    stopWatching = writes.stop;
    // The same run checked again: the same entries.
    const again = await engine.reportWithSummary(runId);
    expect(again.report).toEqual(first.report);
    expect(writes.seen).toEqual([]);
    expect(await db.anomalies.toArray()).toEqual(stored);

    // Another command: the run moves on and finds more, and the entries are written again.
    await engine.fire(runId, { ...create, payload: { ...create.payload, itemId: 'i-2' } });
    await engine.runUntilQuiet(runId);
    const later = await engine.reportWithSummary(runId);
    expect(later.report.entries.length).toBeGreaterThan(first.report.entries.length);
    expect(writes.seen.map((w) => w.table)).toContain('anomalies');
    expect(writes.seen.map((w) => w.table)).toContain('reports');
    expect((await db.anomalies.toArray()).map((a) => a.step)).toEqual(later.report.entries.map(() => later.summary.step));
    expect(await db.reports.get(runId)).toEqual(later.summary);
  });
});
