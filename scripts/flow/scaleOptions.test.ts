// The scale options' remedies are run overrides (issue 13 item 5): `--concurrency` and `--cache
// on|leases` on a cached projection go to the run's settings; the design copy keeps its own.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { restoreFlowDocument, type FlowDocument } from '../../src/core';
import { applyScaleOptions, parseScaleOptions, runRemedies } from './scaleOptions';

function example(): FlowDocument {
  const result = restoreFlowDocument(JSON.parse(readFileSync('public/examples/order-fulfilment.json', 'utf8')));
  if (!result.ok) throw new Error('the example does not restore');
  return result.doc;
}

const parsed = (flags: Record<string, string>) => parseScaleOptions((name) => (Object.hasOwn(flags, name) ? flags[name] : undefined));

describe('scale options as run remedies (issue 13)', () => {
  it('given --concurrency and --cache leases on a cached projection, then they become settings.concurrency and settings.cacheLeases and the design copy is unchanged there', () => {
    const flow = example();
    const options = parsed({ concurrency: 'customer-stats=lock,order-tracker=optimistic', cache: 'customer-stats=leases', instances: 'order-tracker=2' });
    expect(runRemedies(flow, options)).toEqual({ concurrency: { 'customer-stats': 'lock', 'order-tracker': 'optimistic' }, cacheLeases: { 'customer-stats': true } });
    const doc = applyScaleOptions(flow, options, () => {});
    expect(doc.projections.find((p) => p.id === 'customer-stats')).toMatchObject({ cache: { leases: false } });
    expect(doc.projections.find((p) => p.id === 'customer-stats')?.concurrency).toBeUndefined();
    expect(doc.consumers.find((c) => c.id === 'order-tracker')?.concurrency).toBeUndefined();
    expect(doc.consumers.find((c) => c.id === 'order-tracker')?.instances).toBe(2);
  });

  it('given --cache on a projection the design does not cache, or off, then that stays a design edit (no run override)', () => {
    const flow = example();
    const options = parsed({ cache: 'order-status=leases,customer-stats=off' });
    expect(runRemedies(flow, options)).toEqual({});
    const doc = applyScaleOptions(flow, options, () => {});
    expect(doc.projections.find((p) => p.id === 'order-status')?.cache).toEqual({ leases: true });
    expect(doc.projections.find((p) => p.id === 'customer-stats')?.cache).toBeUndefined();
  });

  it('given single-writer on a consumer without partitioned delivery, then the warning is still printed although the control goes to the run', () => {
    const warnings: string[] = [];
    applyScaleOptions(example(), parsed({ concurrency: 'billing=single-writer' }), (w) => warnings.push(w));
    expect(warnings.join('\n')).toMatch(/single/i);
  });
});
