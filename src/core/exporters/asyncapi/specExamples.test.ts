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
import { parse as parseYaml } from 'yaml';
import { asyncApiYaml, toAsyncApi, toAsyncApiServices } from './toAsyncApi';
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

/** What a message means: payload (Avro ones are kept as written and not compared as JSON Schema), headers, correlation id, metadata. */
function semanticMessage(m: ParsedMessage): Json {
  return plain({
    payload: m.schemaFormat?.includes('avro') ? undefined : m.payload, headers: m.headers, correlationId: m.correlationId,
    contentType: m.contentType, title: m.title, summary: m.summary, bindings: m.bindings, examples: m.examples.length,
  });
}

/**
 * A document's meaning, independent of keys the import may rename: servers by name; channels by
 * address with the messages they carry (each message by what it means); operations by action,
 * channel address and messages; every message by what it means.
 */
function semanticView(doc: ParsedDocument) {
  const meaning = (id: string) => JSON.stringify(semanticMessage(doc.messages.get(id)!));
  const sorted = <T>(items: T[]) => items.map((x) => JSON.stringify(x)).sort();
  return {
    servers: Object.fromEntries([...doc.servers].sort(([a], [b]) => (a < b ? -1 : 1))),
    // A 2.x channel lists a message once per operation that uses it: what it carries is the set.
    channels: sorted(doc.channels.map((c) => ({ address: c.address, parameters: c.parameters, bindings: c.bindings, messages: [...new Set(c.messages.map(meaning))].sort() }))),
    operations: sorted(doc.operations.map((o) => ({ action: o.action, channels: o.channelAddresses, messages: o.messages.map(meaning).sort(), bindings: o.bindings }))),
    messages: [...new Set([...doc.messages.keys()].map(meaning))].sort(),
  };
}

describe.each(CASES)('$name', ({ files }) => {
  let original: ParsedDocument[];
  let exported: ParsedDocument;
  let exportedDoc: Record<string, Json>;
  let jsonSchemas: ReturnType<typeof toJsonSchema>;
  let warnings: number;
  /** The exported message that is an original one: by name (or key); one a 2.x document left anonymous, by its payload. */
  let idOf: (originalId: string) => string;
  let perService: ReturnType<typeof toAsyncApiServices>;
  let services: string[];

  beforeAll(async () => {
    const result = await importDesignFiles(files.map((f) => ({ path: f.path, text: f.text, sizeBytes: f.text.length })), { tools });
    if (!result.ok) throw new Error(`refused: ${result.message}`);
    warnings = result.warnings.length;
    exportedDoc = toAsyncApi(result.doc) as Record<string, Json>;
    perService = toAsyncApiServices(result.doc);
    jsonSchemas = toJsonSchema(result.doc);
    const texts = new Map(files.map((f) => [f.path, f.text]));
    const parser = offlineParser(texts);
    const roots = files.filter((f) => /^asyncapi:/m.test(f.text));
    original = await Promise.all(roots.map((f) => parsedModel(parser, f.text, f.path)));
    services = roots.map((f) => String((parseYaml(f.text) as { info: { title: string } }).info.title));
    exported = await parsedModel(offlineParser(new Map()), asyncApiYaml(exportedDoc as never));
    const ids = new Map<string, string>();
    const byPayload = new Map([...exported.messages.values()].map((m) => [JSON.stringify(m.payload), m.id]));
    for (const doc of original) {
      for (const m of doc.messages.values()) ids.set(m.id, exported.messages.has(m.id) ? m.id : byPayload.get(JSON.stringify(m.payload)) ?? `missing ${m.id}`);
    }
    idOf = (id) => ids.get(id) ?? id;
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
        const target = exported.messages.get(idOf(message.id));
        expect(target, `message ${message.id} is exported`).toBeDefined();
        const exportedMessages = components.messages as Record<string, Record<string, Json>>;
        const rawPayload = exportedMessages[Object.keys(exportedMessages).find((k) => (exportedMessages[k]!.name ?? k) === target!.id)!]!.payload;
        const originalValid = validatorOf(ajv07, message.payload);
        const exportedValid = validatorOf(ajv07, { ...(rawPayload as object), components: { schemas: components.schemas } });
        const jsonSchemaFile = jsonSchemas.files.find((f) => f.schema.title === target!.id);
        const jsonSchemaValid = jsonSchemaFile ? validatorOf(ajv20, jsonSchemaFile.schema) : undefined;
        const { examples, all } = instancesFor(message);
        for (const example of examples) {
          // A few published examples break their own schema (Kraken's oneOf of two overlapping branches):
          // the export must then refuse them too — it says what the original says.
          if (!originalValid(example)) console.info(`${message.id}: the original document refuses its own example ${JSON.stringify(example)}`);
          expect(exportedValid(example), `${message.id}: the export judges its example ${JSON.stringify(example)} as the original`).toBe(originalValid(example));
        }
        for (const instance of all) {
          const verdict = originalValid(instance);
          expect(exportedValid(instance), `${message.id}: AsyncAPI export on ${JSON.stringify(instance)}`).toBe(verdict);
          if (jsonSchemaValid) expect(jsonSchemaValid(instance), `${message.id}: JSON Schema export on ${JSON.stringify(instance)}`).toBe(verdict);
          judged++;
        }
      }
    }
    // Every document but Adeo's (whose two payloads are remote Avro schemas, kept as written) has JSON Schema payloads to judge.
    const judgeable = original.some((doc) => [...doc.messages.values()].some((m) => m.payload !== undefined && !m.schemaFormat?.includes('avro')));
    expect(judged > 0).toBe(judgeable);
  });

  it('keeps channels, addresses, operations, messages, payloads, headers, servers and bindings (each service\'s own export against its document)', async () => {
    for (const [i, doc] of original.entries()) {
      const title = services[i]!;
      const file = perService.find((f) => f.service === title);
      expect(file, `a file for service ${title}`).toBeDefined();
      const again = await parsedModel(offlineParser(new Map()), asyncApiYaml(file!.document));
      expect(again.errors).toEqual([]);
      const want = semanticView(doc);
      const got = semanticView(again);
      expect(got.servers, `${title}: servers`).toEqual(want.servers);
      expect(got.channels, `${title}: channels`).toEqual(want.channels);
      expect(got.operations, `${title}: operations`).toEqual(want.operations);
      expect(got.messages, `${title}: messages`).toEqual(want.messages);
    }
  });

  it('keeps every message and server in the whole-design export too', () => {
    const payloads = (docs: ParsedDocument[]) => new Set(docs.flatMap((d) => [...d.messages.values()].map((m) => JSON.stringify(semanticMessage(m)))));
    expect([...payloads([exported])].sort()).toEqual([...payloads(original)].sort());
    const servers = (docs: ParsedDocument[]) => new Set(docs.flatMap((d) => [...d.servers.values()].map((v) => JSON.stringify(v))));
    expect([...servers([exported])].sort()).toEqual([...servers(original)].sort());
  });
});
