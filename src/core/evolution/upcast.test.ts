import { describe, expect, it } from 'vitest';
import type { EventTypeVersion } from '../model/contracts';
import { applyUpcastStep, upcastPayload } from './upcast';

const v1 = { orderId: 'o-1', total: 12.5, customer: { name: 'Ada', mail: 'ada@example.org' }, status: 'NEW', lines: [{ sku: 'a' }] };

describe('applyUpcastStep', () => {
  it.each([
    ['rename a field', { op: 'rename', from: '/total', to: '/amount' }, { ...v1, total: undefined, amount: 12.5 }],
    ['rename into a new nested object', { op: 'rename', from: '/customer/mail', to: '/contact/email' },
      { ...v1, customer: { name: 'Ada' }, contact: { email: 'ada@example.org' } }],
    ['set a default for a new required field', { op: 'set', path: '/currency', value: 'EUR', onlyIfMissing: true }, { ...v1, currency: 'EUR' }],
    ['keep an existing value with onlyIfMissing', { op: 'set', path: '/status', value: 'X', onlyIfMissing: true }, v1],
    ['overwrite without onlyIfMissing', { op: 'set', path: '/status', value: 'X' }, { ...v1, status: 'X' }],
    ['remove a field', { op: 'remove', path: '/customer' }, { ...v1, customer: undefined }],
    ['copy a value', { op: 'copy', from: '/orderId', to: '/legacyId' }, { ...v1, legacyId: 'o-1' }],
    ['map enum values', { op: 'map', path: '/status', values: [{ from: 'NEW', to: 'created' }] }, { ...v1, status: 'created' }],
    ['address array items', { op: 'set', path: '/lines/0/quantity', value: 1 }, { ...v1, lines: [{ sku: 'a', quantity: 1 }] }],
    ['leave a payload alone when the source is missing', { op: 'rename', from: '/nope', to: '/x' }, v1],
  ] as const)('%s', (_name, step, expected) => {
    const before = structuredClone(v1);
    const after = applyUpcastStep(v1, step as never);
    expect(JSON.parse(JSON.stringify(after))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(v1).toEqual(before);
  });

  it('treats __proto__ and constructor as plain keys', () => {
    const out = applyUpcastStep({ ['__proto__']: 1 } as unknown, { op: 'rename', from: '/__proto__', to: '/constructor' }) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['constructor']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    const set = applyUpcastStep({}, { op: 'set', path: '/__proto__/polluted', value: true }) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(set, '__proto__')).toBe(true);
  });
});

describe('upcastPayload', () => {
  const history: EventTypeVersion[] = [
    { version: 1, payload: {}, upcast: [{ op: 'rename', from: '/total', to: '/amount' }] },
    { version: 2, payload: {}, upcast: [{ op: 'set', path: '/currency', value: 'EUR', onlyIfMissing: true }] },
  ];

  it('chains the upcasters of every version in between', () => {
    const result = upcastPayload({ orderId: 'o', total: 3 }, 1, 3, history);
    expect(result).toEqual({ ok: true, payload: { orderId: 'o', amount: 3, currency: 'EUR' }, steps: 2 });
  });

  it('says which version has no upcaster, and refuses to go backwards', () => {
    expect(upcastPayload({}, 1, 4, history)).toEqual({ ok: false, message: 'version 3 has no upcaster to version 4' });
    expect(upcastPayload({}, 3, 2, history).ok).toBe(false);
    expect(upcastPayload({ a: 1 }, 2, 2, [])).toEqual({ ok: true, payload: { a: 1 }, steps: 0 });
  });
});
