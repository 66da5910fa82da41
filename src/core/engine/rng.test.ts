import { describe, expect, it } from 'vitest';
import { Rng, uuidFromText } from './rng';

describe('seeded random source', () => {
  it('given the same state, when drawing, then the sequence is the same, and continuing from a saved state continues it', () => {
    const a = new Rng(Rng.seedState(7));
    const b = new Rng(Rng.seedState(7));
    const first = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(first);
    const resumed = new Rng(a.state);
    expect(resumed.nextUint32()).toBe(a.nextUint32());
    expect(new Rng(Rng.seedState(8)).next()).not.toBe(first[0]);
  });

  it('given probabilities 0 and 1, when asking chance, then no number is drawn', () => {
    const rng = new Rng(5);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
    expect(rng.state).toBe(5);
  });

  it('given draws, when making ints, picks and uuids, then they stay in range and are well formed', () => {
    const rng = new Rng(Rng.seedState(1));
    for (let i = 0; i < 200; i++) {
      const n = rng.int(2, 4);
      expect(n >= 2 && n <= 4).toBe(true);
    }
    expect(['x', 'y']).toContain(rng.pick(['x', 'y']));
    expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFromText('a')).toBe(uuidFromText('a'));
    expect(uuidFromText('a')).not.toBe(uuidFromText('b'));
  });
});
