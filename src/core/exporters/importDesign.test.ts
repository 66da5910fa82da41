import { beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { importDesign, MAX_IMPORT_BYTES } from './importDesign';
import { loadExample, type Json } from './testSupport';
import { toAsyncApi, toAsyncApiYaml } from './asyncapi/toAsyncApi';
import { loadAsyncApiTools, type AsyncApiTools } from './asyncapi/tools';

let tools: AsyncApiTools;
beforeAll(async () => { tools = await loadAsyncApiTools(); });

const example = loadExample();
const json = (value: unknown) => JSON.stringify(value, null, 2);
const size = (text: string) => new TextEncoder().encode(text).length;
const importText = (text: string, fileName = 'design.json', bytes = size(text)) => importDesign(text, fileName, bytes, { tools });

/** The example with one change applied to a deep copy. */
function spoiled(change: (doc: Json) => void): string {
  const doc = structuredClone(example) as Json;
  change(doc);
  return json(doc);
}
function spoiledAsyncApi(change: (doc: Json) => void): string {
  const doc = toAsyncApi(example) as Json;
  change(doc);
  return json(doc);
}

describe('importDesign: accepted inputs', () => {
  it('given the example as JSON, gives back the same design (design → JSON → design is identical)', async () => {
    expect(await importText(json(example))).toEqual({ ok: true, doc: example, kind: 'flow-document', format: 'json', warnings: [] });
  });

  it('given the example as YAML, reads it as a flow document', async () => {
    expect(await importText(toYaml(example), 'design.yaml')).toEqual({ ok: true, doc: example, kind: 'flow-document', format: 'yaml', warnings: [] });
  });

  it('given a format-0 document, migrates it', async () => {
    const old = { schemaVersion: 0, id: 'old', name: 'Old', eventTypes: [], producers: [], consumers: [{ id: 'c', kind: 'consumer', name: 'c', inbox: false, retryLimit: 2, handlers: [], position: { x: 5, y: 6 } }], projections: [] };
    const result = await importText(json(old));
    expect(result).toMatchObject({ ok: true, kind: 'flow-document', migratedFrom: 0 });
    expect(result.ok && result.doc.consumers[0]).toMatchObject({ useInbox: false, publishMode: 'outbox' });
    expect(result.ok && result.doc.layout.positions.c).toEqual({ x: 5, y: 6 });
  });

  it('given the example as AsyncAPI 3.0 JSON or YAML (its own export), rebuilds the same design', async () => {
    expect(await importText(json(toAsyncApi(example)), 'api.json')).toEqual({ ok: true, doc: example, kind: 'asyncapi-3', format: 'json', warnings: [] });
    expect(await importText(toAsyncApiYaml(example), 'api.yml')).toEqual({ ok: true, doc: example, kind: 'asyncapi-3', format: 'yaml', warnings: [] });
  });

  it('given an AsyncAPI 2.6 YAML document without a file extension, detects YAML and the version', async () => {
    const text = 'asyncapi: 2.6.0\ninfo: { title: Mini, version: 1.0.0 }\nchannels:\n  a:\n    publish:\n      message: { name: A, payload: { type: object, properties: { x: { type: integer } } } }\n';
    const result = await importText(text, 'mini');
    expect(result).toMatchObject({ ok: true, kind: 'asyncapi-2', format: 'yaml' });
    expect(result.ok && result.doc.eventTypes.map((e) => e.payload)).toEqual([{ type: 'object', properties: { x: { type: 'integer' } } }]);
  });
});

const cases: [string, string, string, string, number?][] = [
  ['a file over 10 MB', '{}', 'big.json', '"big.json" is 12.0 MB; files over 10.0 MB are refused.', 12 * 1024 * 1024],
  ['an empty file', '  \n', 'empty.json', '"empty.json" is empty.'],
  ['JSON with a trailing comma', '{\n  "schemaVersion": 1,\n}', 'x.json', `"x.json" is not valid JSON: a trailing comma before '}' is not allowed in JSON at line 3, column 1.`],
  ['JSON with a missing comma', '{\n  "a": 1\n  "b": 2\n}', 'x.json', `"x.json" is not valid JSON: expected ',' or '}' in an object, found '"' at line 3, column 3.`],
  ['JSON with single quotes', "{'schemaVersion': 1}", 'x.json', `"x.json" is not valid JSON: expected a property name in double quotes, found ''' at line 1, column 2.`],
  ['a truncated JSON file', '{\n  "schemaVersion": 1,\n  "name": "cut', 'x.json', '"x.json" is not valid JSON: unterminated string: the file ends inside it at line 3, column 15.'],
  ['JSON followed by garbage', '{"schemaVersion": 1} trailing', 'x.json', `"x.json" is not valid JSON: unexpected 't' after the end of the JSON value at line 1, column 22.`],
  ['a YAML file with a duplicate key', 'asyncapi: 3.0.0\ninfo:\n  title: A\n  title: B\n', 'x.yaml', '"x.yaml" is not valid YAML: Map keys must be unique at line 4, column 3.'],
  ['a YAML file with a bad indentation', 'asyncapi: 3.0.0\ninfo:\n  title: A\n version: 1\n', 'x.yaml', '"x.yaml" is not valid YAML: All mapping items must start at the same column at line 4, column 1.'],
  ['a list at the top level', '[1, 2]', 'x.json', '"x.json" does not hold a design: expected an object at the top level, found an array.'],
  ['a plain text file', 'hello world', 'notes.txt', '"notes.txt" does not hold a design: expected an object at the top level, found a string.'],
  ['an OpenAPI document', json({ openapi: '3.1.0', info: { title: 'x' } }), 'x.json', '"x.json" is neither a flow document nor an AsyncAPI document (it looks like an OpenAPI document): it has no "schemaVersion" or "asyncapi" field at the top level.'],
  ['some other JSON object', json({ name: 'pkg', version: '1.0.0' }), 'package.json', '"package.json" is neither a flow document nor an AsyncAPI document: it has no "schemaVersion" or "asyncapi" field at the top level.'],
  ['a newer schemaVersion', spoiled((d) => { d.schemaVersion = 99; }), 'x.json', '"x.json" is not a valid design at /schemaVersion: This design was made by a newer version of the app (format 99; this version reads up to 2). Update the app to open it.'],
  ['a schemaVersion that is text', spoiled((d) => { d.schemaVersion = '1'; }), 'x.json', '"x.json" is not a valid design at /schemaVersion: schemaVersion must be a whole number, found "1".'],
  ['a missing eventTypes list', spoiled((d) => { delete d.eventTypes; }), 'x.json', '"x.json" is not a valid design at /eventTypes: eventTypes: missing.'],
  ['a name that is a number', spoiled((d) => { d.producers[0].name = 42; }), 'x.json', '"x.json" is not a valid design at /producers/0/name: name: expected text, found the number 42.'],
  ['an unknown payload type', spoiled((d) => { d.eventTypes[2].payload.properties.title.type = 'text'; }), 'x.json', `"x.json" is not a valid design at /eventTypes/2/payload/properties/title/type: type: expected one of 'string', 'number', 'integer', 'boolean', 'object', 'array', 'null', found the text "text".`],
  ['two mistakes at once', spoiled((d) => { d.producers[0].publishMode = 'maybe'; d.consumers[0].retryLimit = 'three'; }), 'x.json', `"x.json" is not a valid design at /producers/0/publishMode: publishMode: expected one of 'outbox', 'dual-write', found the text "maybe" (and 1 more problem).`],
  ['a handler of an unknown event type', spoiled((d) => { d.consumers[1].handlers[0].eventTypeId = 'ghost-event'; }), 'x.json', `"x.json" is not a valid design at /consumers/1/handlers/0/eventTypeId: eventTypeId: no event type has the id 'ghost-event'.`],
  ['a base type that does not exist', spoiled((d) => { d.eventTypes[1].extends = 'nothing'; }), 'x.json', `"x.json" is not a valid design at /eventTypes/1/extends: extends: no event type has the id 'nothing'.`],
  ['an effect on an unknown projection', spoiled((d) => { d.consumers[2].handlers[0].effects[0].projectionId = 'gone'; }), 'x.json', `"x.json" is not a valid design at /consumers/2/handlers/0/effects/0/projectionId: projectionId: no projection has the id 'gone'.`],
  ['two nodes with the same id', spoiled((d) => { d.consumers[1].id = 'author-service'; }), 'x.json', `"x.json" is not a valid design at /consumers/1/id: id: 'author-service' is used by another node too.`],
  ['an AsyncAPI 1.x document', json({ asyncapi: '1.2.0', info: { title: 'old', version: '1' } }), 'x.json', 'x.json at /asyncapi: AsyncAPI version "1.2.0" cannot be read (convert AsyncAPI 1.x documents to 2.6 or 3.0 first); expected 3.1.x, 3.0.x or 2.0.x–2.6.x.'],
  ['an AsyncAPI operation with a wrong action', spoiledAsyncApi((d) => { Object.values(d.operations as Record<string, Json>)[0].action = 'publish'; }), 'x.json', 'x.json at /operations/content-ingest.send.VideoInputEvent/action: Operation "content-ingest.send.VideoInputEvent" has action "publish"; AsyncAPI 3 allows "send" or "receive".'],
  ['an AsyncAPI dangling $ref', spoiledAsyncApi((d) => { d.components.messages.VideoInputEvent.payload.$ref = '#/components/schemas/Nope'; }), 'x.json', 'x.json at /components/messages/VideoInputEvent/payload/$ref: Reference "#/components/schemas/Nope" points at nothing: x.json has no /components/schemas/Nope.'],
  ['an AsyncAPI reference to a file not given', spoiledAsyncApi((d) => { d.components.messages.VideoInputEvent.payload.$ref = 'common.yaml#/Base'; }), 'x.json', 'x.json at /components/messages/VideoInputEvent/payload/$ref: Reference "common.yaml#/Base" names the file "common.yaml", which is not among the one file given; open or drop it together with this one (or the folder or .zip that holds both).'],
  ['an AsyncAPI YAML without a title', 'asyncapi: 3.0.0\ninfo:\n  version: 1.0.0\nchannels: {}\n', 'x.yaml', 'x.yaml at /info/title (line 3): "info.title" must be a non-empty string, found nothing (it is missing).'],
  ['AsyncAPI extensions with a broken handler', spoiledAsyncApi((d) => { d['x-eventflow-design'].document.consumers[1].handlers[0].eventTypeId = 'ghost'; }), 'x.json', `"x.json" converts to an invalid design at /consumers/1/handlers/0/eventTypeId: eventTypeId: no event type has the id 'ghost'.`],
];

describe("importDesign: refused inputs", () => {
  it.each(cases)('given %s, refuses it with its message', async (_, text, fileName, message, bytes) => {
    expect(await importText(text, fileName, bytes ?? size(text))).toEqual({ ok: false, message });
  });

  it('has at least twenty malformed inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('accepts exactly 10 MB', async () => {
    expect((await importText(json(example), 'x.json', MAX_IMPORT_BYTES)).ok).toBe(true);
  });
});
