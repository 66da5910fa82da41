/**
 * Mutation tests: each deliberate engine bug, switched on through the engine's test seam, must turn
 * the checker's `ok` false with the right kind — found from the tables, never from trace text or a
 * fault branch — while the same run without the bug keeps every invariant.
 */
import { describe, expect, it } from 'vitest';
import type { SettingsPatch } from '../settings';
import { createSimulationEngine } from '../engine';
import { createMemorySimulationStore } from '../memoryStore';
import type { EngineMutants } from '../mutants';
import { pipelineFlow, type PipelineOptions } from '../testing/smallFlows';
import type { AnomalyKind, CheckReport } from './types';

/** Runs the pipeline with `commands` creates and changes on `items` items; returns the checker's report. */
async function reportOf(mutants: EngineMutants, settings: SettingsPatch, flowOptions: PipelineOptions = {}, { items = 4, commands = 24 } = {}): Promise<CheckReport> {
  const engine = createSimulationEngine(createMemorySimulationStore(), { mutants });
  const flow = pipelineFlow(flowOptions);
  await engine.startRun(flow, { seed: 21, ackTimeoutSteps: 25, ...settings });
  for (let i = 0; i < commands; i++) {
    const itemId = `i-${i % items}`;
    await engine.fire(flow.id, i < items
      ? { producerId: 'shop', commandId: 'create', payload: { itemId, owner: `owner-${i % 2}`, state: 'a' } }
      : { producerId: 'shop', commandId: 'change', payload: { itemId, state: ['a', 'b', 'c'][i % 3] ?? 'a' } });
  }
  const result = await engine.runUntilQuiet(flow.id, { maxSteps: 50_000 });
  expect(result.quiet).toBe(true);
  return engine.report(flow.id);
}

const kinds = (report: CheckReport) => new Set(report.entries.filter((e) => e.severity === 'broken').map((e) => e.kind));

const cases: { mutant: keyof EngineMutants; settings: SettingsPatch; flow?: PipelineOptions; load?: { items: number; commands: number }; kind: AnomalyKind; rootCause: string }[] = [
  { mutant: 'atMostOnceRelay', settings: { faults: { crashAfterPublish: 0.3 } }, kind: 'lost', rootCause: 'shop' },
  { mutant: 'skipInboxCheck', settings: { faults: { duplicateDelivery: 0.5 } }, kind: 'duplicate', rootCause: 'counter' },
  { mutant: 'inboxInSeparateTransaction', settings: { faults: { crashAfterHandle: 0.4 } }, kind: 'duplicate', rootCause: 'counter' },
  { mutant: 'ackBeforeHandle', settings: { faults: { crashBeforeCommit: 0.3 } }, kind: 'missed', rootCause: 'catalog' },
  { mutant: 'emitWithoutOutbox', settings: { faults: { crashAfterHandle: 0.4 } }, kind: 'lost', rootCause: 'catalog' },
  // Two busy streams: the consumer has several messages of one stream queued at once, so a broker ignoring order shows.
  { mutant: 'reorderIgnoringOrder', settings: { faults: { reorder: 0.6 } }, load: { items: 2, commands: 40 }, kind: 'stale', rootCause: 'catalog' },
];

describe('mutants the checker must catch', () => {
  it.each(cases)('given the $mutant mutant, when the pipeline runs with $settings.faults, then ok is false with $kind at $rootCause; without the mutant every invariant holds', async ({ mutant, settings, flow, load, kind, rootCause }) => {
    const correct = await reportOf({}, settings, flow, load);
    expect(correct.entries.filter((e) => e.severity === 'broken')).toEqual([]);
    const broken = await reportOf({ [mutant]: true }, settings, flow, load);
    expect(broken.ok).toBe(false);
    expect(kinds(broken)).toContain(kind);
    expect(broken.entries.filter((e) => e.kind === kind).map((e) => e.rootCause.nodeId)).toContain(rootCause);
  });
});
