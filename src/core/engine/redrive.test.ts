import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreFlowDocument, type FlowDocument } from '../model';
import { createSimulationEngine } from './engine';
import { createMemorySimulationStore } from './memoryStore';

function example(): FlowDocument {
  const restored = restoreFlowDocument(JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')));
  if (!restored.ok) throw new Error('example refused');
  return restored.doc;
}
const VIDEO = '5f0c6b1e-8a3d-4c2e-9f10-2b7d4e6a1c09';

/** A run where a poison title dead-letters the ingest event at author-service and status-board, then a status change of the same video follows. */
async function poisoned() {
  const store = createMemorySimulationStore();
  const engine = createSimulationEngine(store);
  const flow = example();
  await engine.startRun(flow, { seed: 2, faults: { poisonValue: 'POISON' } });
  await engine.fire(flow.id, { producerId: 'content-ingest', commandId: 'ingest-video', payload: { videoId: VIDEO, title: 'POISON', authorId: 'alice' } });
  await engine.runUntilQuiet(flow.id);
  await engine.fire(flow.id, { producerId: 'content-ingest', commandId: 'change-video-status', payload: { videoId: VIDEO, status: 'blocked' } });
  await engine.runUntilQuiet(flow.id);
  await engine.updateSettings(flow.id, { faults: { poisonValue: null } });
  const rows = async () => (await engine.checkInput(flow.id)).tables;
  return { engine, flow, rows };
}

describe('redrive of dead letters', () => {
  it('given two dead letters, when one is redriven and the run goes on, then it is applied, its dead letter is info, the other stays broken', async () => {
    const { engine, flow, rows } = await poisoned();
    const before = await engine.report(flow.id);
    expect(before.entries.filter((e) => e.kind === 'dead-letter').map((e) => e.severity)).toEqual(['broken', 'broken']);
    const dead = (await rows()).deadLetters;
    const authorDead = dead.find((d) => d.consumerId === 'author-service')!;

    const [redriven] = await engine.redrive(flow.id, (authorDead as unknown as { seq: number }).seq);
    expect(redriven).toMatchObject({ consumerId: 'author-service', redrivenStep: expect.any(Number), redriveDeliverySeq: expect.any(Number) });
    expect((await engine.getRun(flow.id))?.quiet).toBe(false);
    const result = await engine.runUntilQuiet(flow.id);
    expect(result.quiet).toBe(true);

    const tables = await rows();
    expect(tables.projectionRows.find((r) => r.projectionId === 'author-videos' && r.key === VIDEO)?.values).toMatchObject({ title: 'POISON', authorId: 'alice' });
    const report = await engine.report(flow.id);
    const letters = report.entries.filter((e) => e.kind === 'dead-letter');
    expect(letters.map((e) => [e.nodeIds[0], e.severity])).toEqual(expect.arrayContaining([['author-service', 'info'], ['status-board', 'broken']]));
    expect(letters.find((e) => e.severity === 'info')?.message).toMatch(/redriven at step \d+ and applied since$/);
    // The one left dead leaves a gap at status-board (it applied version 2 without version 1); the redriven one leaves none.
    expect(report.entries.filter((e) => e.kind === 'gap').map((e) => e.nodeIds[0])).toEqual(['status-board']);
    // What the redrive caused downstream arrived too: the follow center counted the notification.
    expect(tables.projectionRows.find((r) => r.projectionId === 'notifications' && r.key === 'alice')?.values).toMatchObject({ notificationsSent: 1 });
  });

  it('given a dead letter whose stream moved on, when redriven and applied, then it is not a gap (the old version arrives late instead) and "all" leaves nothing broken but that', async () => {
    const { engine, flow } = await poisoned();
    const redriven = await engine.redrive(flow.id, 'all');
    expect(redriven.map((d) => d.consumerId).sort()).toEqual(['author-service', 'status-board']);
    await engine.runUntilQuiet(flow.id);
    const report = await engine.report(flow.id);
    expect(report.byKind.gap ?? 0).toBe(0);
    expect(report.byKind.missed ?? 0).toBe(0);
    expect(report.entries.filter((e) => e.kind === 'dead-letter').every((e) => e.severity === 'info')).toBe(true);
    // status-board applied version 2 (blocked) before the redriven version 1: an old version applied after a newer one is reported.
    expect(report.entries.some((e) => (e.kind === 'stale' || e.kind === 'late') && e.nodeIds.includes('status-board'))).toBe(true);
    expect(await engine.redrive(flow.id, 'all')).toEqual([]);
  });

  it('given a redrive of a message that is still poisonous, when run, then it is dead-lettered again and that new dead letter is broken', async () => {
    const { engine, flow } = await poisoned();
    await engine.updateSettings(flow.id, { faults: { poisonValue: 'POISON' } });
    await engine.redrive(flow.id, 1);
    await engine.runUntilQuiet(flow.id);
    const report = await engine.report(flow.id);
    const letters = report.entries.filter((e) => e.kind === 'dead-letter');
    expect(letters).toHaveLength(3);
    expect(letters.filter((e) => e.severity === 'broken')).toHaveLength(3);
    expect(letters.some((e) => /redriven at step \d+, not applied since/.test(e.message))).toBe(true);
  });

  it('refuses an unknown dead letter and one redriven already, with the reason', async () => {
    const { engine, flow } = await poisoned();
    await expect(engine.redrive(flow.id, 99)).rejects.toThrow('no dead letter #99 in this run');
    await engine.redrive(flow.id, 1);
    await expect(engine.redrive(flow.id, 1)).rejects.toThrow(/dead letter #1 was redriven at step \d+ already/);
  });
});
