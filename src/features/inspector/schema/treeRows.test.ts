import { describe, expect, it } from 'vitest';
import { setOwn } from '../../../core';
import { treeRows } from './treeRows';

const order = {
  type: 'object', required: ['customer'],
  properties: {
    customer: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, 'a/b': { type: ['integer', 'null'] } } },
    lines: { type: 'array', items: { type: 'object', properties: { price: { type: 'number', minimum: 0 } } } },
    tags: { type: 'array', items: { type: 'string' } },
    coupon: { $ref: '#/$defs/Coupon' },
  },
};

describe('treeRows', () => {
  it('lists properties depth first with outline numbers, array items as children, and what each is', () => {
    const rows = treeRows(order, new Set());
    expect(rows.map((r) => [r.outline, r.name, r.summary, r.required, r.location])).toEqual([
      ['1', 'customer', 'object', true, '/properties/customer'],
      ['1.1', 'name', 'string', true, '/properties/customer/properties/name'],
      ['1.2', 'a/b', 'integer | null', false, '/properties/customer/properties/a~1b'],
      ['2', 'lines', 'object[]', false, '/properties/lines'],
      ['2.1', 'price', 'number', false, '/properties/lines/items/properties/price'],
      ['3', 'tags', 'string[]', false, '/properties/tags'],
      ['4', 'coupon', '→ Coupon', false, '/properties/coupon'],
    ]);
    expect(rows[3]).toMatchObject({ childrenAt: '/properties/lines/items', childCount: 1, expanded: true });
    expect(rows[5]).toMatchObject({ childrenAt: undefined, childCount: 0 });
  });

  it('leaves out the children of a collapsed row', () => {
    expect(treeRows(order, new Set(['/properties/customer'])).map((r) => r.outline)).toEqual(['1', '2', '2.1', '3', '4']);
  });

  it('lists all of 5,000 properties, numbered', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) setOwn(properties, `f${i}`, { type: 'string' });
    const rows = treeRows({ type: 'object', properties }, new Set());
    expect(rows).toHaveLength(5000);
    expect(rows[4999]!.outline).toBe('5000');
  });

  it('lists hostile names as names: __proto__, constructor, a/b, the empty name', () => {
    const schema = JSON.parse('{"type":"object","required":["__proto__"],"properties":{"__proto__":{"type":"object","properties":{"constructor":{"type":"string"}}},"a/b":{"type":"integer"},"":{"type":"boolean"}}}');
    expect(treeRows(schema, new Set()).map((r) => [r.outline, r.name, r.location, r.required])).toEqual([
      ['1', '__proto__', '/properties/__proto__', true],
      ['1.1', 'constructor', '/properties/__proto__/properties/constructor', false],
      ['2', 'a/b', '/properties/a~1b', false],
      ['3', '', '/properties/', false],
    ]);
  });
});
