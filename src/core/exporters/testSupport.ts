// Shared by the exporters' unit tests only (not exported from the core).
import { readFileSync } from 'node:fs';
import { env } from 'node:process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { effectiveAggregateIdPath, eventPayloadPaths } from '../model/inheritance';
import { valueAtPath } from '../model/schema/paths';
import type { FieldType, SimpleField } from '../model/schema/simpleTypes';
import { isSchemaObject, schemaTypes } from '../model/schema/schemaAccess';
import type { FlowDocument, JsonSchema, JsonValue, Literal } from '../model/types';
import { makeConsumer, makeEventType, makeField, makeFlow, makeProducer, makeProjection } from '../testing';

/**
 * How many runs a slow property test makes: `FC_RUNS=<n>` in the environment for a deep run
 * (e.g. `FC_RUNS=200 npx vitest run src/core/exporters`), else the test's own default.
 */
export function fcRuns(defaultRuns: number): number {
  const wanted = Number(env.FC_RUNS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : defaultRuns;
}

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

/** A sample value of a simple property schema: its example, first enum value, or a sample of its type. */
function sampleValue(schema: JsonSchema): unknown {
  if (!isSchemaObject(schema)) return 'text';
  if (Array.isArray(schema.enum)) return schema.enum[0] ?? 'x';
  const type = schemaTypes(schema)?.find((t) => t !== 'null') ?? 'string';
  if (type === 'array') return [sampleValue(isSchemaObject(schema.items) ? schema.items : {})];
  if (Array.isArray(schema.examples) && schema.examples[0] !== undefined && schema.examples[0] !== null && type !== 'object') return schema.examples[0];
  if (type === 'string' && (schema.format === 'date-time' || schema.format === 'uuid')) return sampleByType[schema.format];
  return sampleByType[type as keyof typeof sampleByType] ?? 'text';
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
  for (const entry of eventPayloadPaths(doc, eventTypeId)) if (entry.depth === 1) payload[entry.name] = sampleValue(entry.schema);
  const aggregatePath = effectiveAggregateIdPath(doc, eventTypeId);
  const aggregate = aggregatePath === undefined ? undefined : valueAtPath(payload as JsonValue, aggregatePath);
  if (typeof aggregate === 'string') payload.aggregateId = aggregate;
  return payload;
}

const fieldTypes: FieldType[] = ['string', 'number', 'integer', 'boolean', 'enum', 'date-time', 'uuid', 'object', 'array'];

const fieldArb = (index: number) =>
  fc.record({
    type: fc.constantFrom(...fieldTypes),
    required: fc.boolean(),
    described: fc.boolean(),
    itemType: fc.constantFrom('string', 'integer', 'uuid', 'boolean' as const),
  }).map(({ type, required, described, itemType }): SimpleField => makeField(`field${index}`, {
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
