import { describe, expect, it } from 'vitest';
import { makeConsumer, makeEventType, makeFlow, makeHandler, makeProducer, makeProjection } from '../testing';
import { copyNodes, pasteNodes } from './clipboard';
import { deriveEdges } from './deriveEdges';
import { FlowOperationError } from './FlowOperationError';
import { findNode } from './nodes';
import type { ClipboardPayload } from './clipboard';

function flow() {
  return makeFlow({
    eventTypes: [makeEventType({ name: 'Placed' }), makeEventType({ name: 'Shipped' })],
    producers: [makeProducer({ name: 'shop', emits: ['placed'] })],
    consumers: [makeConsumer({
      name: 'billing',
      handlers: [makeHandler('placed', {
        emits: [{ eventTypeId: 'shipped', mappings: [] }],
        effects: [{ kind: 'delete', projectionId: 'orders', key: { from: 'envelope', path: '/aggregateId' } }],
      })],
    })],
    projections: [makeProjection({ name: 'orders' })],
    layout: { positions: { placed: { x: 100, y: 50 }, billing: { x: 400, y: 150 } } },
  });
}

describe('copyNodes', () => {
  it('copies the nodes as plain JSON with positions relative to their top-left corner', () => {
    const payload = copyNodes(flow(), ['placed', 'billing', 'ghost']);
    expect(payload.nodes.map((n) => n.id)).toEqual(['placed', 'billing']);
    expect(payload.positions).toEqual({ placed: { x: 0, y: 0 }, billing: { x: 300, y: 100 } });
    expect(payload.edges.map((e) => e.id)).toEqual(['subscribes:placed->billing']);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });
});

describe('pasteNodes', () => {
  it('given copied event and consumer, when pasted, then fresh ids, unique names and remapped references', () => {
    const doc = flow();
    const { doc: after, newIds } = pasteNodes(doc, copyNodes(doc, ['placed', 'billing']), { x: 1000, y: 1000 });
    expect(newIds).toEqual(['event-3', 'consumer-2']);
    expect(findNode(after, 'event-3')?.name).toBe('Placed2');
    expect(findNode(after, 'consumer-2')?.name).toBe('billing2');
    const handler = after.consumers[1]!.handlers[0]!;
    expect(handler.eventTypeId).toBe('event-3');
    expect(handler.emits[0]?.eventTypeId).toBe('shipped');
    expect(handler.effects[0]?.projectionId).toBe('orders');
    expect(after.layout.positions['event-3']).toEqual({ x: 1000, y: 1000 });
    expect(after.layout.positions['consumer-2']).toEqual({ x: 1300, y: 1100 });
    expect(doc.consumers).toHaveLength(1);
  });

  it('drops references to nodes that no longer exist, and gives pasted commands fresh ids', () => {
    const source = flow();
    const payload = copyNodes(source, ['shop', 'billing']);
    const target = makeFlow({ eventTypes: [makeEventType({ name: 'Shipped' })] });
    const { doc: after, newIds } = pasteNodes(target, payload, { x: 0, y: 0 });
    expect(newIds).toEqual(['producer-1', 'consumer-1']);
    expect(after.producers[0]!.commands[0]).toMatchObject({ id: 'producer-1-command-1', emits: [] });
    expect(after.consumers[0]!.handlers).toEqual([]);
    expect(deriveEdges(after)).toEqual([]);
  });

  it('pasting twice gives distinct ids and names', () => {
    const doc = flow();
    const payload = copyNodes(doc, ['orders']);
    const once = pasteNodes(doc, payload, { x: 0, y: 0 }).doc;
    const twice = pasteNodes(once, payload, { x: 0, y: 0 });
    expect(twice.newIds).toEqual(['projection-3']);
    expect(twice.doc.projections.map((p) => p.name)).toEqual(['orders', 'orders2', 'orders3']);
  });

  it('refuses something that is not a clipboard payload', () => {
    expect(() => pasteNodes(flow(), { nodes: 'x' } as unknown as ClipboardPayload, { x: 0, y: 0 })).toThrow(FlowOperationError);
  });
});

describe('pasteNodes with foreign clipboard content', () => {
  it('refuses a node of an unknown kind or a malformed node, saying where', () => {
    const payload = copyNodes(flow(), ['billing']);
    const broken = JSON.parse(JSON.stringify(payload)) as { nodes: Record<string, unknown>[] };
    broken.nodes[0]!.retryLimit = 'many';
    expect(() => pasteNodes(flow(), broken as unknown as ClipboardPayload, { x: 0, y: 0 })).toThrow(/\/nodes\/0\/retryLimit/);
    broken.nodes[0]!.kind = 'service';
    expect(() => pasteNodes(flow(), broken as unknown as ClipboardPayload, { x: 0, y: 0 })).toThrow(/unknown node kind/);
  });
});
