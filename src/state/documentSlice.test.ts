import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allNodes, deriveEdges, findNode, getOwn, renameProperty, validateFlow, type Consumer, type EventType, type FlowDocument, type FlowNode } from '../core';
import { makeConsumer, makeEventType, makeFlow, makeProducer, makeProjection } from '../core/testing';
import { COALESCE_WINDOW_MS } from './history';
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

describe('updateNode, the inspector\'s edit path: a typing burst is one undo step', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
  const typeInto = (id: string, texts: string[], edit: (node: FlowNode, text: string) => FlowNode, key: string) => {
    for (const text of texts) {
      state().updateNode(edit(findNode(state().doc!, id)!, text), { coalesceKey: key });
      vi.advanceTimersByTime(120);
    }
  };
  const names = (event: EventType) => Object.keys(event.payload.properties as object);
  const renameField = (index: number) => (node: FlowNode, text: string) => {
    const event = node as EventType;
    return { ...event, payload: renameProperty(event.payload, '', names(event)[index]!, text) };
  };

  it('given the example, when a field read by handlers is renamed letter by letter, then every read follows and one undo restores the whole design', () => {
    state().loadDocument(example);
    const problemsBefore = validateFlow(example);
    const titleIndex = names(findEvent(example, 'video-input-event')).indexOf('title');
    typeInto('video-input-event', ['h', 'he', 'head', 'headline'], renameField(titleIndex), 'field-name');

    expect(names(findEvent(state().doc!, 'video-input-event'))[titleIndex]).toBe('headline');
    // Renames are carried at every keystroke: nothing reads the old name, so nothing new is wrong.
    expect(validateFlow(state().doc!)).toEqual(problemsBefore);
    expect(state().history.past).toHaveLength(1);

    state().undo();
    expect(state().doc).toEqual(example);
  });

  it('given two nodes, when the same kind of typing goes to each in turn, then each node is its own undo step', () => {
    state().loadDocument(example);
    typeInto('video-input-event', ['A', 'AB'], (node, text) => ({ ...node, description: text }), 'description');
    typeInto('video-status-change-event', ['C', 'CD'], (node, text) => ({ ...node, description: text }), 'description');
    expect(state().history.past).toHaveLength(2);
    state().undo();
    expect(findNode(state().doc!, 'video-input-event')?.description).toBe('AB');
    expect(findNode(state().doc!, 'video-status-change-event')?.description).toBe(findNode(example, 'video-status-change-event')?.description);
  });

  it('given a burst, when the user pauses longer than the window, changes field or leaves the field, then a new undo step starts', () => {
    state().loadDocument(example);
    typeInto('author-service', ['a', 'ab'], (node, text) => ({ ...node, description: text }), 'description');
    vi.advanceTimersByTime(COALESCE_WINDOW_MS + 1);
    typeInto('author-service', ['abc'], (node, text) => ({ ...node, description: text }), 'description');
    typeInto('author-service', ['svc'], (node, text) => ({ ...node, name: text }), 'name');
    state().endCoalescing();
    typeInto('author-service', ['svc2'], (node, text) => ({ ...node, name: text }), 'name');
    expect(state().history.past).toHaveLength(4);
    state().undo();
    expect(findNode(state().doc!, 'author-service')?.name).toBe('svc');
  });

  it('given an edit without a key, then it is always its own step', () => {
    state().loadDocument(example);
    for (const retryLimit of [4, 5]) state().updateNode({ ...(findNode(state().doc!, 'author-service') as Consumer), retryLimit });
    expect(state().history.past).toHaveLength(2);
  });
});

function findEvent(doc: FlowDocument, id: string): EventType {
  return findNode(doc, id) as EventType;
}
