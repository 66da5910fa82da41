/**
 * The checks of issue 9 on the AsyncAPI specification's own examples (3.1.0, and the same
 * examples in 2.6.0; `testdata/asyncapi-spec`): each imports without refusal; its re-export has
 * zero errors in @asyncapi/parser; every message example of the original validates against the
 * exported payload schema, and every instance (examples, samples and their mutants) gets the same
 * verdict from the original schema, the AsyncAPI export and the JSON Schema export; the round trip
 * keeps channels, addresses, operations, messages, payloads, headers, servers and bindings, as
 * the parser itself reads them (a semantic diff, not a string compare).
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDesignFiles } from '../importDesign';
import { toJsonSchema } from '../toJsonSchema';
import { asyncApiYaml, toAsyncApi } from './toAsyncApi';
import { loadAsyncApiTools, type AsyncApiTools } from './tools';
import { mutantsOf, sampleOf, type Json } from './testing/instances';
import { offlineParser, parsedModel, plain, type ParsedDocument, type ParsedMessage } from './testing/parsedModel';
import { specExamples, type ExampleFile } from './testing/specExamples';

const ASYNCAPI_KEYWORDS = ['discriminator', 'externalDocs', 'deprecated', 'example'];

function draft07(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  addKeywords(ajv);
  return ajv;
}

/** AsyncAPI's own schema words are annotations to a validator; ajv needs to be told. */
function addKeywords(ajv: Ajv | Ajv2020): void {
  for (const keyword of ASYNCAPI_KEYWORDS) {
    try {
      ajv.addKeyword(keyword);
    } catch {
      // already a keyword of this dialect (2020-12 has `deprecated`)
    }
  }
}

function draft2020(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, validateSchema: false });
  addFormats(ajv);
  addKeywords(ajv);
  return ajv;
}

/** A validator for a resolved schema (the parser's reading of the original, cycles cut). */
function validatorOf(ajv: Ajv | Ajv2020, schema: Json): (value: Json) => boolean {
  const validate = ajv.compile(schema as object);
  return (value) => validate(value) as boolean;
}

interface Case {
  name: string;
  files: ExampleFile[];
  root?: string;
}

function casesOf(version: '3.1.0' | '2.6.0'): Case[] {
  const { single, socialMedia } = specExamples(version);
  return [...single.map((f) => ({ name: `${version}/${f.path}`, files: [f] })), { name: `${version}/social-media (5 services, 4 shared files)`, files: socialMedia }];
}

const CASES = [...casesOf('3.1.0'), ...casesOf('2.6.0')];

let tools: AsyncApiTools;
beforeAll(async () => { tools = await loadAsyncApiTools(); });

/** Instances to judge a message's schemas by: its examples, a sample from the schema's hints, and their mutants. */
function instancesFor(message: ParsedMessage): { examples: Json[]; all: Json[] } {
  const examples = message.examples.map((e) => e.payload).filter((p) => p !== undefined);
  const seeds = [...examples, sampleOf(message.payload)];
  return { examples, all: [...seeds, ...seeds.flatMap(mutantsOf)] };
}

describe.each(CASES)('$name', ({ files }) => {
  let original: ParsedDocument[];
  let exported: ParsedDocument;
  let exportedDoc: Record<string, Json>;
  let jsonSchemas: ReturnType<typeof toJsonSchema>;
  let warnings: number;

  beforeAll(async () => {
    const result = await importDesignFiles(files.map((f) => ({ path: f.path, text: f.text, sizeBytes: f.text.length })), { tools });
    if (!result.ok) throw new Error(`refused: ${result.message}`);
    warnings = result.warnings.length;
    exportedDoc = toAsyncApi(result.doc) as Record<string, Json>;
    jsonSchemas = toJsonSchema(result.doc);
    const texts = new Map(files.map((f) => [f.path, f.text]));
    const parser = offlineParser(texts);
    const roots = files.filter((f) => /^asyncapi:/m.test(f.text));
    original = await Promise.all(roots.map((f) => parsedModel(parser, f.text, f.path)));
    exported = await parsedModel(offlineParser(new Map()), asyncApiYaml(exportedDoc as never));
  }, 120_000);

  it('imports without refusal and re-exports with zero parser errors', () => {
    expect(exported.errors.map((e) => `${e.path.join('/')}: ${e.message}`)).toEqual([]);
    if (warnings > 0) console.info(`${files[0]!.path}: imported with ${warnings} warning(s)`);
  });

  it('validates every original message example against the exported payload schema, and judges every instance as the original does', () => {
    const ajv07 = draft07();
    const ajv20 = draft2020();
    const components = (exportedDoc.components ?? {}) as Record<string, Json>;
    let judged = 0;
    for (const doc of original) {
      for (const message of doc.messages.values()) {
        if (message.payload === undefined || message.schemaFormat?.includes('avro')) continue;
        const target = exported.messages.get(message.id);
        expect(target, `message ${message.id} is exported`).toBeDefined();
        const rawPayload = (components.messages as Record<string, Record<string, Json>>)[Object.keys(components.messages as object).find((k) => {
          const m = (components.messages as Record<string, Record<string, Json>>)[k]!;
          return (m.name ?? k) === message.id;
        })!]!.payload;
        const originalValid = validatorOf(ajv07, message.payload);
        const exportedValid = validatorOf(ajv07, { ...(rawPayload as object), components: { schemas: components.schemas } });
        const jsonSchemaFile = jsonSchemas.files.find((f) => f.schema.title === message.id || f.fileName.startsWith(`${message.id}.`));
        const jsonSchemaValid = jsonSchemaFile ? validatorOf(ajv20, jsonSchemaFile.schema) : undefined;
        const { examples, all } = instancesFor(message);
        for (const example of examples) {
          expect(originalValid(example), `${message.id}: the original accepts its example`).toBe(true);
          expect(exportedValid(example), `${message.id}: the export accepts ${JSON.stringify(example)}`).toBe(true);
        }
        for (const instance of all) {
          const verdict = originalValid(instance);
          expect(exportedValid(instance), `${message.id}: AsyncAPI export on ${JSON.stringify(instance)}`).toBe(verdict);
          if (jsonSchemaValid) expect(jsonSchemaValid(instance), `${message.id}: JSON Schema export on ${JSON.stringify(instance)}`).toBe(verdict);
          judged++;
        }
      }
    }
    expect(judged).toBeGreaterThan(0);
  });

  it('keeps channels, addresses, operations, messages, payloads, headers, servers and bindings', () => {
    // Messages are matched by name (or key); one a 2.x document left anonymous, by its payload.
    const exportedIds = new Map<string, string>();
    const byPayload = new Map([...exported.messages.values()].map((m) => [JSON.stringify(m.payload), m.id]));
    for (const doc of original) {
      for (const m of doc.messages.values()) exportedIds.set(m.id, exported.messages.has(m.id) ? m.id : byPayload.get(JSON.stringify(m.payload)) ?? `missing ${m.id}`);
    }
    const idOf = (id: string) => exportedIds.get(id) ?? id;
    const servers = new Map<string, Json>();
    const channels = new Map<string, Json>();
    const operations = new Map<string, Json>();
    const messages = new Map<string, Json>();
    const view = (m: ParsedMessage) => plain({
      payload: m.schemaFormat?.includes('avro') ? undefined : m.payload, headers: m.headers, correlationId: m.correlationId,
      contentType: m.contentType, title: m.title, summary: m.summary, bindings: m.bindings, examples: m.examples.length,
    });
    for (const doc of original) {
      doc.servers.forEach((s, name) => servers.set(name, s));
      for (const c of doc.channels) {
        const known = channels.get(String(c.address)) as { messages: string[] } | undefined;
        channels.set(String(c.address), { address: c.address, parameters: c.parameters, bindings: c.bindings, messages: [...new Set([...(known?.messages ?? []), ...c.messages.map(idOf)])].sort() });
      }
      for (const o of doc.operations) operations.set(`${o.action} ${o.channelAddresses.join()} ${o.messages.map(idOf).sort().join()}`, o.bindings);
      doc.messages.forEach((m) => messages.set(idOf(m.id), view(m)));
    }
    const got = {
      servers: new Map([...exported.servers]),
      channels: new Map(exported.channels.map((c) => [String(c.address), { address: c.address, parameters: c.parameters, bindings: c.bindings, messages: c.messages }])),
      operations: new Map(exported.operations.map((o) => [`${o.action} ${o.channelAddresses.join()} ${o.messages.join()}`, o.bindings])),
      messages: new Map([...exported.messages].map(([id, m]) => [id, view(m)])),
    };
    expect(Object.fromEntries(got.servers)).toEqual(Object.fromEntries(servers));
    expect(Object.fromEntries(got.channels)).toEqual(Object.fromEntries(channels));
    expect([...got.operations.keys()].sort()).toEqual([...operations.keys()].sort());
    expect(Object.fromEntries(got.operations)).toEqual(Object.fromEntries(operations));
    expect(Object.fromEntries(got.messages)).toEqual(Object.fromEntries(messages));
  });
});
