import { describe, expect, it } from 'vitest';
import type { EventRecord } from './records';
import { diffProjections, replayProjections } from './replay';
import { pipelineFlow } from './testing/smallFlows';

function event(position: number, eventTypeId: string, payload: EventRecord['payload']): EventRecord {
  return {
    runId: 'pipeline', position, eventId: `e-${position}`, eventTypeId, eventTypeName: eventTypeId, streamId: 's', aggregateType: 'item',
    aggregateId: String(payload.itemId), version: position, occurredAt: `T${position}`, payload, sourceId: 'shop', commandId: 'c-1', causationId: 'c-1', step: position,
  };
}

describe('replay', () => {
  const events = [
    event(1, 'item-created', { itemId: 'i-1', owner: 'ann', state: 'a' }),
    event(2, 'item-listed', { itemId: 'i-1', owner: 'ann' }),
    event(3, 'item-changed', { itemId: 'i-1', before: 'a', state: 'b' }),
    event(4, 'item-listed', { itemId: 'i-1', owner: 'ann' }),
  ];

  it('given events, when replayed, then subtypes reach the base-type handler and effects apply once each, in order', () => {
    const state = replayProjections(pipelineFlow(), events);
    expect(state.items).toEqual({ 'i-1': { itemId: 'i-1', state: 'b', at: 'T3' } });
    expect(state.owners).toEqual({ ann: { owner: 'ann', listed: 2, items: ['i-1', 'i-1'] } });
    expect(replayProjections(pipelineFlow(), events.slice(0, 1)).items).toEqual({ 'i-1': { itemId: 'i-1', state: 'a', at: 'T1' } });
  });

  it('given two states, when diffed, then only differing rows are listed, column order ignored', () => {
    expect(diffProjections({ p: { k: { a: 1, b: 2 } } }, { p: { k: { b: 2, a: 1 } } })).toEqual([]);
    expect(diffProjections({ p: { k: { a: 1 } } }, { p: { k: { a: 2 }, j: { a: 1 } } })).toEqual([
      { projectionId: 'p', key: 'j', incremental: undefined, rebuilt: { a: 1 } },
      { projectionId: 'p', key: 'k', incremental: { a: 1 }, rebuilt: { a: 2 } },
    ]);
  });
});
