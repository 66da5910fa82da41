import { describe, expect, it } from 'vitest';
import { makeCommand, makeEventType, makeField, makeFlow, makeHandler, makeProjection } from '../testing';
import { upsertEffectFor, withCommandEmission, withHandlerEmission } from './autoMap';

const doc = makeFlow({
  eventTypes: [
    makeEventType({ name: 'Placed', aggregateIdField: 'orderId', fields: [makeField('orderId', { type: 'uuid' }), makeField('amount', { type: 'number', required: false })] }),
    makeEventType({ name: 'Issued', fields: [makeField('invoiceId', { type: 'uuid' }), 'orderId', 'memo', makeField('note', { required: false })] }),
  ],
});

describe('withCommandEmission', () => {
  it('given a command emitting Placed with one field mapped from a literal, when completed, then the mapped field is kept and the other gets an input', () => {
    const command = makeCommand({
      name: 'Place', inputFields: [makeField('orderId', { type: 'uuid' })],
      emits: [{ eventTypeId: 'placed', mappings: [{ target: '/orderId', source: { from: 'literal', value: 'o-1' } }] }],
    });

    const after = withCommandEmission(doc, command, 'placed');

    expect(after.input).toEqual({ type: 'object', properties: { orderId: { type: 'string', format: 'uuid' }, amount: { type: 'number' } }, required: ['orderId'] });
    expect(after.emits).toEqual([{ eventTypeId: 'placed', mappings: [
      { target: '/orderId', source: { from: 'literal', value: 'o-1' } },
      { target: '/amount', source: { from: 'input', path: '/amount' } },
    ] }]);
  });

  it('given a nested event partly mapped, when completed, then only what is unmapped is added, whole where possible, with nested inputs', () => {
    const nested = makeFlow({ eventTypes: [makeEventType({ name: 'Ordered', payload: {
      type: 'object', required: ['customer', 'lines'],
      properties: {
        customer: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
        lines: { type: 'array', items: { type: 'object', properties: { price: { type: 'number', minimum: 0 } } } },
      },
    } })] });
    const command = makeCommand({ name: 'Order', emits: [{ eventTypeId: 'ordered', mappings: [{ target: '/customer/id', source: { from: 'literal', value: 'c-1' } }] }] });

    const after = withCommandEmission(nested, command, 'ordered');

    expect(after.emits[0]!.mappings).toEqual([
      { target: '/customer/id', source: { from: 'literal', value: 'c-1' } },
      { target: '/customer/name', source: { from: 'input', path: '/customer/name' } },
      { target: '/lines', source: { from: 'input', path: '/lines' } },
    ]);
    expect(after.input).toEqual({ type: 'object', properties: {
      customer: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      lines: { type: 'array', items: { type: 'object', properties: { price: { type: 'number', minimum: 0 } } } },
    }, required: ['customer', 'lines'] });
  });
});

describe('withHandlerEmission', () => {
  it('given a handler of Placed, when it starts emitting Issued, then ids are generated, same names read and the rest left to the user', () => {
    const after = withHandlerEmission(doc, makeHandler('placed'), 'issued');
    expect(after.emits).toEqual([{ eventTypeId: 'issued', mappings: [
      { target: '/invoiceId', source: { from: 'generated', generator: 'uuid' } },
      { target: '/orderId', source: { from: 'event', path: '/orderId' } },
    ] }]);
  });
});

describe('upsertEffectFor', () => {
  it('given a projection keyed by a column the event lacks, then the key reads the aggregate id and same-named columns are set', () => {
    const effect = upsertEffectFor(doc, makeHandler('placed'), makeProjection({ name: 'totals', key: 'id', columns: ['amount', 'other'] }));
    expect(effect).toEqual({ kind: 'upsert', projectionId: 'totals', key: { from: 'event', path: '/orderId' },
      set: [{ target: 'amount', source: { from: 'event', path: '/amount' } }] });
  });

  it('given a column named like a nested value, then the column reads it by path', () => {
    const nested = makeFlow({ eventTypes: [makeEventType({ name: 'Ordered', payload: { type: 'object', properties: { customer: { type: 'object', properties: { email: { type: 'string' } } } } } })] });
    const effect = upsertEffectFor(nested, makeHandler('ordered'), makeProjection({ name: 'mails', key: 'id', columns: ['email'] }));
    expect(effect).toEqual({ kind: 'upsert', projectionId: 'mails', key: { from: 'envelope', path: '/aggregateId' },
      set: [{ target: 'email', source: { from: 'event', path: '/customer/email' } }] });
  });
});
