import { describe, expect, it } from 'vitest';
import { Budget } from './budget';
import { quantile } from './stats';

describe('Budget', () => {
  it('given time as planned, when scenarios take their shares, then each gets what was planned', () => {
    let now = 0;
    const budget = new Budget(100_000, 100_000, () => now);
    expect(budget.take(30_000)).toBe(30_000);
    now += 30_000;
    expect(budget.take(70_000)).toBe(70_000);
  });

  it('given a scenario that ran over, when the next ones take their shares, then they shrink so the run still ends in time', () => {
    let now = 0;
    const budget = new Budget(100_000, 100_000, () => now);
    budget.take(20_000);
    now += 60_000;
    const second = budget.take(40_000);
    expect(second).toBeCloseTo(20_000, 0);
    now += second;
    const third = budget.take(40_000);
    now += third;
    expect(now).toBeLessThanOrEqual(100_000);
  });

  it('given a slow machine, when the budget is spent, then a scenario gets nothing rather than running over', () => {
    let now = 0;
    const budget = new Budget(10_000, 10_000, () => now);
    now = 50_000;
    expect(budget.take(5_000)).toBe(0);
    expect(budget.left()).toBe(0);
  });
});

describe('quantile', () => {
  it('given samples, when asked for p50 and p95, then it picks by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(samples, 0.5)).toBe(50);
    expect(quantile(samples, 0.95)).toBe(95);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
