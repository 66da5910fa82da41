import { describe, expect, it } from 'vitest';
import { moveNodes, replaceNode } from '../core';
import { makeConsumer, makeEventType, makeFlow, makeProducer } from '../core/testing';
import { CanvasEdgeCache } from './edgeCache';
import { indexNodes } from './flowElements';

function given() {
  const base = makeEventType({ name: 'VideoEvent', fields: ['videoId'] });
  const event = makeEventType({ name: 'VideoInputEvent', fields: ['title'], extends: base.id });
  const producer = makeProducer({ name: 'ingest', emits: [event.id] });
  const consumer = makeConsumer({ name: 'author-service', handles: [event.id] });
  return makeFlow({ eventTypes: [base, event], producers: [producer], consumers: [consumer] });
}

const build = (cache: CanvasEdgeCache, doc: ReturnType<typeof given>, selected: readonly string[] = []) =>
  cache.build(doc, indexNodes(doc), selected);

describe('canvas edges', () => {
  it('draws extends as an inert edge besides the semantic ones, each named for screen readers', () => {
    const edges = build(new CanvasEdgeCache(), given());
    expect(edges.find((e) => e.type === 'inheritance')).toMatchObject({
      source: 'video-input-event', target: 'video-event', selectable: false, deletable: false, focusable: false,
      ariaLabel: 'VideoInputEvent extends VideoEvent',
    });
    expect(edges.filter((e) => e.type === 'flow').map((e) => e.ariaLabel)).toEqual([
      'ingest emits VideoInputEvent', 'VideoInputEvent is consumed by author-service',
    ]);
  });

  it('given a drag, when rebuilt, then the very same array comes back (React Flow updates no edge)', () => {
    const doc = given();
    const cache = new CanvasEdgeCache();
    const first = build(cache, doc);
    const moved = moveNodes(doc, { 'video-input-event': { x: 999, y: 5 } });
    expect(build(cache, moved)).toBe(first);
  });

  it('given one edge selected, when rebuilt, then only that edge is a new object', () => {
    const doc = given();
    const cache = new CanvasEdgeCache();
    const first = build(cache, doc);
    const selectedId = first[2]!.id;
    const second = build(cache, doc, [selectedId]);
    expect(second.map((edge, i) => edge === first[i])).toEqual([true, true, false]);
    expect(second[2]?.selected).toBe(true);
  });

  it('given a renamed consumer, when rebuilt, then only the edges that name it are new', () => {
    const doc = given();
    const cache = new CanvasEdgeCache();
    const first = build(cache, doc);
    const renamed = replaceNode(doc, { ...doc.consumers[0]!, name: 'authors' });
    const second = build(cache, renamed);
    expect(second.map((edge, i) => edge === first[i])).toEqual([true, true, false]);
    expect(second[2]?.ariaLabel).toBe('VideoInputEvent is consumed by authors');
  });
});
