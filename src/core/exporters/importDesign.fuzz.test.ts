import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDesign } from './importDesign';
import { loadExample, type Json } from './testSupport';
import { toAsyncApi } from './toAsyncApi';

/** Replaces the value at a random path of a JSON tree with another value. */
function mutate(root: Json, choices: number[], replacement: unknown): Json {
  const copy = structuredClone(root);
  let parent: Json = copy;
  for (const choice of choices) {
    const keys = Object.keys(parent);
    if (keys.length === 0) break;
    const key = keys[choice % keys.length]!;
    const child = parent[key];
    if (typeof child !== 'object' || child === null || choice % 5 === 0) {
      parent[key] = replacement;
      return copy;
    }
    parent = child;
  }
  return copy;
}

describe('importDesign never throws', () => {
  it('given any text, answers ok or a message', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('a.json', 'a.yaml', 'a'), (text, name) => {
      const result = importDesign(text, name, text.length);
      expect(result.ok || result.message.length > 0).toBe(true);
    }), { numRuns: 300 });
  });

  it('given any JSON value, answers ok or a message', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const text = JSON.stringify(value) ?? 'null';
      const result = importDesign(text, 'a.json', text.length);
      expect(result.ok || /^"a\.json" (?!could not be read: )/.test(result.message)).toBe(true);
    }), { numRuns: 300 });
  });

  const example = loadExample();
  const asyncApi = toAsyncApi(example);
  it.each([['a flow document', example], ['an AsyncAPI document', asyncApi]])('given %s with a random part replaced, answers ok or a message', (_, source) => {
    fc.assert(fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.jsonValue(), (choices, replacement) => {
      const text = JSON.stringify(mutate(source, choices, replacement));
      const result = importDesign(text, 'a.json', text.length);
      // The safety net in importDesign must not be what answered: every refusal is a planned one.
      if (!result.ok) expect(result.message).toMatch(/^"a\.json" (?!could not be read: )/);
    }), { numRuns: 1500 });
  });
});
