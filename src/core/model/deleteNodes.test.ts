import { describe, expect, it } from 'vitest';
import { makeConsumer, makeEventType, makeFlow, makeHandler, makeProducer, makeProjection } from '../testing';
import { deleteNodes } from './deleteNodes';
import { deriveEdges } from './deriveEdges';

function flow() {
  return makeFlow({
    eventTypes: [
      makeEventType({ name: 'Base', abstract: true }),
      makeEventType({ name: 'Placed', extends: 'base' }),
      makeEventType({ name: 'Shipped' }),
    ],
    producers: [makeProducer({ name: 'shop', emits: ['placed', 'shipped'] })],
    consumers: [makeConsumer({
      name: 'billing',
      handlers: [
        makeHandler('placed', {
          effects: [{ kind: 'delete', projectionId: 'orders', key: { from: 'envelope', path: '/aggregateId' } }],
          emits: [{ eventTypeId: 'shipped', mappings: [] }],
        }),
        makeHandler('shipped'),
      ],
    })],
    projections: [makeProjection({ name: 'orders' })],
  });
}

describe('deleteNodes', () => {
  it('given an event type with handlers, emissions and subtypes, when deleted, then every reference goes', () => {
    const doc = flow();
    const after = deleteNodes(doc, ['shipped', 'base']);
    expect(after.eventTypes.map((e) => e.id)).toEqual(['placed']);
    expect(after.eventTypes[0]?.extends).toBeUndefined();
    expect(after.producers[0]?.commands[0]?.emits.map((e) => e.eventTypeId)).toEqual(['placed']);
    expect(after.consumers[0]?.handlers.map((h) => h.eventTypeId)).toEqual(['placed']);
    expect(after.consumers[0]?.handlers[0]?.emits).toEqual([]);
    expect(after.layout.positions.shipped).toBeUndefined();
    expect(deriveEdges(after).every((e) => e.source !== 'shipped' && e.target !== 'shipped')).toBe(true);
  });

  it('given a projection, when deleted, then effects on it go and the input is untouched', () => {
    const doc = flow();
    const after = deleteNodes(doc, ['orders']);
    expect(after.consumers[0]?.handlers[0]?.effects).toEqual([]);
    expect(doc.consumers[0]?.handlers[0]?.effects).toHaveLength(1);
    expect(doc.projections).toHaveLength(1);
  });

  it('given a consumer and a producer, when deleted, then their edges disappear with them', () => {
    const after = deleteNodes(flow(), ['billing', 'shop']);
    expect(after.consumers).toEqual([]);
    expect(after.producers).toEqual([]);
    expect(deriveEdges(after)).toEqual([]);
    expect(Object.keys(after.layout.positions).sort()).toEqual(['base', 'orders', 'placed', 'shipped']);
  });
});
