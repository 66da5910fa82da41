import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inheritanceChain } from '../model/inheritance';
import type { FlowDocument } from '../model/types';
import { makeEventType, makeField, makeFlow } from '../testing';
import { loadExample, randomFlowArb, samplePayload, type Json } from './testSupport';
import { eventSchemaFileName, toJsonSchema, type JsonSchemaExport } from './toJsonSchema';

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** An ajv instance that knows every per-event file (they reference each other by `$id`). */
function ajvWithFiles(exported: JsonSchemaExport): Ajv2020 {
  const ajv = newAjv();
  for (const file of exported.files) ajv.addSchema(file.schema);
  return ajv;
}

function validatorFor(ajv: Ajv2020, exported: JsonSchemaExport, typeName: string) {
  const file = exported.files.find((f) => f.schema.title === typeName);
  if (!file) throw new Error(`no schema for ${typeName}`);
  const validate = ajv.getSchema(file.schema.$id as string);
  if (!validate) throw new Error(`not compiled: ${typeName}`);
  return validate;
}

/** Each concrete type's sample payload validates against its own schema and every base's schema, and the bundle. */
function expectPayloadsValid(doc: FlowDocument, exported: JsonSchemaExport) {
  const ajv = ajvWithFiles(exported);
  const bundle = newAjv().compile(exported.bundle);
  for (const type of doc.eventTypes.filter((e) => !e.abstract)) {
    const payload = samplePayload(doc, type.id);
    for (const base of inheritanceChain(doc, type.id)) {
      const validate = validatorFor(ajv, exported, base.name);
      expect(validate(payload), `${type.name} as ${base.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(bundle(payload), `${type.name} in bundle: ${JSON.stringify(bundle.errors)}`).toBe(true);
  }
}

describe('toJsonSchema', () => {
  const example = loadExample();
  const exported = toJsonSchema(example);

  it('given the example, every schema and the bundle compile against the 2020-12 meta-schema', () => {
    const ajv = newAjv();
    for (const file of exported.files) {
      expect(ajv.validateSchema(file.schema), JSON.stringify(ajv.errors)).toBe(true);
    }
    expect(ajv.validateSchema(exported.bundle), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajvWithFiles(exported).compile({ $ref: exported.files[1]?.schema.$id as string })).not.toThrow();
    expect(() => newAjv().compile(exported.bundle)).not.toThrow();
  });

  it('given the example, gives one file per event type plus the envelope, with stable $ids', () => {
    expect(exported.files.map((f) => f.fileName)).toEqual([
      'EventEnvelope.schema.json',
      ...example.eventTypes.map((e) => eventSchemaFileName(e)),
    ]);
    expect(exported.files[3]?.schema.$id).toBe('https://event-flow-designer.dev/schemas/content-platform/VideoInputEvent.v1.schema.json');
    expect(toJsonSchema(example)).toEqual(exported);
    expect(Object.keys(exported.bundle.$defs as object)).toEqual(['EventEnvelope', ...example.eventTypes.map((e) => e.name)]);
  });

  it('maps types, formats, enums, required, descriptions and examples', () => {
    const schema = exported.files.find((f) => f.schema.title === 'VideoInputEvent')?.schema as Record<string, Json>;
    expect(schema.allOf).toEqual([{ $ref: 'VideoEvent.v1.schema.json' }]);
    expect(schema.properties.eventType).toEqual({ const: 'VideoInputEvent' });
    expect(schema.properties.durationSeconds).toEqual({ type: 'integer', description: 'Length of the video', examples: [312] });
    expect(schema.properties.status.enum).toEqual(['draft', 'published', 'blocked', 'deleted']);
    expect(schema.required).toEqual(['title', 'authorId', 'status']);
    expect(schema.unevaluatedProperties).toBe(false);
    const base = exported.files.find((f) => f.schema.title === 'VideoEvent')?.schema as Record<string, Json>;
    expect(base.properties.videoId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(base.properties.eventType).toEqual({ enum: ['VideoInputEvent', 'VideoStatusChangeEvent'] });
    expect(base.unevaluatedProperties).toBeUndefined();
    const envelope = exported.files[0]?.schema as Record<string, Json>;
    expect(envelope.properties.occurredAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(envelope.required).toEqual(['eventId', 'eventType', 'occurredAt', 'aggregateId']);
  });

  it('given example payloads, each validates as its type and as each of its bases', () => {
    expectPayloadsValid(example, exported);
  });

  it('a VideoStatusChangeEvent validates as a VideoEvent but not as a VideoInputEvent', () => {
    const ajv = ajvWithFiles(exported);
    const payload = samplePayload(example, 'video-status-change-event');
    expect(validatorFor(ajv, exported, 'VideoEvent')(payload)).toBe(true);
    expect(validatorFor(ajv, exported, 'AbstractContentEvent')(payload)).toBe(true);
    expect(validatorFor(ajv, exported, 'VideoInputEvent')(payload)).toBe(false);
  });

  it.each([
    ['a missing required own field', (p: Record<string, unknown>) => { delete p.after; }],
    ['a missing inherited field', (p: Record<string, unknown>) => { delete p.videoId; }],
    ['a missing envelope field', (p: Record<string, unknown>) => { delete p.eventId; }],
    ['an unknown property', (p: Record<string, unknown>) => { p.surprise = 1; }],
    ['a value outside the enum', (p: Record<string, unknown>) => { p.after = 'archived'; }],
    ['a malformed uuid', (p: Record<string, unknown>) => { p.videoId = 'not-a-uuid'; }],
    ['a malformed date-time', (p: Record<string, unknown>) => { p.occurredAt = 'yesterday'; }],
    ['the wrong eventType', (p: Record<string, unknown>) => { p.eventType = 'VideoInputEvent'; }],
    ['a number where a string is expected', (p: Record<string, unknown>) => { p.changedBy = 5; }],
  ])('given a VideoStatusChangeEvent with %s, its schema and the bundle refuse it', (_, spoil) => {
    const payload = samplePayload(example, 'video-status-change-event');
    spoil(payload);
    expect(validatorFor(ajvWithFiles(exported), exported, 'VideoStatusChangeEvent')(payload)).toBe(false);
    expect(newAjv().compile(exported.bundle)(payload)).toBe(false);
  });

  it('given names with spaces and slashes, $ids stay valid URI references and payloads still validate', () => {
    const doc = makeFlow({
      id: 'my design/2',
      eventTypes: [
        makeEventType({ id: 'base', name: 'Base Event', abstract: true, fields: ['id'] }),
        makeEventType({ id: 'child', name: 'Child/Événement', extends: 'base', fields: [makeField('at', { type: 'date-time' })] }),
      ],
    });
    const result = toJsonSchema(doc);
    expect(result.files.map((f) => f.fileName)).toEqual(['EventEnvelope.schema.json', 'Base_Event.v1.schema.json', 'Child__v_nement.v1.schema.json']);
    expect(result.files[2]?.schema.$id).toBe('https://event-flow-designer.dev/schemas/my%20design%2F2/Child__v_nement.v1.schema.json');
    const ajv = newAjv();
    for (const file of result.files) expect(ajv.validateSchema(file.schema), JSON.stringify(ajv.errors)).toBe(true);
    expectPayloadsValid(doc, result);
  });

  it('given random flows, every schema compiles and sample payloads validate as each type and base', () => {
    fc.assert(
      fc.property(randomFlowArb, (doc) => {
        const result = toJsonSchema(doc);
        const ajv = newAjv();
        for (const file of result.files) expect(ajv.validateSchema(file.schema)).toBe(true);
        expectPayloadsValid(doc, result);
      }),
      { numRuns: 60 },
    );
  });
});
