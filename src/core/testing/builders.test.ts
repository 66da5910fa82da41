import { describe, expect, it } from 'vitest';
import { validateFlow } from '../model';
import {
  idFromName, makeCommand, makeConsumer, makeEventType, makeField, makeFlow, makeHandler, makeProducer, makeProjection,
} from './builders';

describe('builders', () => {
  it('derive ids from names', () => {
    expect(idFromName('VideoInputEvent')).toBe('video-input-event');
    expect(idFromName('author service')).toBe('author-service');
    expect(makeEventType({ name: 'OrderPlaced' }).id).toBe('order-placed');
  });

  it('make required string fields from plain names, and take overrides', () => {
    expect(makeEventType({ name: 'A', fields: ['x', makeField('n', { type: 'integer', required: false })] }).payload).toEqual({
      type: 'object', properties: { x: { type: 'string' }, n: { type: 'integer' } }, required: ['x'],
    });
  });

  it('give a producer one command for its `emits` shortcut, and a consumer handlers for `handles`', () => {
    expect(makeProducer({ name: 'shop', emits: ['a'] }).commands).toEqual([
      makeCommand({ name: 'Do', id: 'shop-do', emits: [{ eventTypeId: 'a', mappings: [] }] }),
    ]);
    expect(makeConsumer({ name: 'c', handles: ['a'] }).handlers).toEqual([makeHandler('a')]);
  });

  it('add the key column to a projection', () => {
    expect(makeProjection({ name: 'v', key: 'videoId', columns: ['title'] }).columns.map((c) => c.name)).toEqual(['videoId', 'title']);
  });

  it('place every node of a flow deterministically, keeping given positions', () => {
    const flow = () => makeFlow({
      eventTypes: [makeEventType({ name: 'A' })],
      producers: [makeProducer({ name: 'p', emits: ['a'] })],
      consumers: [makeConsumer({ name: 'c', handles: ['a'] })],
      layout: { positions: { c: { x: 9, y: 9 } } },
    });
    expect(flow().layout.positions).toEqual({ p: { x: 0, y: 0 }, a: { x: 300, y: 0 }, c: { x: 9, y: 9 } });
    expect(flow()).toEqual(flow());
    expect(validateFlow(flow())).toEqual([]);
  });
});
