import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allNodes, deriveEdges, findNode, getOwn } from '../core';
import { makeConsumer, makeEventType, makeFlow, makeProducer, makeProjection } from '../core/testing';
import { useAppStore } from './store';

function givenDesign() {
  const event = makeEventType({ name: 'OrderPlaced', fields: ['orderId'], aggregateIdField: 'orderId' });
  const producer = makeProducer({ name: 'orders', emits: [event.id] });
  const consumer = makeConsumer({ name: 'billing', handles: [event.id] });
  const projection = makeProjection({ name: 'invoices' });
  const doc = makeFlow({ id: 'd1', eventTypes: [event], producers: [producer], consumers: [consumer], projections: [projection] });
  useAppStore.getState().loadDocument(doc);
  return { doc, event, producer, consumer, projection };
}

const state = () => useAppStore.getState();

describe('the document slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('given a node, when renamed by typing letter by letter, then one undo restores the old name', () => {
    const { event } = givenDesign();
    for (const name of ['O', 'Or', 'Ord']) {
      state().updateNode({ ...findNode(state().doc!, event.id)!, name } as typeof event, { coalesceKey: 'name' });
      vi.advanceTimersByTime(100);
    }
    expect(findNode(state().doc!, event.id)?.name).toBe('Ord');

    state().undo();

    expect(findNode(state().doc!, event.id)?.name).toBe('OrderPlaced');
    expect(state().history.past).toHaveLength(0);
  });

  it('given a drag, when it moves a node many times and ends, then undo puts it back in one step', () => {
    const { event, doc } = givenDesign();
    const start = getOwn(doc.layout.positions, event.id);
    state().moveNodes({ [event.id]: { x: 1, y: 1 } }, true);
    state().moveNodes({ [event.id]: { x: 2, y: 2 } }, true);
    state().moveNodes({ [event.id]: { x: 3, y: 3 } }, false);
    state().moveNodes({ [event.id]: { x: 9, y: 9 } }, false);

    state().undo();
    expect(getOwn(state().doc!.layout.positions, event.id)).toEqual({ x: 3, y: 3 });
    state().undo();
    expect(getOwn(state().doc!.layout.positions, event.id)).toEqual(start);
  });

  it('given an illegal connection, when connected, then it is refused with a reason and nothing changes', () => {
    const { producer, projection, doc } = givenDesign();
    const check = state().connect(producer.id, projection.id);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(/producer/i);
    expect(state().doc).toBe(doc);
  });

  it('given a legal connection, when connected, then the edge exists and undo removes it', () => {
    const { consumer, projection } = givenDesign();
    expect(state().connect(consumer.id, projection.id).ok).toBe(true);
    expect(deriveEdges(state().doc!).some((e) => e.source === consumer.id && e.target === projection.id)).toBe(true);
    state().undo();
    expect(deriveEdges(state().doc!).some((e) => e.target === projection.id)).toBe(false);
  });

  it('given a selected node, when the selection is deleted, then its edges go too, in one undo step', () => {
    const { event, doc } = givenDesign();
    state().selectNode(event.id);
    state().deleteSelection();
    expect(findNode(state().doc!, event.id)).toBeUndefined();
    expect(deriveEdges(state().doc!)).toEqual([]);
    expect(state().selectedNodeIds).toEqual([]);
    state().undo();
    expect(state().doc).toEqual(doc);
  });

  it('given a selected edge, when deleted, then only that connection goes', () => {
    const { event, consumer } = givenDesign();
    const edge = deriveEdges(state().doc!).find((e) => e.kind === 'subscribes')!;
    state().setSelection([], [edge.id]);
    state().deleteSelection();
    expect(findNode(state().doc!, event.id)).toBeDefined();
    expect(deriveEdges(state().doc!).map((e) => e.id)).not.toContain(edge.id);
    expect(findNode(state().doc!, consumer.id)).toMatchObject({ handlers: [] });
  });

  it('given copied nodes, when pasted twice, then each paste adds shifted copies and selects them', () => {
    const { event, doc } = givenDesign();
    state().selectNode(event.id);
    state().copySelection();
    state().paste();
    const firstCopies = state().selectedNodeIds;
    state().paste();
    expect(allNodes(state().doc!)).toHaveLength(allNodes(doc).length + 2);
    const [first] = firstCopies;
    const [second] = state().selectedNodeIds;
    const at = (id: string) => getOwn(state().doc!.layout.positions, id)!;
    expect(at(second!).x - at(first!).x).toBe(40);
  });

  it('given a viewport change, then it is kept with the design but is not an undo step', () => {
    givenDesign();
    state().setViewport({ x: 10, y: 20, zoom: 0.8 });
    expect(state().doc!.layout.viewport).toEqual({ x: 10, y: 20, zoom: 0.8 });
    expect(state().history.past).toHaveLength(0);
  });

  it('undo and redo drop a selection that no longer exists', () => {
    givenDesign();
    const id = state().addNode('projection', { x: 0, y: 0 })!;
    state().selectNode(id);
    state().undo();
    expect(state().selectedNodeIds).toEqual([]);
    state().redo();
    expect(findNode(state().doc!, id)).toBeDefined();
  });
});
