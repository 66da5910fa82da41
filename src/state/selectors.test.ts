import { describe, expect, it } from 'vitest';
import { baselineOf } from '../core';
import { makeConsumer, makeEventType, makeFlow, makeProducer } from '../core/testing';
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

  it('given a design with a baseline, the breaking change joins the problems once the baseline check has loaded, and stays put while nodes move', async () => {
    const event = makeEventType({ name: 'OrderPlaced', fields: [{ name: 'total', type: 'number', required: true }] });
    const before = makeFlow({ id: 'baseline', eventTypes: [event], producers: [makeProducer({ name: 'Checkout', emits: [event.id] })] });
    const changed = structuredClone(before);
    (changed.eventTypes[0]!.payload as { properties: { total: { type: string } } }).properties.total.type = 'string';
    changed.evolution = { compatibility: 'backward', baseline: baselineOf(before, 'the last export') };
    useAppStore.getState().loadDocument(changed);
    await useAppStore.getState().loadBaselineCheck();
    const problems = selectProblems(useAppStore.getState());
    expect(problems.filter((p) => p.code === 'breaking-change').map((p) => p.message)).toEqual([
      expect.stringContaining('OrderPlaced v1: breaking change (backward) since the last export at /total'),
    ]);
    useAppStore.getState().moveNodes({ [event.id]: { x: 10, y: 10 } }, false);
    expect(selectProblems(useAppStore.getState())).toBe(problems);
    useAppStore.getState().applyEdit((doc) => ({ ...doc, evolution: { compatibility: 'none', baseline: doc.evolution!.baseline! } }));
    expect(selectProblems(useAppStore.getState()).some((p) => p.code === 'breaking-change')).toBe(false);
  });
});
