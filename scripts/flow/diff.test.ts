import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from './diff';

const examplePath = 'public/examples/content-platform.json';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('flow diff', () => {
  let dir: string;
  let out: string[];
  let errors: string[];
  let example: Json;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flow-diff-'));
    out = [];
    errors = [];
    example = JSON.parse(await readFile(examplePath, 'utf8')) as Json;
    vi.spyOn(console, 'log').mockImplementation((line: string) => { out.push(line); });
    vi.spyOn(console, 'error').mockImplementation((line: string) => { errors.push(line); });
  });
  afterEach(() => vi.restoreAllMocks());

  const write = async (name: string, doc: unknown) => {
    const path = join(dir, name);
    await writeFile(path, JSON.stringify(doc));
    return path;
  };
  const changed = (change: (d: Json) => void) => {
    const copy = structuredClone(example);
    change(copy);
    return copy;
  };
  const input = (d: Json) => d.eventTypes.find((t: Json) => t.name === 'VideoInputEvent').payload;

  it.each<[string, (d: Json) => void, string, string]>([
    ['a removed field', (d) => { delete input(d).properties.title; }, 'backward', "/title: field 'title' was removed"],
    ['a type change', (d) => { input(d).properties.title.type = 'integer'; }, 'backward', '/title: type changed (string → integer)'],
    ['a new required field', (d) => { input(d).properties.language = { type: 'string' }; input(d).required = [...(input(d).required ?? []), 'language']; }, 'backward', "/language: new required field 'language'"],
    ['a narrowed enum', (d) => { d.eventTypes[3].payload.properties.before.enum = ['draft', 'published']; }, 'backward', 'enum narrowed: "blocked", "deleted" are no longer allowed'],
    ['a tightened constraint', (d) => { input(d).properties.title.maxLength = 3; }, 'backward', 'maxLength added'],
    ['a field a closed old schema refuses', (d) => { input(d).properties.language = { type: 'string' }; }, 'forward', "/language: new field 'language'"],
  ])('finds %s (--compat %s) with its path, exits 1 on an unchanged version', async (_, change, compat, line) => {
    const before = await write('old.json', example);
    const after = await write('new.json', changed(change));
    expect(await run([before, after, '--compat', compat])).toBe(1);
    expect(out.join('\n')).toContain(line);
    expect(out.join('\n')).toContain('ON AN UNCHANGED VERSION');
  });

  it('raises no alarm on additive changes under backward, and exits 0', async () => {
    const before = await write('old.json', example);
    const after = await write('new.json', changed((d) => {
      input(d).properties.language = { type: ['string', 'null'] };
      d.eventTypes.push({ ...structuredClone(d.eventTypes[4]), id: 'video-liked-event', name: 'VideoLikedEvent' });
    }));
    expect(await run([before, after, '--compat', 'backward'])).toBe(0);
    expect(out.at(-1)).toBe('Compatible (backward).');
  });

  it('reports a breaking change on a raised version without failing, and prints JSON on request', async () => {
    const before = await write('old.json', example);
    const after = await write('new.json', changed((d) => { delete input(d).properties.title; d.eventTypes[2].version = 2; }));
    expect(await run([before, after, '--json', 'yes'])).toBe(0);
    const report = JSON.parse(out.join('\n')) as Json;
    const diff = report.eventTypes.find((e: Json) => e.name === 'VideoInputEvent');
    expect(diff).toMatchObject({ oldVersion: 1, newVersion: 2, breaksSameVersion: false });
    expect(diff.changes.map((c: Json) => c.path)).toEqual(['/title']);
  });

  it('compares AsyncAPI documents and folders too, and refuses bad usage with exit 2', async () => {
    const dirA = 'testdata/asyncapi-spec/2.6.0/social-media';
    const dirB = 'testdata/asyncapi-spec/3.1.0/social-media';
    expect(await run([dirA, dirB, '--compat', 'full'])).toBe(0);
    expect(await run([dirA])).toBe(2);
    expect(await run([dirA, dirB, '--compat', 'sideways'])).toBe(2);
    expect(errors.join('\n')).toContain('--compat must be backward, forward or full');
  });
});
