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
      emits: [{ eventTypeId: 'placed', mappings: [{ target: 'orderId', source: { from: 'literal', value: 'o-1' } }] }],
    });

    const after = withCommandEmission(doc, command, 'placed');

    expect(after.inputFields.map((f) => [f.name, f.type, f.required])).toEqual([['orderId', 'uuid', true], ['amount', 'number', false]]);
    expect(after.emits).toEqual([{ eventTypeId: 'placed', mappings: [
      { target: 'orderId', source: { from: 'literal', value: 'o-1' } },
      { target: 'amount', source: { from: 'input', field: 'amount' } },
    ] }]);
  });
});

describe('withHandlerEmission', () => {
  it('given a handler of Placed, when it starts emitting Issued, then ids are generated, same names read and the rest left to the user', () => {
    const after = withHandlerEmission(doc, makeHandler('placed'), 'issued');
    expect(after.emits).toEqual([{ eventTypeId: 'issued', mappings: [
      { target: 'invoiceId', source: { from: 'generated', generator: 'uuid' } },
      { target: 'orderId', source: { from: 'event', field: 'orderId' } },
    ] }]);
  });
});

describe('upsertEffectFor', () => {
  it('given a projection keyed by a column the event lacks, then the key reads the aggregate id and same-named columns are set', () => {
    const effect = upsertEffectFor(doc, makeHandler('placed'), makeProjection({ name: 'totals', key: 'id', columns: ['amount', 'other'] }));
    expect(effect).toEqual({ kind: 'upsert', projectionId: 'totals', key: { from: 'event', field: 'orderId' },
      set: [{ target: 'amount', source: { from: 'event', field: 'amount' } }] });
  });
});
