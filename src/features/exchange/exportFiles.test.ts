import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importDesign, type FlowDocument } from '../../core';
import { designExport } from './exportFiles';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
const text = (content: unknown) => (typeof content === 'string' ? content : strFromU8(content as Uint8Array));

describe('design exports', () => {
  it('given the example, the zip holds one schema per event type, the envelope and the bundle', () => {
    const file = designExport('schema-zip', example);
    expect(file).toMatchObject({ fileName: 'content-platform.schemas.zip', mime: 'application/zip' });
    const entries = unzipSync(file.content as Uint8Array);
    expect(Object.keys(entries)).toEqual([
      'EventEnvelope.schema.json', 'AbstractContentEvent.v1.schema.json', 'VideoEvent.v1.schema.json', 'VideoInputEvent.v1.schema.json',
      'VideoStatusChangeEvent.v1.schema.json', 'AuthorVideoAddedEvent.v1.schema.json', 'events.bundle.schema.json',
    ]);
    expect(JSON.parse(strFromU8(entries['VideoEvent.v1.schema.json']!)).title).toBe('VideoEvent');
  });

  it('given the example, one AsyncAPI file per service, zipped', () => {
    const file = designExport('asyncapi-services', example);
    expect(file).toMatchObject({ fileName: 'content-platform.services.asyncapi.zip', mime: 'application/zip' });
    const entries = unzipSync(file.content as Uint8Array);
    expect(Object.keys(entries).sort()).toEqual(example.producers.concat(example.consumers as never[]).map((n) => `${n.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}.asyncapi.yaml`).sort());
    expect(parseYaml(strFromU8(Object.values(entries)[0]!)).asyncapi).toBe('3.0.0');
  });

  it('given the example, the design file and every whole-design AsyncAPI file import back to the same design', async () => {
    for (const kind of ['design', 'asyncapi-json', 'asyncapi-yaml', 'asyncapi31-yaml'] as const) {
      const file = designExport(kind, example);
      const result = await importDesign(text(file.content), file.fileName, text(file.content).length);
      expect(result.ok && result.doc, `${kind}`).toEqual(example);
    }
    expect(parseYaml(text(designExport('asyncapi-yaml', example).content)).asyncapi).toBe('3.0.0');
  });
});
