import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonToYaml } from './jsonToYaml';

describe('jsonToYaml', () => {
  it('writes any JSON value as YAML that parses back to the same value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const normal = JSON.parse(JSON.stringify(value)) as unknown;
      expect(parseYaml(jsonToYaml(normal), { version: '1.2' })).toEqual(normal);
      expect(parseYaml(jsonToYaml(normal), { version: '1.1' })).toEqual(normal);
    }), { numRuns: 2000 });
  });

  it('quotes strings a YAML reader would take for something else, and keeps plain ones plain', () => {
    const value = JSON.parse('{"a":"true","b":"no","c":"12","d":"","e":"x: y","f":"- item","g":"#comment","h":"multi\\nline","i":"~","plain":"orders.placed/v1","__proto__":"key"}') as Record<string, unknown>;
    const text = jsonToYaml(value);
    expect(text).toContain('a: "true"\nb: "no"\nc: "12"\nd: ""\n');
    expect(text).toContain('plain: orders.placed/v1\n');
    expect(text).toContain('__proto__: key\n');
    expect(parseYaml(text)).toEqual(value);
  });
});
