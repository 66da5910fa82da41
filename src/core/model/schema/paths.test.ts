import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  childPath, isSameOrUnder, isValidPath, lastSegment, parentPath, pathLabel, pathOf, pathSegments, rebasePath, valueAtPath, withValueAtPath,
} from './paths';

const HOSTILE = ['a.b', 'a/b', '~', '~1', '~0~1', '', ' ', '__proto__', 'constructor', 'toString', '0', '01', 'ü', '\u202Eevil', 'x'.repeat(300)];

describe('paths (JSON Pointers)', () => {
  it('given any keys, when made into a path and read back, then the keys come back exactly', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string())), (keys) => {
      const path = pathOf(keys);
      expect(isValidPath(path)).toBe(true);
      expect(pathSegments(path)).toEqual(keys);
    }));
  });

  it('given two different key lists, then their paths and their labels differ', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...HOSTILE, 'a', 'b'), { maxLength: 3 }), fc.array(fc.constantFrom(...HOSTILE, 'a', 'b'), { maxLength: 3 }), (a, b) => {
      fc.pre(JSON.stringify(a) !== JSON.stringify(b));
      expect(pathOf(a)).not.toBe(pathOf(b));
      expect(pathLabel(pathOf(a))).not.toBe(pathLabel(pathOf(b)));
    }));
  });

  it('reads plain paths as dotted names and odd ones as the pointer', () => {
    expect(pathLabel('/customer/name')).toBe('customer.name');
    expect(pathLabel('/lines/0/price')).toBe('lines.0.price');
    expect(pathLabel('/a.b')).toBe('/a.b');
    expect(pathLabel('/a~1b')).toBe('/a~1b');
    expect(pathLabel('')).toBe('(whole value)');
  });

  it('refuses strings that are no pointer', () => {
    expect(['x', '/a~2', '/a~', 'a/b'].map(isValidPath)).toEqual([false, false, false, false]);
    expect(pathSegments('x')).toBeUndefined();
  });

  it('knows parents, last keys, prefixes and rebases', () => {
    expect(parentPath('/a/b~1c')).toBe('/a');
    expect(parentPath('/a')).toBe('');
    expect(parentPath('')).toBeUndefined();
    expect(lastSegment('/a/b~1c')).toBe('b/c');
    expect(isSameOrUnder('/ab', '/a')).toBe(false);
    expect(isSameOrUnder('/a/b', '/a')).toBe(true);
    expect(rebasePath('/a/b', '/a', '/z')).toBe('/z/b');
    expect(rebasePath('/ab', '/a', '/z')).toBe('/ab');
    expect(childPath('/a', 'b/c')).toBe('/a/b~1c');
  });

  it('reads values by path: objects by own key only, arrays by index', () => {
    const value = JSON.parse('{"a":{"__proto__":1,"b/c":[10,{"d":2}]},"":3}');
    expect(valueAtPath(value, '/a/__proto__')).toBe(1);
    expect(valueAtPath(value, '/a/b~1c/1/d')).toBe(2);
    expect(valueAtPath(value, '/')).toBe(3);
    expect(valueAtPath(value, '/a/constructor')).toBeUndefined();
    expect(valueAtPath(value, '/a/b~1c/01')).toBeUndefined();
    expect(valueAtPath(value, '/a/b~1c/x')).toBeUndefined();
    expect(valueAtPath(value, '')).toBe(value);
  });

  it('writes values by path without mutating and without touching any prototype', () => {
    const before = { a: { b: 1 } };
    const after = withValueAtPath(before, '/a/__proto__/polluted', true);
    expect(before).toEqual({ a: { b: 1 } });
    expect(JSON.stringify(after)).toBe('{"a":{"b":1,"__proto__":{"polluted":true}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(withValueAtPath({ l: [1] }, '/l/2', 'x')).toEqual({ l: [1, null, 'x'] });
    expect(withValueAtPath({ s: 'text' }, '/s/deeper', 1)).toEqual({ s: 'text' });
    expect(withValueAtPath(undefined, '/x/y', 1)).toEqual({ x: { y: 1 } });
  });
});
