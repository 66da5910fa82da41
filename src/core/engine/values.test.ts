import { describe, expect, it } from 'vitest';
import type { Projection, ProjectionEffect } from '../model';
import { applyEffect, buildColumns, buildPayload, effectKey, eventView, handlerGenerator, type ValueContext } from './values';

const projection: Projection = { id: 'p', kind: 'projection', name: 'p', description: '', key: 'videoId', columns: [] };
const record = { eventId: 'e-7', eventTypeName: 'VideoInputEvent', occurredAt: '2026-01-01T00:00:01.000Z', aggregateId: 'v-1', sourceId: 'ingest', causationId: 'c-3', commandId: 'c-3' };
const event = eventView({ ...record, payload: { videoId: 'v-1', title: 'T', author: JSON.parse('{"id":"a-1","a/b":1,"~":2,"__proto__":3}'), tags: ['x', 'y'] } });
const ctx: ValueContext = { event, generate: handlerGenerator('e-7', '2026-01-01T00:00:01.000Z', 'c') };
const key = { from: 'event', path: '/videoId' } as const;

describe('value sources and projection effects', () => {
  it('given an event, when reading the envelope by path, then eventId, eventType, occurredAt, aggregateId, causation and correlation are there', () => {
    expect(buildPayload([
      { target: '/a', source: { from: 'envelope', path: '/eventId' } },
      { target: '/b', source: { from: 'envelope', path: '/eventType' } },
      { target: '/c', source: { from: 'envelope', path: '/occurredAt' } },
      { target: '/d', source: { from: 'envelope', path: '/aggregateId' } },
      { target: '/e', source: { from: 'literal', value: 3 } },
      { target: '/f', source: { from: 'event', path: '/missing' } },
      { target: '/g', source: { from: 'envelope', path: '/causationId' } },
      { target: '/h', source: { from: 'envelope', path: '/correlationId' } },
    ], ctx)).toEqual({ a: 'e-7', b: 'VideoInputEvent', c: '2026-01-01T00:00:01.000Z', d: 'v-1', e: 3, g: 'c-3', h: 'c-3' });
  });

  it('given CloudEvents, when reading the envelope, then its attribute names apply and the payload is read the same', () => {
    const cloud = eventView({ ...record, payload: { videoId: 'v-1' } }, { kind: 'cloudevents' }, 'content');
    expect(cloud.envelope).toMatchObject({ id: 'e-7', type: 'VideoInputEvent', specversion: '1.0', source: '/content/ingest', subject: 'v-1', time: '2026-01-01T00:00:01.000Z' });
    expect(buildPayload([{ target: '/id', source: { from: 'envelope', path: '/source' } }, { target: '/v', source: { from: 'event', path: '/videoId' } }], { event: cloud, generate: () => 'g' }))
      .toEqual({ id: '/content/ingest', v: 'v-1' });
    expect(eventView({ ...record, payload: {} }, { kind: 'none' }).envelope).toEqual({});
  });

  it('given nested and hostile keys, when read and written by path, then each key is its own value and no prototype changes', () => {
    const payload = buildPayload([
      { target: '/author/name', source: { from: 'event', path: '/author/id' } },
      { target: '/slash', source: { from: 'event', path: '/author/a~1b' } },
      { target: '/tilde', source: { from: 'event', path: '/author/~0' } },
      { target: '/__proto__', source: { from: 'event', path: '/author/__proto__' } },
      { target: '/second', source: { from: 'event', path: '/tags/1' } },
      { target: '/author', source: { from: 'literal', value: { since: 2020 } } },
    ], ctx);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(JSON.parse('{"author":{"since":2020,"name":"a-1"},"slash":1,"tilde":2,"__proto__":3,"second":"y"}'));
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).since).toBeUndefined();
  });

  it('given input and before sources, when building a producer payload, then they read the command and the old row', () => {
    const producer: ValueContext = { input: { status: 'blocked', order: { lines: [{ price: 2 }] } }, before: { status: 'published' }, generate: () => 'g' };
    expect(buildPayload([
      { target: '/before', source: { from: 'before', column: 'status' } },
      { target: '/after', source: { from: 'input', path: '/status' } },
      { target: '/id', source: { from: 'generated', generator: 'uuid' } },
      { target: '/first/price', source: { from: 'input', path: '/order/lines/0/price' } },
    ], producer)).toEqual({ before: 'published', after: 'blocked', id: 'g', first: { price: 2 } });
    expect(buildColumns([{ target: 'constructor', source: { from: 'input', path: '/status' } }], producer)).toEqual(JSON.parse('{"constructor":"blocked"}'));
  });

  it('given an upsert, when applied to no row, then the key column gets the key value', () => {
    const upsert: ProjectionEffect = { kind: 'upsert', projectionId: 'p', key, set: [{ target: 'title', source: { from: 'event', path: '/title' } }] };
    expect(applyEffect(upsert, projection, undefined, 'v-1', ctx).next).toEqual({ videoId: 'v-1', title: 'T' });
    expect(applyEffect(upsert, projection, { videoId: 'v-1', title: 'old', n: 2 }, 'v-1', ctx).next).toEqual({ videoId: 'v-1', title: 'T', n: 2 });
  });

  it('given increment, append and delete, when applied, then the row counts, grows and disappears', () => {
    const inc: ProjectionEffect = { kind: 'increment', projectionId: 'p', key, column: 'n', by: 2 };
    const app: ProjectionEffect = { kind: 'append', projectionId: 'p', key, column: 'ids', value: { from: 'envelope', path: '/eventId' } };
    const del: ProjectionEffect = { kind: 'delete', projectionId: 'p', key };
    expect(applyEffect(inc, projection, { n: 1 }, 'v-1', ctx).next).toEqual({ videoId: 'v-1', n: 3 });
    expect(applyEffect(app, projection, { ids: ['e-1'] }, 'v-1', ctx).next).toEqual({ videoId: 'v-1', ids: ['e-1', 'e-7'] });
    expect(applyEffect(del, projection, { n: 1 }, 'v-1', ctx).next).toBeNull();
    expect(effectKey(del, ctx)).toBe('v-1');
    expect(effectKey({ ...del, key: { from: 'event', path: '/nope' } }, ctx)).toBeUndefined();
    expect(effectKey({ ...del, key: { from: 'event', path: '/author' } }, ctx)).toBe(JSON.stringify(event.payload.author));
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
