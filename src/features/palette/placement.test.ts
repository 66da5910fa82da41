import { describe, expect, it } from 'vitest';
import { makeConsumer, makeEventType, makeFlow, makeProducer, makeProjection } from '../../core/testing';
import { PLACEMENT_CELL, placeNewNode } from './placement';

const center = { x: 1000, y: 500 };

describe('placing a node added by a click', () => {
  it('given an empty design, when each kind is placed, then they line up left to right: producer, event, consumer, projection', () => {
    const doc = makeFlow();
    const xs = (['producer', 'event', 'consumer', 'projection'] as const).map((kind) => placeNewNode(doc, kind, center).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    expect(xs[1]! - xs[0]!).toBeGreaterThanOrEqual(PLACEMENT_CELL.width);
  });

  it('given a node already on its spot, when another of the kind is placed, then it stacks in the same column without overlap', () => {
    const empty = makeFlow();
    const first = placeNewNode(empty, 'event', center);
    const event = makeEventType({ name: 'OrderPlaced' });
    const doc = { ...makeFlow({ eventTypes: [event] }), layout: { positions: { [event.id]: first } } };

    const second = placeNewNode(doc, 'event', center);

    expect(second.x).toBe(first.x);
    expect(Math.abs(second.y - first.y)).toBeGreaterThanOrEqual(PLACEMENT_CELL.height);
  });

  it('given every kind already placed, when more are added, then none lands on a taken spot', () => {
    const nodes = { producer: makeProducer({ name: 'orders' }), event: makeEventType({ name: 'E' }), consumer: makeConsumer({ name: 'c' }), projection: makeProjection({ name: 'p' }) };
    const positions = Object.fromEntries(Object.entries(nodes).map(([kind, node]) => [node.id, placeNewNode(makeFlow(), kind as keyof typeof nodes, center)]));
    const doc = { ...makeFlow({ producers: [nodes.producer], eventTypes: [nodes.event], consumers: [nodes.consumer], projections: [nodes.projection] }), layout: { positions } };

    for (const kind of Object.keys(nodes) as (keyof typeof nodes)[]) {
      const spot = placeNewNode(doc, kind, center);
      const clash = Object.values(positions).some((p) => Math.abs(p.x - spot.x) < PLACEMENT_CELL.width && Math.abs(p.y - spot.y) < PLACEMENT_CELL.height);
      expect(clash).toBe(false);
    }
  });
});
