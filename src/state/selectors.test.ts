import { describe, expect, it } from 'vitest';
import { makeConsumer, makeEventType, makeFlow } from '../core/testing';
import { selectDocContent, selectEdges, selectProblems } from './selectors';
import { useAppStore } from './store';

describe('selectors', () => {
  it('given a design, when a node moves, then edges and problems are not recomputed; when it changes, they are', () => {
    const event = makeEventType({ name: 'OrderPlaced' });
    const doc = makeFlow({ id: 'sel', eventTypes: [event], consumers: [makeConsumer({ name: 'billing', handles: [event.id] })] });
    useAppStore.getState().loadDocument(doc);
    const problems = selectProblems(useAppStore.getState());
    const edges = selectEdges(useAppStore.getState());
    expect(problems.some((p) => p.code === 'event-without-producer')).toBe(true);

    useAppStore.getState().moveNodes({ [event.id]: { x: 500, y: 500 } }, false);
    expect(selectProblems(useAppStore.getState())).toBe(problems);
    expect(selectEdges(useAppStore.getState())).toBe(edges);

    useAppStore.getState().updateNode({ ...event, name: 'OrderShipped' });
    expect(selectProblems(useAppStore.getState())).not.toBe(problems);
  });

  it('given a design, when a node moves, then the inspector\'s design stays the same object; when it is renamed, it is the new one', () => {
    const event = makeEventType({ name: 'OrderPlaced' });
    useAppStore.getState().loadDocument(makeFlow({ id: 'content', eventTypes: [event] }));
    const before = selectDocContent(useAppStore.getState());
    expect(before?.eventTypes).toEqual([event]);

    useAppStore.getState().moveNodes({ [event.id]: { x: 300, y: 40 } }, false);
    expect(selectDocContent(useAppStore.getState())).toBe(before);

    useAppStore.getState().setDesignInfo({ name: 'Renamed' });
    const renamed = selectDocContent(useAppStore.getState());
    expect(renamed).toBe(useAppStore.getState().doc);
    expect(renamed?.name).toBe('Renamed');
  });
});
