import { describe, expect, it } from 'vitest';
import type { JsonSchemaObject } from '../types';
import {
  addProperty, freshPropertyName, moveProperty, propertyLocation, removeProperty, renameProperty, replaceSchemaAt, schemaAt, setPropertyRequired, withPropertyAtPath,
} from './editSchema';
import { propertyRenames } from './renames';
import { payloadPaths, schemaAtPath } from './schemaPaths';

const order = (): JsonSchemaObject => ({
  type: 'object', required: ['customer'], 'x-keep': 1,
  properties: {
    customer: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, 'a/b': { type: 'string' } } },
    lines: { type: 'array', items: { type: 'object', properties: { price: { type: 'number' } } } },
  },
});

describe('editSchema', () => {
  it('adds, renames, moves, requires and removes properties at any depth, keeping other keywords', () => {
    const customer = '/properties/customer';
    let s = addProperty(order(), customer, '__proto__', { type: 'integer' }, { required: true });
    expect(Object.keys(schemaAt(s, `${customer}/properties`) as object)).toEqual(['name', 'a/b', '__proto__']);
    expect((schemaAt(s, customer) as JsonSchemaObject).required).toEqual(['name', '__proto__']);
    s = renameProperty(s, customer, 'name', 'fullName');
    s = moveProperty(s, customer, '__proto__', 0);
    expect(Object.keys(schemaAt(s, `${customer}/properties`) as object)).toEqual(['__proto__', 'fullName', 'a/b']);
    expect((schemaAt(s, customer) as JsonSchemaObject).required).toEqual(['__proto__', 'fullName']);
    s = setPropertyRequired(s, customer, 'fullName', false);
    s = removeProperty(s, customer, '__proto__');
    expect(schemaAt(s, customer)).toEqual({ type: 'object', properties: { fullName: { type: 'string' }, 'a/b': { type: 'string' } } });
    expect(s['x-keep']).toBe(1);
    expect(order().properties).toHaveProperty('customer.properties.name');
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it('refuses a rename onto a taken name, and finds fresh names', () => {
    expect(renameProperty(order(), '', 'customer', 'lines')).toEqual(order());
    expect(freshPropertyName(order())).toBe('field3');
    expect(freshPropertyName(order(), 'lines')).toBe('lines2');
  });

  it('edits array items through their location', () => {
    const s = addProperty(order(), '/properties/lines/items', 'quantity', { type: 'integer', minimum: 1 }, { required: true });
    expect(schemaAt(s, '/properties/lines/items')).toEqual({ type: 'object', properties: { price: { type: 'number' }, quantity: { type: 'integer', minimum: 1 } }, required: ['quantity'] });
    expect(replaceSchemaAt(s, propertyLocation('/properties/lines/items', 'price'), { type: 'number', minimum: 0 }).properties).toHaveProperty('lines.items.properties.price.minimum', 0);
  });

  it('sets a value at a data path, making the objects on the way', () => {
    const s = withPropertyAtPath({ type: 'object', properties: {} }, '/a/b~1c', { type: 'string' }, true);
    expect(s).toEqual({ type: 'object', properties: { a: { type: 'object', properties: { 'b/c': { type: 'string' } }, required: ['b/c'] } }, required: ['a'] });
  });
});

describe('propertyRenames', () => {
  it('finds one rename per level, nested ones and ones in combinators, and no rename in a reorder or add', () => {
    expect(propertyRenames(order(), renameProperty(order(), '/properties/customer', 'a/b', 'c'))).toEqual([{ from: '/customer/a~1b', to: '/customer/c' }]);
    expect(propertyRenames(order(), renameProperty(order(), '', 'customer', 'client'))).toEqual([{ from: '/customer', to: '/client' }]);
    expect(propertyRenames(order(), moveProperty(order(), '', 'lines', 0))).toEqual([]);
    expect(propertyRenames(order(), addProperty(order(), '', 'x', true))).toEqual([]);
    const withOneOf = { oneOf: [order(), { type: 'object', properties: { a: true } }] };
    expect(propertyRenames(withOneOf, { oneOf: [order(), { type: 'object', properties: { b: true } }] })).toEqual([{ from: '/a', to: '/b' }]);
  });
});

describe('payload paths', () => {
  it('lists values by path, parents first, through allOf, oneOf (conditional) and library refs, stopping at recursion', () => {
    const defs = new Map([['Node', { type: 'object', properties: { label: { type: 'string' }, child: { $ref: '#/$defs/Node' } } }]]);
    const schema = { allOf: [order(), { oneOf: [{ properties: { coupon: { type: ['string', 'null'] } }, required: ['coupon'] }] }], properties: { tree: { $ref: '#/$defs/Node' } } };
    const paths = payloadPaths(schema, defs);
    expect(paths.map((p) => [p.path, p.required, p.present, p.conditional])).toEqual([
      ['/tree', false, false, false], ['/tree/label', false, false, false], ['/tree/child', false, false, false],
      ['/customer', true, true, false], ['/customer/name', true, true, false], ['/customer/a~1b', false, false, false], ['/lines', false, false, false],
      ['/coupon', true, false, true],
    ]);
    expect(schemaAtPath(schema, '/lines/3/price', defs)).toEqual({ type: 'number' });
    expect(schemaAtPath(schema, '/tree/child/child/label', defs)).toEqual({ type: 'string' });
    expect(schemaAtPath(schema, '/nope', defs)).toBeUndefined();
    expect(schemaAtPath({ type: 'object', additionalProperties: { type: 'integer' } }, '/anything', defs)).toEqual({ type: 'integer' });
  });
});
