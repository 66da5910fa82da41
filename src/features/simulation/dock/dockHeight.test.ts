import { describe, expect, it } from 'vitest';
import { clampDockHeight, dockKeyStep } from './dockHeight';

describe('clampDockHeight', () => {
  it('given a height taller than the window allows, when clamped, then the canvas keeps 220px', () => {
    expect(clampDockHeight(900, 800)).toBe(580);
  });
  it('given a tiny height, when clamped, then a table still fits', () => {
    expect(clampDockHeight(20, 800)).toBe(140);
  });
  it('given nothing remembered, when clamped, then it takes 40% of the window', () => {
    expect(clampDockHeight(Number.NaN, 800)).toBe(320);
  });
});

describe('dockKeyStep', () => {
  it('given ArrowUp with Shift, when pressed, then the dock grows by 64px', () => {
    expect(dockKeyStep('ArrowUp', true, 300, 800)).toBe(364);
  });
  it('given an unrelated key, when pressed, then nothing changes', () => {
    expect(dockKeyStep('a', false, 300, 800)).toBeUndefined();
  });
});
