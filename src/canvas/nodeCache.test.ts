import { describe, expect, it } from 'vitest';
import { replaceNode } from '../core';
import { makeConsumer, makeEventType, makeFlow } from '../core/testing';
import { canvasEdges, nodeAriaLabel } from './flowElements';
import { CanvasNodeCache } from './nodeCache';

function given() {
  const base = makeEventType({ name: 'VideoEvent', fields: ['videoId'], aggregateIdField: 'videoId' });
  const event = makeEventType({ name: 'VideoInputEvent', fields: ['title'], extends: base.id });
  const consumer = makeConsumer({ name: 'author-service', handles: [event.id] });
  return makeFlow({ eventTypes: [base, event], consumers: [consumer] });
}

describe('canvas nodes', () => {
  it('given an unchanged node, when rebuilt, then the same object is reused; a changed one is new', () => {
    const doc = given();
    const cache = new CanvasNodeCache();
    const first = cache.build(doc, new Set(), new Map(), new Map());
    const consumer = doc.consumers[0]!;
    const next = replaceNode(doc, { ...consumer, retryLimit: 9 });

    const second = cache.build(next, new Set(), new Map(), new Map());

    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
  });

  it('lists inherited fields marked with their base, and names nodes for screen readers and tests', () => {
    const doc = given();
    const [, event] = new CanvasNodeCache().build(doc, new Set(), new Map(), new Map());
    expect(event?.ariaLabel).toBe('Event VideoInputEvent');
    expect(event?.data.view).toEqual({
      kind: 'event',
      baseName: 'VideoEvent',
      fields: [
        { path: '/videoId', name: 'videoId', depth: 1, summary: 'string', required: true, inheritedFrom: 'VideoEvent', isAggregateId: true },
        { path: '/title', name: 'title', depth: 1, summary: 'string', required: true, isAggregateId: false },
      ],
      hiddenFields: 0,
    });
    expect(nodeAriaLabel(doc.consumers[0]!)).toBe('Consumer author-service');
  });

  it('draws extends as an inert edge besides the semantic ones', () => {
    const edges = canvasEdges(given(), new Set());
    const extendsEdge = edges.find((e) => e.type === 'inheritance');
    expect(extendsEdge).toMatchObject({ source: 'video-input-event', target: 'video-event', selectable: false, deletable: false });
    expect(edges.find((e) => e.type === 'flow')?.ariaLabel).toBe('VideoInputEvent is consumed by author-service');
  });
});
