/**
 * Cache-aside (issue 13): a write invalidates the cached row and its readers read it again; a read
 * that missed fills the cache a step later. Without leases a write between the miss and the fill
 * leaves a stale entry that every later read hits, and the checker finds it at quiet; with leases
 * the late fill is refused and nothing is stale.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectionCache } from '../model';
import { createSimulationEngine } from './engine';
import { createMemorySimulationStore } from './memoryStore';
import type { EngineMutants } from './mutants';
import { tallyFlow } from './testing/scaleFlows';

async function cached(cache: ProjectionCache, mutants: EngineMutants = {}, seed = 3) {
  const store = createMemorySimulationStore();
  const engine = createSimulationEngine(store, { mutants });
  const flow = tallyFlow({ instances: 1, mode: { kind: 'competing' }, cache });
  await engine.startRun(flow, { seed });
  for (let i = 0; i < 24; i++) await engine.fire(flow.id, { producerId: 'shop', commandId: 'place', payload: { orderId: `o-${i}`, customer: 'c-0' } });
  const result = await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
  const trace = await store.transaction('r', ['trace'], (tx) => tx.query('trace', ':id', { prefix: [flow.id] }));
  return { result, report: await engine.report(flow.id), trace, stats: result.run.stats };
}

describe('cache-aside (issue 13)', () => {
  it('given a cache without leases, when writes race with fills, then an entry is left stale at quiet and the checker names the projection', async () => {
    const { result, report, trace, stats } = await cached({});
    expect(result.quiet).toBe(true);
    expect(stats.cacheMisses?.customers ?? 0).toBeGreaterThan(0);
    expect(stats.cacheHits?.customers ?? 0).toBeGreaterThan(0);
    expect(stats.cacheInvalidations?.customers ?? 0).toBeGreaterThan(0);
    const stale = report.entries.filter((e) => e.kind === 'stale-cache');
    expect(stale.length).toBeGreaterThan(0);
    expect(stale[0]).toMatchObject({ severity: 'broken', rootCause: { nodeId: 'customers' } });
    expect(stale[0]?.message).toMatch(/^the cache of customers\[c-0\] holds .* while the row is /);
    expect(trace.some((t) => t.phase === 'cache-fill' && /over an entry|filled/.test(t.text))).toBe(true);
  });

  it('given leases, when the same writes race with fills (seeds 1–6), then late fills are refused and no entry is ever stale', async () => {
    let refused = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { result, report, trace, stats } = await cached({ leases: true }, {}, seed);
      expect(result.quiet).toBe(true);
      expect(report.entries.filter((e) => e.severity === 'broken')).toEqual([]);
      const count = stats.cacheFillsRefused?.customers ?? 0;
      expect(trace.filter((t) => t.phase === 'cache-fill-refused').length).toBe(count);
      refused += count;
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('given leases and the fill-ignores-lease mutant, then the checker finds the stale entry again', async () => {
    const { report } = await cached({ leases: true }, { fillIgnoresLease: true });
    expect(report.entries.some((e) => e.kind === 'stale-cache' && e.severity === 'broken')).toBe(true);
  });
});
