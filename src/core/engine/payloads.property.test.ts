import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  effectivePayloadSchema, envelopeSchema, validateInstance, withCommandEmission, wrapPayload,
  type EnvelopeSettings, type JsonSchemaObject,
} from '../model';
import { ajvAccepts, testAjv } from '../model/schema/testSupport';
import { toJsonSchema } from '../exporters';
import { libraryArb, schemaArb } from '../testing/schemaArbitrary';
import { makeCommand, makeEventType, makeFlow, makeProducer } from '../testing';
import { generatePayload } from './payloads';
import { Rng } from './rng';
import { buildPayload } from './values';

/** ajv reads names like `toString` through the prototype and ignores `__proto__` (see validateInstance.test). */
const ajvCanJudge = (value: unknown) => !Object.getOwnPropertyNames(Object.prototype).some((name) => JSON.stringify(value).includes(`"${name}"`));

const payloadArb = (library: string[]) => fc.uniqueArray(fc.tuple(fc.constantFrom('id', 'customer', 'lines', 'coupon', 'total', 'a.b', 'a/b', '~'), schemaArb(library, 2), fc.boolean()), { minLength: 1, maxLength: 4, selector: ([name]) => name })
  .map((props): JsonSchemaObject => {
    const properties: Record<string, unknown> = {};
    for (const [name, schema] of props) properties[name] = schema;
    const required = props.filter(([, , r]) => r).map(([name]) => name);
    return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
  });

describe('the simulator\'s payloads fit the exported schemas', () => {
  it('given random payload schemas, library and envelope: input generated from the seed, event built by the mappings, message wrapped, all validate with ajv', () => {
    const ajv = testAjv();
    fc.assert(fc.property(libraryArb.chain((library) => fc.tuple(fc.constant(library), payloadArb(library.map((e) => e.name)))), fc.constantFrom<EnvelopeSettings>({ kind: 'eventflow' }, { kind: 'cloudevents' }, { kind: 'none' }), fc.integer(), ([library, payload], envelope, seed) => {
      const base = makeFlow({ envelope, schemaLibrary: library, eventTypes: [makeEventType({ name: 'Ordered', payload })], producers: [makeProducer({ name: 'shop', commands: [makeCommand({ name: 'Order' })] })] });
      const command = withCommandEmission(base, base.producers[0]!.commands[0]!, 'ordered');
      const input = generatePayload(command, true, [], new Rng(Rng.seedState(seed)), Date.UTC(2026, 0, 1), library);
      expect(validateInstance(command.input, input, new Map(library.map((e) => [e.name, e.schema])))).toEqual([]);
      const event = buildPayload(command.emits[0]!.mappings, { input, generate: () => 'generated' });
      const schema = effectivePayloadSchema({ ...base, producers: [{ ...base.producers[0]!, commands: [command] }] }, 'ordered')!;
      expect(validateInstance(schema, event)).toEqual([]);
      const message = wrapPayload(envelope, { eventId: 'e-1', eventType: 'Ordered', occurredAt: '2026-01-01T00:00:00.000Z', aggregateId: 'o-1', source: '/shop/shop' }, event);
      const messageSchema = envelopeSchema(envelope, schema, ['Ordered']);
      if (ajvCanJudge(messageSchema)) {
        expect(ajvAccepts(ajv, schema, event)).toBe(true);
        expect(ajvAccepts(ajv, messageSchema, message)).toBe(true);
        if (envelope.kind === 'eventflow') {
          const { bundle } = toJsonSchema(base);
          expect(ajvAccepts(testAjv(), bundle, message)).toBe(true);
        }
      }
    }), { numRuns: 120 });
  });
});
