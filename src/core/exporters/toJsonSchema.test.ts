import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../model/types';
import { makeEventType, makeFlow } from '../testing';
import { toAsyncApi } from './asyncapi/toAsyncApi';
import { mutantsOf } from './asyncapi/testing/instances';
import { inheritanceChain } from './contracts/eventSchemas';
import { loadExample, randomFlowArb, samplePayload, type Json } from './testSupport';
import { eventSchemaFileName, toJsonSchema, type JsonSchemaExport } from './toJsonSchema';

function ajv2020(strict = true): Ajv2020 {
  const ajv = new Ajv2020({ strict, allErrors: true });
  addFormats(ajv);
  return ajv;
}

function validatorFor(exported: JsonSchemaExport, typeName: string) {
  const file = exported.files.find((f) => f.schema.title === typeName);
  if (!file) throw new Error(`no schema for ${typeName}`);
  return ajv2020().compile(file.schema);
}

/** The AsyncAPI export's payload schema of a message, as a draft-07 validator (AsyncAPI's dialect). */
function asyncApiValidator(doc: FlowDocument, typeName: string) {
  const exported = toAsyncApi(doc) as Json;
  const messages = exported.components.messages as Record<string, Json>;
  const message = Object.values(messages).find((m) => m.name === typeName);
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  return ajv.compile({ ...message.payload, components: { schemas: exported.components.schemas } });
}

const byId = (doc: FlowDocument) => new Map(doc.eventTypes.map((t) => [t.id, t]));

describe('toJsonSchema', () => {
  const example = loadExample();
  const exported = toJsonSchema(example);

  it('given the example, every file and the bundle are valid 2020-12 schemas that compile in strict mode', () => {
    const ajv = ajv2020();
    for (const file of [...exported.files.map((f) => f.schema), exported.bundle]) {
      expect(ajv.validateSchema(file), JSON.stringify(ajv.errors)).toBe(true);
      expect(() => ajv2020().compile(file)).not.toThrow();
    }
  });

  it('given the example, gives one self-contained file per event type plus the envelope, with stable $ids', () => {
    expect(exported.files.map((f) => f.fileName)).toEqual([
      'EventEnvelope.schema.json', ...example.eventTypes.map((t) => eventSchemaFileName(t)),
    ]);
    expect(exported.files[1]!.schema.$id).toBe(`https://event-flow-designer.dev/schemas/content-platform/${eventSchemaFileName(example.eventTypes[0]!)}`);
    expect(toJsonSchema(example, { baseUri: 'https://schemas.example.com/shop' }).bundle.$id).toBe('https://schemas.example.com/shop/content-platform/events.bundle.schema.json');
    for (const file of exported.files.slice(1)) {
      expect(JSON.stringify(file.schema)).not.toMatch(/"\$ref":"(?!#\/\$defs\/)/);
    }
  });

  it('given the example, each concrete event validates against its type, every base and the bundle', () => {
    const bundle = ajv2020().compile(exported.bundle);
    for (const type of example.eventTypes.filter((e) => !e.abstract)) {
      const payload = samplePayload(example, type.id);
      for (const base of inheritanceChain(byId(example), type)) {
        const validate = validatorFor(exported, base.name);
        expect(validate(payload), `${type.name} as ${base.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
      expect(bundle(payload), `${type.name} in the bundle: ${JSON.stringify(bundle.errors)}`).toBe(true);
    }
  });

  it('closes leaf types and leaves bases open', () => {
    const leaf = example.eventTypes.find((t) => !t.abstract && !example.eventTypes.some((o) => o.extends === t.id))!;
    const base = example.eventTypes.find((t) => example.eventTypes.some((o) => o.extends === t.id))!;
    const extra = { ...samplePayload(example, leaf.id), unexpected: 1 };
    expect(validatorFor(exported, leaf.name)(extra)).toBe(false);
    expect(validatorFor(exported, base.name)(extra)).toBe(true);
  });

  it.each<[string, (event: Record<string, unknown>) => void]>([
    ['no eventId', (e) => { delete e.eventId; }],
    ['an empty eventId', (e) => { e.eventId = ''; }],
    ['another event type name', (e) => { e.eventType = 'SomethingElse'; }],
    ['occurredAt that is not a date-time', (e) => { e.occurredAt = 'yesterday'; }],
    ['no aggregateId', (e) => { delete e.aggregateId; }],
    ['a required payload field missing', (e) => { delete e.videoId; }],
    ['a payload field of the wrong type', (e) => { e.videoId = 42; }],
    ['an unknown field', (e) => { e.surprise = true; }],
    ['not an object', (e) => { Object.keys(e).forEach((k) => delete e[k]); }],
  ])('refuses an event with %s', (_, spoil) => {
    const type = example.eventTypes.find((t) => t.name === 'VideoInputEvent')!;
    const event = samplePayload(example, type.id);
    spoil(event);
    expect(validatorFor(exported, type.name)(event)).toBe(false);
  });

  it('given random designs, every schema compiles and agrees with the AsyncAPI export on samples and their mutants', () => {
    fc.assert(fc.property(randomFlowArb, (doc) => {
      const files = toJsonSchema(doc);
      for (const type of doc.eventTypes.filter((e) => !e.abstract)) {
        const own = validatorFor(files, type.name);
        const asyncapi = asyncApiValidator(doc, type.name);
        const sample = samplePayload(doc, type.id);
        expect(own(sample), JSON.stringify(own.errors)).toBe(true);
        for (const instance of [sample, ...mutantsOf(sample)]) expect(asyncapi(instance), JSON.stringify(instance)).toBe(own(instance));
      }
    }), { numRuns: 40 });
  });

  it('exports an empty design as a bundle that accepts nothing', () => {
    const empty = toJsonSchema(makeFlow({ name: 'Empty' }));
    expect(empty.bundle.not).toEqual({});
    expect(toJsonSchema(makeFlow({ name: 'One', eventTypes: [makeEventType({ name: 'A', abstract: true })] })).bundle.not).toEqual({});
  });
});
