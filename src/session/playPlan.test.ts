import { describe, expect, it } from 'vitest';
import { playPlan } from './playPlan';

describe('playPlan', () => {
  it('given a slow speed, when planned, then every micro-step is its own tick', () => {
    expect(playPlan(5)).toEqual({ steps: 1, intervalMs: 200 });
    expect(playPlan(20)).toEqual({ steps: 1, intervalMs: 50 });
  });
  it('given 500 steps/s, when planned, then ticks of 50 steps every 100 ms', () => {
    expect(playPlan(500)).toEqual({ steps: 50, intervalMs: 100 });
  });
});
