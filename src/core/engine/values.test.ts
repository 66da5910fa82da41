import { describe, expect, it } from 'vitest';
import type { Projection, ProjectionEffect } from '../model';
import { applyEffect, buildPayload, effectKey, eventView, handlerGenerator, type ValueContext } from './values';

const projection: Projection = { id: 'p', kind: 'projection', name: 'p', description: '', key: 'videoId', columns: [] };
const event = eventView({ eventId: 'e-7', eventTypeName: 'VideoInputEvent', occurredAt: '2026-01-01T00:00:01.000Z', aggregateId: 'v-1', payload: { videoId: 'v-1', title: 'T' } });
const ctx: ValueContext = { event, generate: handlerGenerator('e-7', '2026-01-01T00:00:01.000Z', 'c') };
const key = { from: 'event', field: 'videoId' } as const;

describe('value sources and projection effects', () => {
  it('given an event, when reading envelope fields, then eventId, eventType, occurredAt and aggregateId are there', () => {
    expect(buildPayload([
      { target: 'a', source: { from: 'event', field: 'eventId' } },
      { target: 'b', source: { from: 'event', field: 'eventType' } },
      { target: 'c', source: { from: 'event', field: 'occurredAt' } },
      { target: 'd', source: { from: 'event', field: 'aggregateId' } },
      { target: 'e', source: { from: 'literal', value: 3 } },
      { target: 'f', source: { from: 'event', field: 'missing' } },
    ], ctx)).toEqual({ a: 'e-7', b: 'VideoInputEvent', c: '2026-01-01T00:00:01.000Z', d: 'v-1', e: 3 });
  });

  it('given input and before sources, when building a producer payload, then they read the command and the old row', () => {
    const producer: ValueContext = { input: { status: 'blocked' }, before: { status: 'published' }, generate: () => 'g' };
    expect(buildPayload([
      { target: 'before', source: { from: 'before', column: 'status' } },
      { target: 'after', source: { from: 'input', field: 'status' } },
      { target: 'id', source: { from: 'generated', generator: 'uuid' } },
    ], producer)).toEqual({ before: 'published', after: 'blocked', id: 'g' });
  });

  it('given an upsert, when applied to no row, then the key column gets the key value', () => {
    const upsert: ProjectionEffect = { kind: 'upsert', projectionId: 'p', key, set: [{ target: 'title', source: { from: 'event', field: 'title' } }] };
    expect(applyEffect(upsert, projection, undefined, 'v-1', ctx).next).toEqual({ videoId: 'v-1', title: 'T' });
    expect(applyEffect(upsert, projection, { videoId: 'v-1', title: 'old', n: 2 }, 'v-1', ctx).next).toEqual({ videoId: 'v-1', title: 'T', n: 2 });
  });

  it('given increment, append and delete, when applied, then the row counts, grows and disappears', () => {
    const inc: ProjectionEffect = { kind: 'increment', projectionId: 'p', key, column: 'n', by: 2 };
    const app: ProjectionEffect = { kind: 'append', projectionId: 'p', key, column: 'ids', value: { from: 'event', field: 'eventId' } };
    const del: ProjectionEffect = { kind: 'delete', projectionId: 'p', key };
    expect(applyEffect(inc, projection, { n: 1 }, 'v-1', ctx).next).toEqual({ videoId: 'v-1', n: 3 });
    expect(applyEffect(app, projection, { ids: ['e-1'] }, 'v-1', ctx).next).toEqual({ videoId: 'v-1', ids: ['e-1', 'e-7'] });
    expect(applyEffect(del, projection, { n: 1 }, 'v-1', ctx).next).toBeNull();
    expect(effectKey(del, ctx)).toBe('v-1');
    expect(effectKey({ ...del, key: { from: 'event', field: 'nope' } }, ctx)).toBeUndefined();
  });

  it('given a handler generator, when asked twice for the same event, then it gives the same uuid and now is the event time', () => {
    const g1 = handlerGenerator('e-7', 'T0', 'c');
    const g2 = handlerGenerator('e-7', 'T0', 'c');
    expect(g1('uuid', 'x')).toBe(g2('uuid', 'x'));
    expect(g1('uuid', 'x')).not.toBe(g1('uuid', 'y'));
    expect(g1('uuid', 'x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(g1('now', 'x')).toBe('T0');
  });
});
