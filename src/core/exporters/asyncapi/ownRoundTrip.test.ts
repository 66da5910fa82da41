import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDesign } from '../importDesign';
import { Parser } from '@asyncapi/parser';
import { libraryRef } from '../../model/schema/schemaAccess';
import type { FlowDocument } from '../../model/types';
import { fcRuns, loadExample, randomFlowArb } from '../testSupport';
import { asyncApiYaml, toAsyncApi, toAsyncApiYaml } from './toAsyncApi';
import { loadAsyncApiTools, type AsyncApiTools } from './tools';

let tools: AsyncApiTools;
const envelopeArb = fc.constantFrom<FlowDocument['envelope']>({ kind: 'eventflow' }, { kind: 'cloudevents', source: '/shop' }, { kind: 'none' });
beforeAll(async () => { tools = await loadAsyncApiTools(); });

describe('the tool imports its own AsyncAPI export as the same design', () => {
  // The parser's validation (Spectral rules) costs about a second a document: a few random designs
  // go through the whole import; many more through the reading alone (the parser's verdict on the
  // tool's own exports is checked apart, in the spec checks and below). FC_RUNS=<n> runs n of each.
  it('given random designs (inheritance, abstract bases, producers, consumers, projections), 3.0 and 3.1, through the whole import', async () => {
    await fc.assert(fc.asyncProperty(randomFlowArb, fc.constantFrom('3.0.0', '3.1.0' as const), envelopeArb, async (random, version, envelope) => {
      const doc = { ...random, envelope };
      const text = toAsyncApiYaml(doc, { version });
      const back = await importDesign(text, 'design.asyncapi.yaml', text.length, { tools });
      expect(back.ok ? back.doc : back.message).toEqual(doc);
    }), { numRuns: fcRuns(3) });
  });

  it('given many more random designs, 3.0 and 3.1, read back without the parser\'s validation', async () => {
    const readingOnly: AsyncApiTools = { ...tools, validate: () => Promise.resolve([]) };
    await fc.assert(fc.asyncProperty(randomFlowArb, fc.constantFrom('3.0.0', '3.1.0' as const), envelopeArb, async (random, version, envelope) => {
      const doc = { ...random, envelope };
      const text = toAsyncApiYaml(doc, { version });
      const back = await importDesign(text, 'design.asyncapi.yaml', text.length, { tools: readingOnly });
      expect(back.ok ? back.doc : back.message).toEqual(doc);
    }), { numRuns: fcRuns(100) });
  });

  it('given library entries with names that need escaping, referenced whole and by a pointer inside', async () => {
    const doc = structuredClone(loadExample());
    doc.schemaLibrary = [
      { name: 'Odd name/with ~', schema: { type: 'object', properties: { amount: { type: 'number', minimum: 0 } }, required: ['amount'] } },
      { name: '__proto__', schema: { type: 'string', minLength: 2 } },
    ];
    const payload = doc.eventTypes[2]!.payload as { properties: Record<string, unknown> };
    payload.properties.price = { $ref: libraryRef('Odd name/with ~') };
    payload.properties.amountOnly = { $ref: `${libraryRef('Odd name/with ~')}/properties/amount` };
    payload.properties.code = { $ref: libraryRef('__proto__') };
    const exported = toAsyncApi(doc);
    const { diagnostics } = await new Parser().parse(asyncApiYaml(exported));
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('/')}: ${d.message}`)).toEqual([]);
    const text = asyncApiYaml(exported);
    const back = await importDesign(text, 'odd.yaml', text.length, { tools });
    expect(back.ok ? back.doc : back.message).toEqual(doc);
  });

  it('given the example with a version history, an upcaster, an envelope choice and a baseline', async () => {
    const example = loadExample();
    const doc = structuredClone(example);
    doc.envelope = { kind: 'cloudevents', source: '/shop' };
    doc.eventTypes[2]!.version = 2;
    doc.eventTypes[2]!.history = [{ version: 1, payload: structuredClone(example.eventTypes[2]!.payload), upcast: [{ op: 'set', path: '/language', value: 'en', onlyIfMissing: true }] }];
    doc.evolution = { compatibility: 'full', baseline: { label: 'v1', library: [], eventTypes: [{ id: 'x', name: 'X', version: 1, schema: { $ref: '#/$defs/Nowhere' } }] } };
    const text = asyncApiYaml(toAsyncApi(doc));
    const back = await importDesign(text, 'example.yaml', text.length, { tools });
    expect(back.ok ? back.doc : back.message).toEqual(doc);
  });

  it('given the example\'s scenarios, then they come back as they were (the parser validates the document)', async () => {
    const doc = structuredClone(loadExample());
    expect(doc.scenarios?.length).toBeGreaterThan(0);
    const text = asyncApiYaml(toAsyncApi(doc));
    const back = await importDesign(text, 'scenarios.yaml', text.length, { tools });
    expect(back.ok ? back.doc.scenarios : back.message).toEqual(doc.scenarios);
  });

  it('given a scenario switching a pattern off for a consumer id like __proto__, then it stays an own key (read without the parser\'s validation)', async () => {
    const readingOnly: AsyncApiTools = { ...tools, validate: () => Promise.resolve([]) };
    const doc = structuredClone(loadExample());
    type Patterns = NonNullable<FlowDocument['scenarios']>[number]['when']['patterns'];
    doc.scenarios![0]!.when = { ...doc.scenarios![0]!.when, patterns: JSON.parse('{"inbox":{"__proto__":false}}') as Patterns };
    const text = asyncApiYaml(toAsyncApi(doc));
    const back = await importDesign(text, 'scenarios.yaml', text.length, { tools: readingOnly });
    expect(back.ok ? back.doc.scenarios : back.message).toEqual(doc.scenarios);
    expect(back.ok && Object.hasOwn(back.doc.scenarios![0]!.when.patterns!.inbox!, '__proto__')).toBe(true);
  });
});
