import { describe, expect, it } from 'vitest';
import { bump, countOf, nonZeroCounts, total } from './counters';

describe('per-node counters', () => {
  it('given node ids named like Object.prototype members, when counted, then they count like any other id and the prototype is untouched', () => {
    const counts: Record<string, number> = {};
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__proto__']) bump(counts, id);
    expect(countOf(counts, '__proto__')).toBe(2);
    expect(countOf(counts, 'constructor')).toBe(1);
    expect(countOf(counts, 'valueOf')).toBe(0);
    expect(total(counts)).toBe(5);
    expect(Object.getPrototypeOf(counts)).toBe(Object.prototype);
    expect(nonZeroCounts(counts)).toEqual(new Map([['__proto__', 2], ['constructor', 1], ['toString', 1], ['hasOwnProperty', 1]]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('given counters read back from storage (a structured clone), when counted again, then own keys survive', () => {
    const counts: Record<string, number> = {};
    bump(counts, '__proto__', 3);
    const copy = structuredClone(counts);
    bump(copy, '__proto__');
    expect(countOf(copy, '__proto__')).toBe(4);
    expect(countOf(copy, 'constructor')).toBe(0);
  });
});
