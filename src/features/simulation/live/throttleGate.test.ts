import { describe, expect, it } from 'vitest';
import { throttleGate } from './throttleGate';

describe('throttleGate', () => {
  it('given results slower than the interval, when each arrives, then it never pauses', () => {
    let t = 0;
    const gate = throttleGate(100, () => t);
    expect(gate.onResult()).toBe(0);
    t = 150;
    expect(gate.onResult()).toBe(0);
  });

  it('given a burst, when a result follows within the interval, then it pauses for the rest of it', () => {
    let t = 1000;
    const gate = throttleGate(100, () => t);
    gate.onResult();
    t = 1030;
    expect(gate.onResult()).toBe(70);
  });
});

describe('throttleGate after a pause', () => {
  it('given a pause was taken, when the re-read arrives, then it is kept without another pause', () => {
    let t = 0;
    const gate = throttleGate(100, () => t);
    gate.onResult();
    t = 10;
    expect(gate.onResult()).toBe(90);
    t = 101;
    expect(gate.onResult()).toBe(0);
    t = 120;
    expect(gate.onResult()).toBe(81);
  });
});
