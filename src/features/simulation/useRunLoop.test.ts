import { describe, expect, it } from 'vitest';
import { tickPlan } from './useRunLoop';

describe('tickPlan', () => {
  it('given a slow speed, when planned, then every micro-step is its own tick', () => {
    expect(tickPlan(5)).toEqual({ steps: 1, intervalMs: 200 });
  });
  it('given 500 steps/s, when planned, then ticks of 50 steps every 100 ms', () => {
    expect(tickPlan(500)).toEqual({ steps: 50, intervalMs: 100 });
  });
});
