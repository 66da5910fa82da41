import { describe, expect, it } from 'vitest';
import { restoreFlowDocument } from '../../../core';
import orderFulfilment from '../../../../public/examples/order-fulfilment.json';
import { describeWhen } from './describeScenario';

describe('describeWhen (issue 13 fields)', () => {
  it('given the order example\'s scenarios, then instance faults, slow readers and the run\'s remedies read as words, not as percentages of step counts', () => {
    const result = restoreFlowDocument(orderFulfilment);
    if (!result.ok) throw new Error('the example does not restore');
    const scenario = (id: string) => result.doc.scenarios?.find((s) => s.id === id);
    expect(describeWhen(result.doc, scenario('lock-keeps-every-update')!)).toBe(
      'seed 4 · instance kill 3% · killed instances down 40 steps · customer-stats: lock · customer-stats: cache leases on',
    );
    expect(describeWhen(result.doc, scenario('stale-cache-without-leases')!)).toBe('seed 3 · reader:customer-stats slow ×6 · customer-stats: lock');
  });
});
