import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryArb, schemaArb } from '../../testing/schemaArbitrary';
import { withLibraryDefs } from '../inheritance';
import type { JsonSchemaObject } from '../types';
import { generateInstance, mergeSchemas } from './generateInstance';
import { randomFromRegex } from './randomFromRegex';
import { libraryDefs } from './schemaAccess';
import { ajvAccepts, testAjv } from './testSupport';
import { validateInstance } from './validateInstance';

const ajv = testAjv();

/** A small seeded source (the engine's Rng has the same `next`). */
function seeded(seed: number) {
  let state = seed >>> 0;
  return { next: () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296) };
}

/** ajv reads names like `toString` through the prototype and ignores `__proto__` (see validateInstance.test). */
const ajvCanJudge = (schema: unknown) => !Object.getOwnPropertyNames(Object.prototype).some((name) => JSON.stringify(schema).includes(`"${name}"`));

describe('generateInstance', () => {
  it('given random schemas with a library, then every generated value validates with ajv and with the app, from the seed alone', () => {
    fc.assert(fc.property(libraryArb, fc.context(), (library, ctx) => {
      const defs = libraryDefs(library);
      fc.assert(fc.property(schemaArb(library.map((e) => e.name)), fc.integer(), (schema, seed) => {
        const whole = withLibraryDefs(schema, defs);
        const first = generateInstance(whole, seeded(seed), { clock: Date.UTC(2026, 0, 1) });
        ctx.log(JSON.stringify({ whole, value: first.value }));
        expect(first.valid).toBe(true);
        expect(validateInstance(whole, first.value!)).toEqual([]);
        if (ajvCanJudge(whole)) expect(ajvAccepts(ajv, whole, first.value)).toBe(true);
        expect(generateInstance(whole, seeded(seed), { clock: Date.UTC(2026, 0, 1) })).toEqual(first);
      }), { numRuns: 40 });
    }), { numRuns: 10 });
  });

  it('given the order of the user check, then customer, lines with quantity and price ≥ 0 and a nullable coupon come out right', () => {
    const order: JsonSchemaObject = {
      type: 'object', required: ['customer', 'lines', 'coupon'], additionalProperties: false,
      properties: {
        customer: { type: 'object', required: ['name', 'email'], properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string', format: 'email' } } },
        lines: { type: 'array', minItems: 1, maxItems: 5, items: { type: 'object', required: ['sku', 'quantity', 'price'], properties: {
          sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' }, quantity: { type: 'integer', minimum: 1 }, price: { type: 'number', minimum: 0 } } } },
        coupon: { type: ['string', 'null'], pattern: '^[A-Z0-9]{6}$' },
      },
    };
    const values = Array.from({ length: 50 }, (_, seed) => generateInstance(order, seeded(seed)).value as Record<string, unknown>);
    for (const value of values) expect(ajvAccepts(ajv, order, value)).toBe(true);
    expect(values.some((v) => v.coupon === null)).toBe(true);
    expect(values.some((v) => typeof v.coupon === 'string')).toBe(true);
  });

  it('given a value the caller prefers, then it is used when it fits and drawn again when not', () => {
    const schema = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } };
    const fits = '3f1c1f8e-5b7a-4d3e-9c1a-0b2d4e6f8a10';
    expect(generateInstance(schema, seeded(1), { prefer: (path) => (path === '/id' ? fits : undefined) }).value).toEqual({ id: fits });
    const other = generateInstance(schema, seeded(1), { prefer: (path) => (path === '/id' ? 'not-a-uuid' : undefined) }).value as { id: string };
    expect(other.id).toMatch(/^[0-9a-f]{8}-/);
  });

  it('given a schema nothing satisfies, then it says the value is not valid instead of pretending', () => {
    expect(generateInstance({ type: 'integer', minimum: 5, maximum: 1 }, seeded(3)).valid).toBe(false);
    expect(generateInstance(false, seeded(3))).toEqual({ value: undefined, valid: false });
  });

  it('draws strings for patterns, including classes, groups, alternatives and counted repeats', () => {
    for (const pattern of ['^[A-Z]{2}-[0-9]{3}$', '^(red|green|blue)$', '^\\w{3,6}$', '^[^@\\s]+@x\\.org$', '^\\u{1F600}+$', '^[a-c-]$']) {
      const text = randomFromRegex(pattern, seeded(9));
      expect(text, pattern).toBeDefined();
      expect(new RegExp(pattern, 'u').test(text!), `${pattern} → ${text}`).toBe(true);
    }
    expect(randomFromRegex('^(?=a)a$', seeded(1))).toBeUndefined();
    expect(randomFromRegex('(a)\\1', seeded(1))).toBeUndefined();
  });

  it('merges allOf branches: types intersect, bounds tighten, properties unite', () => {
    expect(mergeSchemas([{ type: ['number', 'string'], minimum: 1, required: ['a'] }, { type: 'integer', minimum: 3, required: ['b'], maximum: 9 }]))
      .toEqual({ type: 'integer', minimum: 3, required: ['a', 'b'], maximum: 9 });
  });
});
