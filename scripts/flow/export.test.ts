import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from './export';

const example = 'public/examples/content-platform.json';

describe('flow export', () => {
  let out: string;
  let errors: string[];
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'flow-export-'));
    errors = [];
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation((message: string) => { errors.push(message); });
  });
  afterEach(() => vi.restoreAllMocks());

  it('given the example and --format jsonschema, writes one schema per event type plus envelope and bundle, all valid', async () => {
    expect(await run([example, '--format', 'jsonschema', '--out', out])).toBe(0);
    const names = (await readdir(out)).sort();
    expect(names).toEqual([
      'AbstractContentEvent.v1.schema.json', 'AuthorVideoAddedEvent.v1.schema.json', 'EventEnvelope.schema.json',
      'VideoEvent.v1.schema.json', 'VideoInputEvent.v1.schema.json', 'VideoStatusChangeEvent.v1.schema.json',
      'events.bundle.schema.json',
    ]);
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    for (const name of names) expect(ajv.validateSchema(JSON.parse(await readFile(join(out, name), 'utf8')))).toBe(true);
  });

  it('given --format asyncapi, writes the same document as JSON and YAML', async () => {
    expect(await run([example, '--format', 'asyncapi', '--out', out])).toBe(0);
    const json = JSON.parse(await readFile(join(out, 'asyncapi.json'), 'utf8'));
    expect(json.asyncapi).toBe('3.0.0');
    expect(parseYaml(await readFile(join(out, 'asyncapi.yaml'), 'utf8'))).toEqual(json);
  });

  it('given --base-uri, every $id starts with it; given --asyncapi-version 3.1, writes 3.1.0', async () => {
    expect(await run([example, '--format', 'jsonschema', '--out', out, '--base-uri', 'https://schemas.example.com/shop/'])).toBe(0);
    const bundle = JSON.parse(await readFile(join(out, 'events.bundle.schema.json'), 'utf8'));
    expect(bundle.$id).toBe('https://schemas.example.com/shop/content-platform/events.bundle.schema.json');
    expect(await run([example, '--format', 'asyncapi', '--out', out, '--asyncapi-version', '3.1'])).toBe(0);
    expect(JSON.parse(await readFile(join(out, 'asyncapi.json'), 'utf8')).asyncapi).toBe('3.1.0');
    expect(await run([example, '--format', 'jsonschema', '--out', out, '--base-uri', 'not a uri'])).toBe(2);
    expect(errors.at(-1)).toContain('--base-uri must be an absolute URI');
  });

  it('given a folder of AsyncAPI documents and --per-service, writes one document per service', async () => {
    expect(await run(['testdata/asyncapi-spec/3.1.0/social-media', '--format', 'asyncapi', '--per-service', 'yes', '--out', out])).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'comments-service.asyncapi.yaml', 'notifications-service.asyncapi.yaml', 'public-api.asyncapi.yaml',
      'website-backend.asyncapi.yaml', 'website-websocket-client.asyncapi.yaml',
    ]);
    const backend = parseYaml(await readFile(join(out, 'website-backend.asyncapi.yaml'), 'utf8'));
    expect(Object.keys(backend.operations).sort()).toEqual(['receiveCommentChange', 'receiveCommentLike', 'sendCommentLikeUpdate', 'sendCommentLiked']);
  });

  it('given --format flow, writes the design unchanged', async () => {
    expect(await run([example, '--format', 'flow', '--out', out])).toBe(0);
    const written = JSON.parse(await readFile(join(out, 'content-platform.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(await readFile(example, 'utf8')));
  });

  it('given a file that is not JSON, exits 1 with the reason and writes nothing', async () => {
    const bad = join(out, 'bad.json');
    await writeFile(bad, '{ "schemaVersion": 1,, }');
    expect(await run([bad, '--format', 'asyncapi', '--out', join(out, 'result')])).toBe(1);
    expect(errors).toEqual([`"bad.json" is not valid JSON: expected a property name in double quotes, found ',' at line 1, column 22.`]);
    expect(await readdir(out)).toEqual(['bad.json']);
  });

  it('given a missing file, an unknown format or no --out, refuses', async () => {
    expect(await run([join(out, 'nope.json'), '--format', 'flow', '--out', out])).toBe(1);
    expect(await run([example, '--format', 'openapi', '--out', out])).toBe(2);
    expect(await run([example, '--format', 'flow'])).toBe(2);
    expect(errors[1]).toContain('--format must be one of jsonschema, asyncapi, flow');
  });
});
