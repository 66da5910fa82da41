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
