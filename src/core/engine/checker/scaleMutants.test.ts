/**
 * Mutation tests of issue 13's remedies: each deliberate engine bug breaks one remedy through the
 * engine's test seam, and the checker must find the matching anomaly from the rows alone, while the
 * same run without the bug has none of that kind.
 */
import { describe, expect, it } from 'vitest';
import { createSimulationEngine } from '../engine';
import { createMemorySimulationStore } from '../memoryStore';
import type { EngineMutants } from '../mutants';
import type { SettingsPatch } from '../settings';
import { tallyFlow, type TallyOptions } from '../testing/scaleFlows';
import type { AnomalyKind, CheckReport } from './types';

/** 30 orders of `customers` customers through `tally`; the checker's report (the run may not converge: a lock that never frees). */
async function reportOf(options: TallyOptions, settings: SettingsPatch, mutants: EngineMutants, customers: number, seed: number): Promise<CheckReport> {
  const engine = createSimulationEngine(createMemorySimulationStore(), { mutants });
  const flow = tallyFlow(options);
  await engine.startRun(flow, { seed, ackTimeoutSteps: 30, ...settings });
  for (let i = 0; i < 30; i++) {
    await engine.fire(flow.id, { producerId: 'shop', commandId: 'place', payload: { orderId: `o-${i}`, customer: `c-${i % customers}` } });
  }
  await engine.runUntilQuiet(flow.id, { maxSteps: 6_000 });
  return engine.report(flow.id);
}

const kills = { killInstance: 0.03, instanceDownSteps: 40 };
const byCustomer = { kind: 'partitioned', partitions: 4, key: '/customer' } as const;

const cases: { mutant: keyof EngineMutants; options: TallyOptions; settings: SettingsPatch; customers: number; seed: number; kind: AnomalyKind }[] = [
  { mutant: 'skipVersionCheck', options: { instances: 2, mode: { kind: 'competing' }, concurrency: 'optimistic' }, settings: {}, customers: 1, seed: 5, kind: 'lost-update' },
  { mutant: 'lockLeaseNeverEnds', options: { instances: 2, mode: { kind: 'competing' }, concurrency: 'lock', lockLeaseSteps: 20 }, settings: { faults: kills }, customers: 1, seed: 2, kind: 'lock-past-lease' },
  // Seed 2 (sticky rebalance: the mutant shows key-order at 23 of seeds 1–30, none of them without it).
  { mutant: 'partitionNotBlocked', options: { instances: 3, mode: byCustomer }, settings: { faults: kills }, customers: 2, seed: 2, kind: 'key-order' },
  // A slow instance keeps a stale read while a rebalance moves its partition; with the inbox off only the fence stops its write.
  {
    mutant: 'skipFencing', options: { instances: 3, mode: byCustomer, concurrency: 'single-writer', inbox: false },
    settings: { faults: { ...kills, slowInstances: [{ instance: 'tally#1', factor: 12 }] } }, customers: 2, seed: 1, kind: 'lost-update',
  },
];

describe('issue 13 mutants the checker must catch', () => {
  it.each(cases)('given the $mutant mutant, then the checker reports $kind at tally; without it, no $kind', async ({ mutant, options, settings, customers, seed, kind }) => {
    const correct = await reportOf(options, settings, {}, customers, seed);
    expect(correct.entries.filter((e) => e.kind === kind)).toEqual([]);
    const broken = await reportOf(options, settings, { [mutant]: true }, customers, seed);
    expect(broken.ok).toBe(false);
    const found = broken.entries.filter((e) => e.kind === kind);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.severity === 'broken' && e.rootCause.nodeId === 'tally')).toBe(true);
  });
});
