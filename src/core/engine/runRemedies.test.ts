/**
 * Run-level remedies (issue 13): the run's settings override a consumer's or projection's
 * concurrency control and a cached projection's leases for this run only, without editing the
 * design (`settings.concurrency`, `settings.cacheLeases`).
 */
import { describe, expect, it } from 'vitest';
import { createSimulationEngine } from './engine';
import { createMemorySimulationStore } from './memoryStore';
import { mergeSettings, defaultRunSettings, type SettingsPatch } from './settings';
import { controlOf } from './steps/raceSteps';
import { indexFlow } from './flowIndex';
import { tallyFlow, type TallyOptions } from './testing/scaleFlows';

async function raced(options: TallyOptions, settings: SettingsPatch) {
  const engine = createSimulationEngine(createMemorySimulationStore());
  const flow = tallyFlow(options);
  await engine.startRun(flow, { seed: 5, ackTimeoutSteps: 60, ...settings });
  for (let i = 0; i < 24; i++) await engine.fire(flow.id, { producerId: 'shop', commandId: 'place', payload: { orderId: `o-${i}`, customer: 'c-0' } });
  const result = await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
  const rows = (await engine.checkInput(flow.id)).tables.projectionRows;
  return { result, orders: Number(rows[0]?.values.orders ?? 0), report: await engine.report(flow.id), flow };
}

describe('run-level remedy overrides (issue 13)', () => {
  it('given a run override, then it wins over the design; among overrides the projection wins; user-chosen ids such as __proto__ are plain keys', () => {
    const index = indexFlow(tallyFlow({ instances: 2, concurrency: 'lock' }));
    expect(controlOf(index, 'tally', 'customers', 2)).toBe('lock');
    expect(controlOf(index, 'tally', 'customers', 2, { concurrency: { tally: 'optimistic' } })).toBe('optimistic');
    expect(controlOf(index, 'tally', 'customers', 2, { concurrency: { tally: 'optimistic', customers: 'none' } })).toBe('none');
    expect(controlOf(index, 'tally', 'customers', 2, { concurrency: JSON.parse('{"__proto__":"lock"}') as Record<string, 'lock'> })).toBe('lock');
    const merged = mergeSettings(defaultRunSettings(1), { concurrency: JSON.parse('{"__proto__":"optimistic"}') as Record<string, 'optimistic'>, cacheLeases: { customers: true } });
    expect(Object.hasOwn(merged.concurrency ?? {}, '__proto__')).toBe(true);
    expect(mergeSettings(merged, { cacheLeases: { customers: false } }).cacheLeases).toEqual({ customers: false });
  });

  it('given a design without a concurrency control, when the run overrides customers to optimistic (then to the lock), then no update is lost; without the override they are', async () => {
    const design: TallyOptions = { instances: 2, mode: { kind: 'competing' } };
    const none = await raced(design, {});
    expect(none.orders).toBeLessThan(24);
    expect(none.report.entries.some((e) => e.kind === 'lost-update')).toBe(true);
    for (const control of ['optimistic', 'lock'] as const) {
      const fixed = await raced(design, { concurrency: { customers: control } });
      expect(fixed.result.quiet).toBe(true);
      expect(fixed.orders).toBe(24);
      expect(fixed.report.broken).toBe(0);
      expect(fixed.flow.projections[0]?.concurrency).toBeUndefined();
    }
  });

  it('given a design with the lock, when the run overrides the consumer to none, then updates are lost for this run', async () => {
    const off = await raced({ instances: 2, mode: { kind: 'competing' }, concurrency: 'lock' }, { concurrency: { tally: 'none' } });
    expect(off.orders).toBeLessThan(24);
    expect(off.report.entries.some((e) => e.kind === 'lost-update')).toBe(true);
  });

  it('given a cache without leases and a slow reader, when the run switches leases on, then fills a write overtook are refused and no cache entry is stale; off, the same race leaves one stale', async () => {
    const slow: SettingsPatch = { faults: { slowInstances: [{ instance: 'reader:customers', factor: 6 }] } };
    const design: TallyOptions = { instances: 2, mode: { kind: 'competing' }, concurrency: 'lock', cache: { leases: false } };
    const stale = async (settings: SettingsPatch) => {
      const engine = createSimulationEngine(createMemorySimulationStore());
      const flow = tallyFlow(design);
      const found: number[] = [];
      let refused = 0;
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        await engine.startRun(flow, { seed, ackTimeoutSteps: 60, ...slow, ...settings });
        for (let i = 0; i < 24; i++) await engine.fire(flow.id, { producerId: 'shop', commandId: 'place', payload: { orderId: `o-${i}`, customer: `c-${i % 4}` } });
        const result = await engine.runUntilQuiet(flow.id, { maxSteps: 20_000 });
        expect(result.quiet).toBe(true);
        refused += result.run.stats.cacheFillsRefused?.customers ?? 0;
        found.push((await engine.report(flow.id)).entries.filter((e) => e.kind === 'stale-cache').length);
      }
      return { found, refused };
    };
    const without = await stale({});
    expect(without.found.some((n) => n > 0)).toBe(true);
    expect(without.refused).toBe(0);
    const withLeases = await stale({ cacheLeases: { customers: true } });
    expect(withLeases.found.every((n) => n === 0)).toBe(true);
    expect(withLeases.refused).toBeGreaterThan(0);
  });
});
