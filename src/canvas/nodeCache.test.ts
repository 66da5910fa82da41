import { describe, expect, it } from 'vitest';
import { moveNodes, replaceNode } from '../core';
import { makeConsumer, makeEventType, makeFlow } from '../core/testing';
import { nodeAriaLabel } from './flowElements';
import { CanvasNodeCache } from './nodeCache';

function given() {
  const base = makeEventType({ name: 'VideoEvent', fields: ['videoId'], aggregateIdField: 'videoId' });
  const event = makeEventType({ name: 'VideoInputEvent', fields: ['title'], extends: base.id });
  const consumer = makeConsumer({ name: 'author-service', handles: [event.id] });
  return makeFlow({ eventTypes: [base, event], consumers: [consumer] });
}

const none = new Set<string>();
const noProblems = new Map<string, number>();

describe('canvas nodes', () => {
  it('given an unchanged node, when rebuilt, then the same object is reused; a changed one is new', () => {
    const doc = given();
    const cache = new CanvasNodeCache();
    const first = cache.build(doc, none, noProblems);
    const consumer = doc.consumers[0]!;
    const next = replaceNode(doc, { ...consumer, retryLimit: 9 });

    const second = cache.build(next, none, noProblems);

    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
  });

  it('given a drag of one node, when rebuilt, then only that node gets a new object, with the same data', () => {
    const doc = given();
    const cache = new CanvasNodeCache();
    const first = cache.build(doc, none, noProblems);

    const second = cache.build(moveNodes(doc, { 'video-input-event': { x: 40, y: 50 } }), none, noProblems);

    expect(second.map((node, i) => node === first[i])).toEqual([true, false, true]);
    expect(second[1]?.position).toEqual({ x: 40, y: 50 });
    expect(second[1]?.data).toBe(first[1]?.data);
  });

  it('given React Flow measured the nodes, when told, then no node is rebuilt; a node built later carries its size', () => {
    const doc = given();
    const cache = new CanvasNodeCache();
    const first = cache.build(doc, none, noProblems);

    cache.rememberSize('video-input-event', { width: 230, height: 96 });
    const same = cache.build(doc, none, noProblems);
    const moved = cache.build(moveNodes(doc, { 'video-input-event': { x: 10, y: 10 } }), none, noProblems);

    expect(same).toBe(first);
    expect(moved[1]?.measured).toEqual({ width: 230, height: 96 });
  });

  it('given a renamed base type, when rebuilt, then its child shows the new name and unrelated nodes stay', () => {
    const doc = given();
    const cache = new CanvasNodeCache();
    const first = cache.build(doc, none, noProblems);

    const renamed = replaceNode(doc, { ...doc.eventTypes[0]!, name: 'ContentEvent' });
    const second = cache.build(renamed, none, noProblems);

    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.data.view).toMatchObject({ kind: 'event', baseName: 'ContentEvent' });
    expect(second[2]?.data).toBe(first[2]?.data);
  });

  it('given a selection, when rebuilt, then only the selected node changes', () => {
    const doc = given();
    const cache = new CanvasNodeCache();
    const first = cache.build(doc, none, noProblems);
    const second = cache.build(doc, new Set(['author-service']), noProblems);
    expect(second.map((node, i) => node === first[i])).toEqual([true, true, false]);
    expect(second[2]?.selected).toBe(true);
  });

  it('given a node whose id is a name like __proto__, when built, then it sits at its own position', () => {
    const event = makeEventType({ name: 'Proto', id: '__proto__' });
    const doc = makeFlow({ eventTypes: [event], layout: { positions: Object.defineProperty({}, '__proto__', { value: { x: 70, y: 80 }, enumerable: true }) } });
    const [node] = new CanvasNodeCache().build(doc, none, noProblems);
    expect(node?.position).toEqual({ x: 70, y: 80 });
  });

  it('given a node called __proto__ without a saved position, when built, then it sits at the origin, not at Object.prototype', () => {
    const doc = makeFlow({ eventTypes: [makeEventType({ name: 'Proto', id: '__proto__' })] });
    // makeFlow lays every node out (the __proto__ one included, as an own key): take its position away.
    expect(Reflect.deleteProperty(doc.layout.positions, '__proto__')).toBe(true);
    expect(Object.keys(doc.layout.positions)).toEqual([]);
    const [node] = new CanvasNodeCache().build(doc, none, noProblems);
    expect(node?.position).toEqual({ x: 0, y: 0 });
  });

  it('lists inherited fields marked with their base, and names nodes for screen readers and tests', () => {
    const doc = given();
    const [, event] = new CanvasNodeCache().build(doc, none, noProblems);
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
});
