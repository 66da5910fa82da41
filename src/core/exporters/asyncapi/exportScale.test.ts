/**
 * Export size and time grow linearly with the design (issue 9: 250 messages used to give 67 MB in
 * 11 s). The figures are printed, never asserted as times: the assertion is on size per message,
 * which does not depend on the machine.
 */
import { describe, expect, it } from 'vitest';
import { makeConsumer, makeEventType, makeFlow, makeHandler, makeProducer } from '../../testing';
import { toJsonSchema } from '../toJsonSchema';
import { asyncApiYaml, toAsyncApi } from './toAsyncApi';
import { timed } from './testing/stopwatch';

/** A design with `n` event types, one producer sending them all and one consumer per 10 of them. */
function bigDesign(n: number) {
  const eventTypes = Array.from({ length: n }, (_, i) => makeEventType({
    name: `Event${i}`,
    fields: ['orderId', { name: 'amount', type: 'number', required: true }, { name: 'note', type: 'string', required: false }],
  }));
  const producer = makeProducer({ name: 'Big producer', emits: eventTypes.map((e) => e.id) });
  const consumers = Array.from({ length: Math.ceil(n / 10) }, (_, c) => makeConsumer({
    name: `Consumer ${c}`,
    handlers: eventTypes.slice(c * 10, c * 10 + 10).map((e) => makeHandler(e.id)),
  }));
  return makeFlow({ name: 'Big', eventTypes, producers: [producer], consumers });
}

function measure(n: number) {
  const doc = bigDesign(n);
  const { result: [document, text], ms: asyncapiMs } = timed(() => {
    const exported = toAsyncApi(doc);
    return [exported, asyncApiYaml(exported)] as const;
  });
  const { result: schemas, ms: jsonMs } = timed(() => toJsonSchema(doc));
  return { n, bytes: text.length, asyncapiMs, jsonMs, operations: Object.keys(document.operations as object).length, files: schemas.files.length };
}

describe('export scale', () => {
  it('exports 5,000 messages; size per message stays flat from 500 to 5,000', () => {
    const figures = [500, 1_000, 2_500, 5_000].map(measure);
    for (const f of figures) {
      console.info(`AsyncAPI export of ${f.n} messages: ${(f.bytes / 1024 / 1024).toFixed(2)} MB YAML (${Math.round(f.bytes / f.n)} B/message), ${f.asyncapiMs.toFixed(0)} ms; ${f.operations} operations; JSON Schema: ${f.files} files in ${f.jsonMs.toFixed(0)} ms`);
    }
    const [small, , , large] = figures;
    expect(large!.operations).toBe(5_000 + 5_000);
    // Linear: bytes per message at 5,000 within 10 % of bytes per message at 500.
    expect(large!.bytes / large!.n).toBeLessThan((small!.bytes / small!.n) * 1.1);
  }, 120_000);
});
