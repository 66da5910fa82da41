// Shared by the exporters' unit tests only (not exported from the core).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { effectiveAggregateIdField, effectiveFields } from '../model/effectiveFields';
import type { FieldDef, FieldType, FlowDocument, Literal } from '../model/types';
import { makeConsumer, makeEventType, makeField, makeFlow, makeProducer, makeProjection } from '../testing';

/** The built-in example, read from `public/examples`. */
export function loadExample(): FlowDocument {
  const path = fileURLToPath(new URL('../../../public/examples/content-platform.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as FlowDocument;
}

const sampleByType: Record<Exclude<FieldType, 'enum' | 'array'>, Literal | object> = {
  string: 'text',
  number: 1.5,
  integer: 7,
  boolean: true,
  'date-time': '2024-05-01T10:00:00Z',
  uuid: '0b6c2a1e-6f2d-4a8b-9c3e-1d2f3a4b5c6d',
  object: { any: 'thing' },
};

function sampleValue(field: FieldDef): unknown {
  if (field.type === 'enum') return field.enumValues?.[0] ?? 'x';
  if (field.type === 'array') return [sampleByType[field.itemType ?? 'string']];
  if (field.example !== undefined && field.example !== null && field.type !== 'object') return field.example;
  return sampleByType[field.type];
}

/** A valid payload of an event type: the envelope plus every effective field, from examples or samples. */
export function samplePayload(doc: FlowDocument, eventTypeId: string): Record<string, unknown> {
  const type = doc.eventTypes.find((e) => e.id === eventTypeId);
  if (!type) throw new Error(`no event type ${eventTypeId}`);
  const payload: Record<string, unknown> = {
    eventId: '9d5c1c1e-2f0a-4b7e-8a51-0c3b4d5e6f70',
    eventType: type.name,
    occurredAt: '2024-05-01T10:00:00.000Z',
    aggregateId: 'agg-1',
  };
  for (const field of effectiveFields(doc, eventTypeId)) payload[field.name] = sampleValue(field);
  const aggregateField = effectiveAggregateIdField(doc, eventTypeId);
  if (aggregateField && typeof payload[aggregateField] === 'string') payload.aggregateId = payload[aggregateField];
  return payload;
}

const fieldTypes: FieldType[] = ['string', 'number', 'integer', 'boolean', 'enum', 'date-time', 'uuid', 'object', 'array'];

const fieldArb = (index: number) =>
  fc.record({
    type: fc.constantFrom(...fieldTypes),
    required: fc.boolean(),
    described: fc.boolean(),
    itemType: fc.constantFrom('string', 'integer', 'uuid', 'boolean' as const),
  }).map(({ type, required, described, itemType }): FieldDef => makeField(`field${index}`, {
    type,
    required,
    ...(described ? { description: `Field ${index}` } : {}),
    ...(type === 'enum' ? { enumValues: ['a', 'b', 'c'] } : {}),
    ...(type === 'array' ? { itemType } : {}),
  }));

/** Random small designs: inheritance chains (bases before subtypes), producers, consumers, a projection. */
export const randomFlowArb: fc.Arbitrary<FlowDocument> = fc
  .array(
    fc.record({
      fieldCount: fc.integer({ min: 0, max: 4 }),
      base: fc.option(fc.nat(), { nil: undefined }),
      abstract: fc.boolean(),
      fieldSeed: fc.nat(),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .chain((specs) =>
    fc.tuple(
      ...specs.map((spec, i) =>
        fc.tuple(...Array.from({ length: spec.fieldCount }, (_, k) => fieldArb(i * 10 + k))).map((fields) => {
          const base = i > 0 && spec.base !== undefined ? `event-${spec.base % i}` : undefined;
          return makeEventType({ id: `event-${i}`, name: `Event${i}`, description: `Event ${i}`, fields, ...(spec.abstract && i < specs.length - 1 ? { abstract: true } : {}), ...(base ? { extends: base } : {}) });
        }),
      ),
    ),
  )
  .map((eventTypes) => {
    const concrete = eventTypes.filter((e) => !e.abstract).map((e) => e.id);
    return makeFlow({
      id: 'random-flow',
      name: 'Random flow',
      eventTypes,
      producers: [makeProducer({ name: 'Producer A', emits: concrete.slice(0, 2) })],
      consumers: [makeConsumer({ name: 'Consumer B', handles: concrete }), makeConsumer({ name: 'Consumer C', handles: concrete.slice(-1), useInbox: false })],
      projections: [makeProjection({ name: 'Rows', columns: ['a'] })],
    });
  });

/** Plain JSON that a test pokes into (exported documents, spoiled inputs). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into arbitrary JSON on purpose
export type Json = any;
