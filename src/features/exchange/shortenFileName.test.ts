import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_LENGTH, shortenFileName } from './shortenFileName';

describe('shortenFileName', () => {
  it('leaves a name within the limit as it is', () => {
    expect(shortenFileName('content-platform.events.schema.json')).toBe('content-platform.events.schema.json');
  });

  it('given a 10,000-character design name, keeps the extensions, the start and a hash, within the limit', () => {
    const name = `${'x'.repeat(10_000)}.events.schema.json`;

    const short = shortenFileName(name);

    expect(short).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(short).toMatch(/^x+-[0-9a-z]{7}\.events\.schema\.json$/);
    expect(shortenFileName(name)).toBe(short);
  });

  it('keeps two long names that differ only at the end apart', () => {
    const a = shortenFileName(`${'a'.repeat(500)}1.flow.json`);
    const b = shortenFileName(`${'a'.repeat(500)}2.flow.json`);
    expect(a).not.toBe(b);
  });

  it('never cuts a character in half', () => {
    const short = shortenFileName(`${'𝒳'.repeat(300)}.zip`);
    expect(Array.from(short)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(short).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
