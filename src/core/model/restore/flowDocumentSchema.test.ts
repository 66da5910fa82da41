import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { restoreFlowDocument } from './restoreFlowDocument';

const schema = JSON.parse(readFileSync('docs/flow-document.schema.json', 'utf8')) as Record<string, unknown>;
const example = () => JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);

describe('docs/flow-document.schema.json', () => {
  it('is a draft 2020-12 schema with an $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toEqual(expect.any(String));
  });

  it('accepts the built-in example', () => {
    expect(validate(example()), JSON.stringify(validate.errors)).toBe(true);
  });

  const broken: [string, (d: Record<string, any>) => void][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['no layout', (d) => { delete d.layout; }],
    ['a retry limit as text', (d) => { d.consumers[0].retryLimit = '3'; }],
    ['a fractional retry limit', (d) => { d.consumers[0].retryLimit = 1.5; }],
    ['an unknown payload type', (d) => { d.eventTypes[0].payload.properties.source.type = 'text'; }],
    ['a payload that is no object', (d) => { d.eventTypes[0].payload = true; }],
    ['a required list with a number', (d) => { d.eventTypes[1].payload.required = [3]; }],
    ['a negative minLength', (d) => { d.eventTypes[2].payload.properties.title.minLength = -1; }],
    ['properties as a list', (d) => { d.producers[0].commands[0].input.properties = []; }],
    ['an empty oneOf', (d) => { d.eventTypes[2].payload.oneOf = []; }],
    ['a library schema that is no schema', (d) => { d.schemaLibrary = [{ name: 'Money', schema: 'money' }]; }],
    ['an unknown envelope', (d) => { d.envelope = { kind: 'soap' }; }],
    ['a path that is no JSON pointer', (d) => { d.producers[0].commands[0].aggregateId.path = 'videoId'; }],
    ['a path with a stray ~', (d) => { d.producers[0].commands[0].emits[0].mappings[0].target = '/a~2b'; }],
    ['an event type in the consumers list', (d) => { d.consumers[0].kind = 'event'; }],
    ['an unknown effect kind', (d) => { d.consumers[1].handlers[0].effects[0].kind = 'bump'; }],
    ['a value source without its path', (d) => { delete d.producers[0].commands[0].aggregateId.path; }],
    ['a generator that does not exist', (d) => { d.producers[0].commands[0].aggregateId = { from: 'generated', generator: 'sequence' }; }],
    ['a non-numeric position', (d) => { d.layout.positions['content-ingest'].x = 'left'; }],
    ['a future schema version', (d) => { d.schemaVersion = 3; }],
    ['a missing publish mode', (d) => { delete d.producers[0].publishMode; }],
  ];

  it.each(broken)('and restoreFlowDocument both refuse %s', (_what, change) => {
    const doc = example();
    change(doc);
    expect(validate(doc)).toBe(false);
    expect(restoreFlowDocument(doc).ok).toBe(false);
  });

  it('and restoreFlowDocument both accept optional fields left out and extra properties', () => {
    const doc = example();
    delete doc.eventTypes[0].payload.properties.source.examples;
    delete doc.layout.positions['follow-center'];
    doc.consumers[0].note = 'extra';
    doc.eventTypes[0].payload['x-owner'] = { team: 'content' };
    doc.eventTypes[2].payload.properties.title = { type: ['string', 'null'], minLength: 1, pattern: '^\\S', examples: ['a'], deprecated: false };
    doc.producers[0].commands[0].rowChanges[2].source.value = { a: [1, null] };
    doc.schemaLibrary = [{ name: 'Money', schema: { type: 'object', properties: { amount: { type: 'number', minimum: 0 } } } }, { name: 'Anything', schema: true }];
    doc.eventTypes[2].payload.properties.price = { $ref: '#/$defs/Money' };
    expect(validate(doc)).toBe(true);
    expect(restoreFlowDocument(doc).ok).toBe(true);
  });
});
