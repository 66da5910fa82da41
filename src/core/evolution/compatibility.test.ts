import { describe, expect, it } from 'vitest';
import { compareSchemas, type ChangeKind, type CompatibilityMode } from './compatibility';
import type { Schema } from './schemaFacts';

const obj = (properties: Record<string, Schema>, required: string[] = [], closed = true): Schema => ({
  type: 'object', properties, ...(required.length ? { required } : {}), ...(closed ? { additionalProperties: false } : {}),
});
const order = (extra: Record<string, Schema> = {}, required = ['orderId', 'total']) =>
  obj({ orderId: { type: 'string' }, total: { type: 'number', minimum: 0 }, ...extra }, required);

interface Case {
  name: string;
  old: Schema;
  new: Schema;
  /** Expected [direction, kind, path] of every breaking change per mode. */
  backward: [ChangeKind, string][];
  forward: [ChangeKind, string][];
}

const CASES: Case[] = [
  { name: 'nothing changed', old: order(), new: order(), backward: [], forward: [] },
  {
    name: 'only annotations changed',
    old: order({ note: { type: 'string', description: 'a' } }),
    new: order({ note: { type: 'string', description: 'b', examples: ['x'], title: 'Note' } }),
    backward: [], forward: [],
  },
  {
    name: 'optional field added to a closed schema',
    old: order(), new: order({ coupon: { type: 'string' } }),
    backward: [], forward: [['field-removed', '/coupon']],
  },
  {
    name: 'optional field added to an open schema',
    old: obj({ a: { type: 'string' } }, [], false), new: obj({ a: { type: 'string' }, b: { type: 'integer' } }, [], false),
    backward: [], forward: [],
  },
  {
    name: 'required field added',
    old: order(), new: order({ currency: { type: 'string' } }, ['orderId', 'total', 'currency']),
    backward: [['required-added', '/currency']], forward: [['field-removed', '/currency']],
  },
  {
    name: 'required field removed',
    old: order(), new: obj({ orderId: { type: 'string' } }, ['orderId']),
    backward: [['field-removed', '/total']], forward: [['required-added', '/total']],
  },
  {
    name: 'optional field removed from an open schema',
    old: obj({ a: { type: 'string' }, b: { type: 'string' } }, [], false), new: obj({ a: { type: 'string' } }, [], false),
    backward: [], forward: [],
  },
  {
    name: 'field renamed (required)',
    old: order(), new: obj({ orderId: { type: 'string' }, amount: { type: 'number', minimum: 0 } }, ['orderId', 'amount']),
    backward: [['required-added', '/amount'], ['field-removed', '/total']],
    forward: [['required-added', '/total'], ['field-removed', '/amount']],
  },
  {
    name: 'optional became required',
    old: order({ coupon: { type: 'string' } }), new: order({ coupon: { type: 'string' } }, ['orderId', 'total', 'coupon']),
    backward: [['required-added', '/coupon']], forward: [],
  },
  {
    name: 'type changed',
    old: order(), new: obj({ orderId: { type: 'integer' }, total: { type: 'number', minimum: 0 } }, ['orderId', 'total']),
    backward: [['type-changed', '/orderId']], forward: [['type-changed', '/orderId']],
  },
  {
    name: 'integer widened to number',
    old: obj({ n: { type: 'integer' } }), new: obj({ n: { type: 'number' } }),
    backward: [], forward: [['type-changed', '/n']],
  },
  {
    name: 'null no longer allowed',
    old: obj({ coupon: { type: ['string', 'null'] } }), new: obj({ coupon: { type: 'string' } }),
    backward: [['type-changed', '/coupon']], forward: [],
  },
  {
    name: 'enum narrowed',
    old: obj({ s: { type: 'string', enum: ['new', 'paid', 'shipped'] } }), new: obj({ s: { type: 'string', enum: ['new', 'paid'] } }),
    backward: [['values-narrowed', '/s']], forward: [],
  },
  {
    name: 'numeric enum widened',
    old: obj({ level: { enum: [1, 2] } }), new: obj({ level: { enum: [1, 2, 5] } }),
    backward: [], forward: [['values-narrowed', '/level']],
  },
  {
    name: 'minimum raised and maxLength lowered',
    old: obj({ q: { type: 'integer', minimum: 0 }, s: { type: 'string', maxLength: 10 } }),
    new: obj({ q: { type: 'integer', minimum: 1 }, s: { type: 'string', maxLength: 5 } }),
    backward: [['constraint-tightened', '/q'], ['constraint-tightened', '/s']],
    forward: [],
  },
  {
    name: 'pattern and format added',
    old: obj({ email: { type: 'string' } }), new: obj({ email: { type: 'string', format: 'email', pattern: '@' } }),
    backward: [['constraint-tightened', '/email'], ['constraint-tightened', '/email']], forward: [],
  },
  {
    name: 'nested field removed',
    old: obj({ customer: obj({ name: { type: 'string' }, email: { type: 'string' } }, ['name']) }),
    new: obj({ customer: obj({ name: { type: 'string' } }, ['name']) }),
    backward: [['field-removed', '/customer/email']], forward: [],
  },
  {
    name: 'array item field changed type',
    old: obj({ lines: { type: 'array', items: obj({ quantity: { type: 'integer' } }, ['quantity']) } }),
    new: obj({ lines: { type: 'array', items: obj({ quantity: { type: 'string' } }, ['quantity']) } }),
    backward: [['type-changed', '/lines/*/quantity']], forward: [['type-changed', '/lines/*/quantity']],
  },
  {
    name: 'anyOf alternative removed',
    old: obj({ v: { anyOf: [{ type: 'string' }, { type: 'integer' }] } }), new: obj({ v: { anyOf: [{ type: 'string' }] } }),
    backward: [['choice-narrowed', '/v']], forward: [],
  },
  {
    name: 'object closed',
    old: obj({ a: { type: 'string' } }, [], false), new: obj({ a: { type: 'string' } }, [], true),
    backward: [['closed', '/']], forward: [],
  },
];

const kinds = (changes: ReturnType<typeof compareSchemas>) => changes.map((c) => [c.kind, c.path]);

describe('compareSchemas', () => {
  it.each(CASES)('$name', (c) => {
    expect(kinds(compareSchemas(c.old, c.new, 'backward'))).toEqual(c.backward);
    expect(kinds(compareSchemas(c.old, c.new, 'forward'))).toEqual(c.forward);
    const full = compareSchemas(c.old, c.new, 'full');
    expect(full.filter((x) => x.breaks === 'backward').length).toBe(c.backward.length);
    expect(full.filter((x) => x.breaks === 'forward').length).toBe(c.forward.length);
    expect(compareSchemas(c.old, c.new, 'none')).toEqual([]);
  });

  it('says what broke and why in a sentence', () => {
    const [change] = compareSchemas(order(), order({ currency: { type: 'string' } }, ['orderId', 'total', 'currency']), 'backward');
    expect(change).toEqual({
      path: '/currency', kind: 'required-added', breaks: 'backward',
      message: "new required field 'currency': events written with the old schema may not have it",
    });
  });

  it('follows $refs into each side\'s library and stops on recursive schemas', () => {
    const node = (valueType: string): Schema => obj({ value: { type: valueType }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } });
    const oldLibrary = new Map<string, Schema>([['Node', node('string')]]);
    const newLibrary = new Map<string, Schema>([['Node', node('integer')]]);
    const root = { $ref: '#/$defs/Node' };
    const changes = compareSchemas(root, root, 'backward', { oldLibrary, newLibrary });
    expect(kinds(changes)).toEqual([['type-changed', '/value']]);
    expect(compareSchemas(root, root, 'full', { oldLibrary, newLibrary: oldLibrary })).toEqual([]);
  });

  it.each<[CompatibilityMode, number]>([['backward', 0], ['forward', 0], ['full', 0]])('an additive optional field to an open payload is compatible under %s', (mode, count) => {
    const before = obj({ id: { type: 'string' } }, ['id'], false);
    const after = obj({ id: { type: 'string' }, note: { type: ['string', 'null'] } }, ['id'], false);
    expect(compareSchemas(before, after, mode)).toHaveLength(count);
  });
});
