import { describe, expect, it } from 'vitest';
import { canvasTabOrder } from './canvasTabOrder';

describe('canvasTabOrder', () => {
  it('given a flow laid out left to right, when tabbing, then nodes come column by column, top to bottom, and edges after them', () => {
    const nodes = [
      { id: 'consumer-b', x: 600, y: 300 },
      { id: 'event', x: 300, y: 10 },
      { id: 'producer', x: 0, y: 0 },
      { id: 'consumer-a', x: 620, y: 0 },
    ];
    const edges = [
      { id: 'subscribes:event->consumer-b', source: 'event', target: 'consumer-b' },
      { id: 'subscribes:event->consumer-a', source: 'event', target: 'consumer-a' },
      { id: 'emits:producer->event', source: 'producer', target: 'event' },
    ];
    expect(canvasTabOrder(nodes, edges)).toEqual([
      'producer', 'event', 'consumer-a', 'consumer-b',
      'emits:producer->event', 'subscribes:event->consumer-a', 'subscribes:event->consumer-b',
    ]);
  });

  it('given a node a little left of its column, when tabbing, then it stays in that column by height', () => {
    const nodes = [{ id: 'low', x: 300, y: 400 }, { id: 'high', x: 330, y: 0 }, { id: 'next', x: 700, y: 0 }];
    expect(canvasTabOrder(nodes, [])).toEqual(['high', 'low', 'next']);
  });
});
