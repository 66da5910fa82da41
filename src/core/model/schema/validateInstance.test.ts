import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonValueArb, libraryArb, schemaArb } from '../../testing/schemaArbitrary';
import { withLibraryDefs } from '../inheritance';
import type { JsonSchemaObject, JsonValue } from '../types';
import { generateInstance } from './generateInstance';
import { libraryDefs } from './schemaAccess';
import { ajvAccepts, testAjv } from './testSupport';
import { validateInstance } from './validateInstance';

const ajv = testAjv();

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/**
 * Where ajv 8 departs from the specification, so agreement is not asked: it ignores a property
 * named `__proto__` (even `required: ['__proto__']` accepts `{}`), reads an absent property named
 * like a member of Object.prototype (`toString`, `constructor`…) through the prototype and
 * checks the inherited function, and its `multipleOf` reads quotients of 1e21 and more through
 * `parseInt` ("1e+21" → 1) and calls them fractions.
 */
function ajvDeparts(...values: unknown[]): boolean {
  const text = JSON.stringify(values);
  return PROTOTYPE_NAMES.some((name) => text.includes(`"${name}"`)) || /\d[eE]\+?(2[1-9]|[3-9]\d|\d{3})/.test(text);
}

const order: JsonSchemaObject = {
  type: 'object',
  required: ['customer', 'lines', 'coupon'],
  properties: {
    customer: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string', format: 'email' } } },
    lines: { type: 'array', minItems: 1, items: { type: 'object', required: ['quantity', 'price'], properties: { quantity: { type: 'integer', minimum: 1 }, price: { type: 'number', minimum: 0 } } } },
    coupon: { type: ['string', 'null'], pattern: '^[A-Z]{4}$' },
  },
  additionalProperties: false,
};

describe('validateInstance', () => {
  it('given a nested order, then each misfit is named by the JSON pointer of the value', () => {
    const errors = validateInstance(order, { customer: { email: 'nope' }, lines: [{ quantity: 0, price: -1 }], coupon: 'abc', extra: 1 });
    expect(errors.map((e) => e.path).sort()).toEqual(['/coupon', '/customer/email', '/customer/name', '/extra', '/lines/0/price', '/lines/0/quantity']);
    expect(errors.find((e) => e.path === '/lines/0/price')?.message).toBe('must be ≥ 0, is -1');
    expect(validateInstance(order, { customer: { name: 'Ada' }, lines: [{ quantity: 2, price: 9.5 }], coupon: null })).toEqual([]);
  });

  it('given library references (hostile names too), then they resolve', () => {
    const defs = libraryDefs([{ name: 'a/b', schema: { type: 'integer' } }, { name: '__proto__', schema: { type: 'string' } }]);
    const schema = { type: 'object', properties: { n: { $ref: '#/$defs/a~1b' }, s: { $ref: '#/$defs/__proto__' } } };
    expect(validateInstance(schema, { n: 1, s: 'x' }, defs)).toEqual([]);
    expect(validateInstance(schema, { n: 'x', s: 1 }, defs).map((e) => e.path)).toEqual(['/n', '/s']);
    expect(validateInstance({ $ref: '#/$defs/Missing' }, 1, defs)[0]?.message).toMatch(/cannot be found/);
  });

  it('given the cases where ajv departs from the specification, then it follows the specification', () => {
    const proto = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}},"required":["__proto__"]}');
    expect(validateInstance(proto, {}).map((e) => e.path)).toEqual(['/__proto__']);
    expect(validateInstance(proto, JSON.parse('{"__proto__":1}')).map((e) => e.message)).toEqual(['must be string, is number 1']);
    expect(validateInstance({ type: 'integer', multipleOf: 2 }, 2e21)).toEqual([]);
    expect(validateInstance({ anyOf: [{ type: 'object', properties: { toString: { type: 'string' } } }] }, {})).toEqual([]);
    expect(ajvAccepts(ajv, proto, {})).toBe(true);
  });

  it('agrees with ajv on random schemas and random values', () => {
    fc.assert(fc.property(libraryArb, fc.context(), (library, ctx) => {
      const defs = libraryDefs(library);
      fc.assert(fc.property(schemaArb(library.map((e) => e.name)), jsonValueArb, (schema, value) => {
        const whole = withLibraryDefs(schema, defs);
        const mine = validateInstance(whole, value).length === 0;
        ctx.log(JSON.stringify({ whole, value }));
        if (!ajvDeparts(whole, value)) expect(mine).toBe(ajvAccepts(ajv, whole, value));
      }), { numRuns: 30 });
    }), { numRuns: 10 });
  });

  it('agrees with ajv on values drawn for a schema and then spoiled', () => {
    fc.assert(fc.property(schemaArb(), fc.integer(), fc.constantFrom<JsonValue>(null, 'x', -1, 1.5, [], {}, true), fc.nat(5), (schema, seed, spoil, at) => {
      let state = seed;
      const rng = { next: () => ((state = (state * 1103515245 + 12345) % 2147483648) < 0 ? -state : state) / 2147483648 };
      const { value } = generateInstance(schema, rng, { clock: 0 });
      if (value === undefined) return;
      const spoiled: JsonValue = typeof value === 'object' && value !== null && !Array.isArray(value)
        ? { ...value, [Object.keys(value)[at % Math.max(1, Object.keys(value).length)] ?? 'k']: spoil }
        : Array.isArray(value) ? [...value, spoil] : spoil;
      for (const candidate of [value, spoiled]) {
        if (!ajvDeparts(schema, candidate)) expect(validateInstance(schema, candidate).length === 0).toBe(ajvAccepts(ajv, schema, candidate));
      }
    }), { numRuns: 300 });
  });

  it('agrees with ajv right at every bound: the value on, just under and just over it', () => {
    const bounds = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'multipleOf'] as const;
    fc.assert(fc.property(fc.constantFrom(...bounds), fc.integer({ min: 1, max: 6 }), fc.constantFrom(-1, -0.5, 0, 0.5, 1), (keyword, bound, offset) => {
      const schema = { [keyword]: bound };
      const n = bound + offset;
      const size = Math.max(0, Math.round(n));
      const values: JsonValue[] = [n, 'x'.repeat(size), Array.from({ length: size }, (_, i) => i), Object.fromEntries(Array.from({ length: size }, (_, i) => [`k${i}`, i]))];
      for (const value of values) expect(validateInstance(schema, value).length === 0, `${JSON.stringify(schema)} ${JSON.stringify(value)}`).toBe(ajvAccepts(ajv, schema, value));
    }), { numRuns: 300 });
  });
});
