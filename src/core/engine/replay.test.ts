import { describe, expect, it } from 'vitest';
import type { EventRecord, Payload } from './records';
import { diffProjections, replayProjections } from './replay';
import { pipelineFlow } from './testing/smallFlows';

function event(position: number, eventTypeId: string, payload: EventRecord['payload']): EventRecord {
  return {
    runId: 'pipeline', position, eventId: `e-${position}`, eventTypeId, eventTypeName: eventTypeId, streamId: 's', aggregateType: 'item',
    aggregateId: String(payload.itemId), version: position, occurredAt: `T${position}`, payload, sourceId: 'shop', commandId: 'c-1', causationId: 'c-1', depth: 0, step: position,
  };
}

const state = (entries: Record<string, Record<string, Payload>>) => new Map(Object.entries(entries).map(([id, rows]) => [id, new Map(Object.entries(rows))]));
const plain = (rows: Map<string, Payload> | undefined) => Object.fromEntries(rows ?? []);

describe('replay', () => {
  const events = [
    event(1, 'item-created', { itemId: 'i-1', owner: 'ann', state: 'a' }),
    event(2, 'item-listed', { itemId: 'i-1', owner: 'ann' }),
    event(3, 'item-changed', { itemId: 'i-1', before: 'a', state: 'b' }),
    event(4, 'item-listed', { itemId: 'i-1', owner: 'ann' }),
  ];

  it('given events, when replayed, then subtypes reach the base-type handler and effects apply once each, in order', () => {
    const replayed = replayProjections(pipelineFlow(), events);
    expect(plain(replayed.get('items'))).toEqual({ 'i-1': { itemId: 'i-1', state: 'b', at: 'T3' } });
    expect(plain(replayed.get('owners'))).toEqual({ ann: { owner: 'ann', listed: 2, items: ['i-1', 'i-1'] } });
    expect(plain(replayProjections(pipelineFlow(), events.slice(0, 1)).get('items'))).toEqual({ 'i-1': { itemId: 'i-1', state: 'a', at: 'T1' } });
  });

  it('given row keys that are names of Object.prototype members, when replayed, then they are rows like any other', () => {
    const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const replayed = replayProjections(pipelineFlow(), hostile.map((itemId, i) => event(i + 1, 'item-created', { itemId, owner: itemId, state: 'a' })));
    expect([...(replayed.get('items')?.keys() ?? [])].sort()).toEqual([...hostile].sort());
  });

  it('given two states, when diffed, then only differing rows are listed, column order ignored', () => {
    expect(diffProjections(state({ p: { k: { a: 1, b: 2 } } }), state({ p: { k: { b: 2, a: 1 } } }))).toEqual([]);
    expect(diffProjections(state({ p: { k: { a: 1 } } }), state({ p: { k: { a: 2 }, j: { a: 1 } } }))).toEqual([
      { projectionId: 'p', key: 'j', incremental: undefined, rebuilt: { a: 1 } },
      { projectionId: 'p', key: 'k', incremental: { a: 1 }, rebuilt: { a: 2 } },
    ]);
  });
});
