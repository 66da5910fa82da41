import { describe, expect, it } from 'vitest';
import { setOwn, type JsonSchemaObject } from '../../../core';
import { countInputs, formErrors, formKind, formProperties, formSchema, skeleton } from './payloadForm';

const defs = new Map([['Money', { type: 'object', required: ['amount'], properties: { amount: { type: 'number', minimum: 0 }, currency: { enum: ['EUR', 'USD'] } } }]]);
const order: JsonSchemaObject = {
  type: 'object', required: ['customer', 'lines'],
  properties: {
    customer: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, vip: { type: 'boolean' } } },
    lines: { type: 'array', items: { type: 'object', required: ['quantity', 'price'], properties: { quantity: { type: 'integer', minimum: 1 }, price: { $ref: '#/$defs/Money' } } } },
    coupon: { type: ['string', 'null'] },
    either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  },
};

describe('the fire form model', () => {
  it('tells which input edits each part, following library references', () => {
    expect(formProperties(order, defs).map((p) => [p.name, formKind(formSchema(p.schema, defs)), p.required])).toEqual([
      ['customer', 'object', true], ['lines', 'array', true], ['coupon', 'text', false], ['either', 'json', false],
    ]);
    expect(formKind(formSchema({ $ref: '#/$defs/Money' }, defs))).toBe('object');
  });

  it('starts new items with their required parts', () => {
    expect(skeleton(order, defs)).toEqual({ customer: { name: '' }, lines: [] });
    expect(skeleton({ type: 'object', required: ['quantity', 'price'], properties: { quantity: { type: 'integer' }, price: { $ref: '#/$defs/Money' } } }, defs))
      .toEqual({ quantity: 0, price: { amount: 0 } });
  });

  it('names every misfit by its path, and half-typed numbers first', () => {
    const errors = formErrors(order, { value: { customer: {}, lines: [{ quantity: 0, price: { amount: -1 } }] }, pending: new Map([['/lines/0/quantity', '1.']]) }, defs);
    expect([...errors]).toEqual([
      ['/lines/0/quantity', '“1.” is not a number'],
      ['/customer/name', 'is required but missing'],
      ['/lines/0/price/amount', 'must be ≥ 0, is -1'],
    ]);
  });

  it('counts inputs, stopping past the limit', () => {
    expect(countInputs(order, defs, 100)).toBe(8);
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) setOwn(properties, `f${i}`, { type: 'string' });
    expect(countInputs({ type: 'object', properties }, defs, 200)).toBe(201);
  });
});
