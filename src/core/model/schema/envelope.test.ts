import { describe, expect, it } from 'vitest';
import type { EnvelopeSettings, JsonSchemaObject } from '../types';
import { carryEnvelopePath, cloudEventsSource, envelopeAttributes, envelopeSchema, envelopeValues, wrapPayload, type MessageMeta } from './envelope';
import { ajvAccepts, testAjv } from './testSupport';

const ajv = testAjv();
const meta: MessageMeta = {
  eventId: 'e-7', eventType: 'OrderPlaced', occurredAt: '2026-01-01T10:00:00.000Z', aggregateId: 'o-1',
  source: '/shop/orders', causationId: 'c-3', correlationId: 'c-3',
};
const payload = { orderId: 'o-1', lines: [{ price: 2 }] };
const payloadSchema: JsonSchemaObject = {
  type: 'object', required: ['orderId'], properties: { orderId: { type: 'string' }, lines: { type: 'array', items: { $ref: '#/$defs/Line' } } },
  $defs: { Line: { type: 'object', properties: { price: { type: 'number', minimum: 0 } } } },
};
const KINDS: EnvelopeSettings[] = [{ kind: 'eventflow' }, { kind: 'cloudevents' }, { kind: 'none' }];

describe('envelopes', () => {
  it('wraps a payload as each envelope puts it', () => {
    expect(wrapPayload({ kind: 'eventflow' }, meta, payload)).toEqual({
      ...payload, eventId: 'e-7', eventType: 'OrderPlaced', occurredAt: '2026-01-01T10:00:00.000Z', aggregateId: 'o-1', causationId: 'c-3', correlationId: 'c-3',
    });
    expect(wrapPayload({ kind: 'cloudevents' }, meta, payload)).toEqual({
      specversion: '1.0', id: 'e-7', source: '/shop/orders', type: 'OrderPlaced', time: '2026-01-01T10:00:00.000Z', subject: 'o-1',
      datacontenttype: 'application/json', causationid: 'c-3', correlationid: 'c-3', data: payload,
    });
    expect(wrapPayload({ kind: 'none' }, meta, payload)).toBe(payload);
  });

  it.each(KINDS)('given $kind, a wrapped payload fits the envelope schema, and a broken one does not', (settings) => {
    const schema = envelopeSchema(settings, payloadSchema, ['OrderPlaced']);
    expect(ajvAccepts(ajv, schema, wrapPayload(settings, meta, payload))).toBe(true);
    expect(ajvAccepts(ajv, schema, wrapPayload(settings, meta, { ...payload, lines: [{ price: -1 }] }))).toBe(false);
    if (settings.kind !== 'none') {
      expect(ajvAccepts(ajv, schema, wrapPayload(settings, { ...meta, eventType: 'Other' }, payload))).toBe(false);
      expect(ajvAccepts(ajv, schema, payload)).toBe(false);
    }
  });

  it('gives causation and correlation ids a place in both envelopes', () => {
    expect(envelopeAttributes({ kind: 'eventflow' }).filter((a) => a.role === 'causation' || a.role === 'correlation').map((a) => a.name)).toEqual(['causationId', 'correlationId']);
    expect(envelopeAttributes({ kind: 'cloudevents' }).filter((a) => a.role === 'causation' || a.role === 'correlation').map((a) => a.name)).toEqual(['causationid', 'correlationid']);
    expect(envelopeValues({ kind: 'eventflow' }, { ...meta, causationId: undefined })).not.toHaveProperty('causationId');
  });

  it('carries envelope reads across a change of envelope, and says when there is no counterpart', () => {
    expect(carryEnvelopePath('/eventId', { kind: 'eventflow' }, { kind: 'cloudevents' })).toBe('/id');
    expect(carryEnvelopePath('/aggregateId', { kind: 'eventflow' }, { kind: 'cloudevents' })).toBe('/subject');
    expect(carryEnvelopePath('/source', { kind: 'cloudevents' }, { kind: 'eventflow' })).toBeUndefined();
    expect(carryEnvelopePath('/eventId', { kind: 'eventflow' }, { kind: 'none' })).toBeUndefined();
  });

  it('names the CloudEvents source after the design (or its own base) and the emitter', () => {
    expect(cloudEventsSource({ kind: 'cloudevents' }, 'content platform', 'ingest')).toBe('/content%20platform/ingest');
    expect(cloudEventsSource({ kind: 'cloudevents', source: 'https://acme.test/shop/' }, 'x', 'orders')).toBe('https://acme.test/shop/orders');
  });
});
