import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDesign } from './importDesign';
import { loadExample, type Json } from './testSupport';
import { toAsyncApi } from './asyncapi/toAsyncApi';
import type { AsyncApiTools } from './asyncapi/tools';

/**
 * The parser is replaced by a stand-in that finds nothing: these tests are about the import's own
 * readers never throwing on arbitrary input, thousands of times (the real parser is in the other tests).
 */
const lenientTools: AsyncApiTools = {
  validate: async () => [],
  avroToJsonSchema: async () => ({ ok: false, message: 'not checked here' }),
};

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
  it('given any text, answers ok or a message', async () => {
    await fc.assert(fc.asyncProperty(fc.string(), fc.constantFrom('a.json', 'a.yaml', 'a'), async (text, name) => {
      const result = await importDesign(text, name, text.length, { tools: lenientTools });
      expect(result.ok || result.message.length > 0).toBe(true);
    }), { numRuns: 300 });
  });

  it('given any JSON value, answers ok or a message', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (value) => {
      const text = JSON.stringify(value) ?? 'null';
      const result = await importDesign(text, 'a.json', text.length, { tools: lenientTools });
      expect(result.ok || (result.message.length > 0 && !result.message.includes('could not be read: '))).toBe(true);
    }), { numRuns: 300 });
  });

  const example = loadExample();
  const asyncApi = toAsyncApi(example);
  it.each([['a flow document', example], ['an AsyncAPI document', asyncApi]])('given %s with a random part replaced, answers ok or a message', async (_, source) => {
    await fc.assert(fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.jsonValue(), async (choices, replacement) => {
      const text = JSON.stringify(mutate(source, choices, replacement));
      const result = await importDesign(text, 'a.json', text.length, { tools: lenientTools });
      // The safety net in importDesign must not be what answered: every refusal is a planned one.
      if (!result.ok) expect(result.message).not.toMatch(/could not be read: /);
    }), { numRuns: 1000 });
  });
});
