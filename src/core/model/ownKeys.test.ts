import { describe, expect, it } from 'vitest';
import { emptyRecord, getOrInsertOwn, getOwn, hasOwn, recordFrom, setOwn, withOwn, withoutOwn } from './ownKeys';

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('records keyed by user-chosen names', () => {
  it.each(HOSTILE)('treats %s as a plain key on a record from recordFrom', (name) => {
    const record = recordFrom([[name, 1]]);
    expect(getOwn(record, name)).toBe(1);
    expect(Object.keys(record)).toEqual([name]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(HOSTILE)('never reads an inherited %s', (name) => {
    expect(getOwn({ a: 1 } as Record<string, number>, name)).toBeUndefined();
    expect(hasOwn({}, name)).toBe(false);
  });

  it('setOwn on a plain {} adds a __proto__ key without changing the prototype', () => {
    const plain: Record<string, unknown> = {};
    setOwn(plain, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain)).toEqual(['__proto__']);
    expect(getOwn(JSON.parse(JSON.stringify(plain)) as Record<string, unknown>, '__proto__')).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives structuredClone and JSON with the hostile key as data', () => {
    const record = setOwn(emptyRecord<number>(), '__proto__', 7);
    expect(getOwn(structuredClone(record), '__proto__')).toBe(7);
    expect(getOwn(JSON.parse(JSON.stringify(record)) as Record<string, number>, '__proto__')).toBe(7);
  });

  it('withOwn and withoutOwn copy instead of mutating', () => {
    const base = recordFrom([['a', 1]]);
    const added = withOwn(base, 'constructor', 2);
    expect(getOwn(added, 'constructor')).toBe(2);
    expect(hasOwn(base, 'constructor')).toBe(false);
    expect(Object.keys(withoutOwn(added, 'a'))).toEqual(['constructor']);
  });
});

describe('getOrInsertOwn', () => {
  it('given a prototype name, when inserted and read back, then it is an own key and the prototype is untouched', () => {
    const record = emptyRecordForTest();
    const made = getOrInsertOwn(record, '__proto__', () => ({ rows: 1 }));

    expect(getOrInsertOwn(record, '__proto__', () => ({ rows: 2 }))).toBe(made);
    expect(Object.keys(record)).toEqual(['__proto__']);
    expect(getOrInsertOwn(record, 'constructor', () => ({ rows: 3 }))).toEqual({ rows: 3 });
    expect(({} as Record<string, unknown>).rows).toBeUndefined();
  });
});

function emptyRecordForTest(): Record<string, { rows: number }> {
  return {};
}
