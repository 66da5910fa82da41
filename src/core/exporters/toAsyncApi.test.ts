import { Parser, type Diagnostic } from '@asyncapi/parser';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeConsumer, makeEventType, makeFlow, makeProducer } from '../testing';
import { loadExample, randomFlowArb, type Json } from './testSupport';
import { toAsyncApi, toAsyncApiYaml, X } from './toAsyncApi';

const parser = new Parser();

async function diagnosticsOf(doc: Parameters<Parser['parse']>[0] | object): Promise<{ errors: Diagnostic[]; warnings: Diagnostic[] }> {
  const { diagnostics } = await parser.parse(doc as Parameters<Parser['parse']>[0]);
  return {
    errors: diagnostics.filter((d) => d.severity === 0),
    warnings: diagnostics.filter((d) => d.severity === 1),
  };
}

describe('toAsyncApi', () => {
  const example = loadExample();
  const doc = toAsyncApi(example) as Record<string, Json>;

  it('given the example, the document parses with zero errors', async () => {
    const { errors, warnings } = await diagnosticsOf(doc);
    expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
    console.info('AsyncAPI warnings (example):', warnings.map((w) => `${w.code}: ${w.message} @ ${w.path.join('/')}`));
  });

  it('given a spoiled document, the parser reports the error (the check can fail)', async () => {
    const spoiled = structuredClone(doc);
    spoiled.operations['content-ingest.send.VideoInputEvent'].action = 'push';
    const { errors } = await diagnosticsOf(spoiled);
    expect(errors.map((e) => e.path.join('/'))).toEqual(['operations/content-ingest.send.VideoInputEvent/action']);
  });

  it('given the example as YAML, it parses with zero errors and equals the JSON form', async () => {
    const yaml = toAsyncApiYaml(example);
    expect(parseYaml(yaml)).toEqual(doc);
    expect((await diagnosticsOf(yaml)).errors).toEqual([]);
  });

  it('has a channel per event type with instances, messages by reference and send/receive operations', () => {
    expect(Object.keys(doc.channels)).toEqual(['AbstractContentEvent', 'VideoEvent', 'VideoInputEvent', 'VideoStatusChangeEvent', 'AuthorVideoAddedEvent']);
    expect(doc.channels.VideoEvent.messages).toEqual({
      VideoInputEvent: { $ref: '#/components/messages/VideoInputEvent' },
      VideoStatusChangeEvent: { $ref: '#/components/messages/VideoStatusChangeEvent' },
    });
    expect(Object.keys(doc.components.messages)).toEqual(['VideoInputEvent', 'VideoStatusChangeEvent', 'AuthorVideoAddedEvent']);
    expect(doc.components.messages.VideoInputEvent.payload).toEqual({ $ref: '#/components/schemas/VideoInputEvent' });
    expect(doc.components.schemas.VideoStatusChangeEvent.allOf).toEqual([{ $ref: '#/components/schemas/VideoEvent' }]);
    expect(doc.components.schemas.AbstractContentEvent.allOf).toEqual([{ $ref: '#/components/schemas/EventEnvelope' }]);
    const ops = Object.entries(doc.operations).map(([key, op]: [string, Json]) => `${key} ${op.action} ${op.channel.$ref}`);
    expect(ops).toEqual([
      'content-ingest.send.VideoInputEvent send #/channels/VideoInputEvent',
      'content-ingest.send.VideoStatusChangeEvent send #/channels/VideoStatusChangeEvent',
      'author-service.receive.VideoInputEvent receive #/channels/VideoInputEvent',
      'author-service.send.AuthorVideoAddedEvent send #/channels/AuthorVideoAddedEvent',
      'follow-center.receive.AuthorVideoAddedEvent receive #/channels/AuthorVideoAddedEvent',
      'status-board.receive.VideoInputEvent receive #/channels/VideoInputEvent',
      'status-board.receive.VideoStatusChangeEvent receive #/channels/VideoStatusChangeEvent',
    ]);
    expect(doc.operations['content-ingest.send.VideoInputEvent'][X.node]).toMatchObject({ publishMode: 'outbox', aggregate: 'video' });
    expect(doc.operations['follow-center.receive.AuthorVideoAddedEvent'][X.node]).toMatchObject({ useInbox: true, retryLimit: 3 });
  });

  it('given a handler of a base type, receives on the base channel with every subtype message', async () => {
    const flow = makeFlow({
      eventTypes: [
        makeEventType({ name: 'Base Event', abstract: true, fields: ['id'] }),
        makeEventType({ name: 'A', extends: 'base-event', fields: ['a'] }),
        makeEventType({ name: 'B', extends: 'base-event' }),
      ],
      producers: [makeProducer({ name: 'p', emits: ['a', 'b'] })],
      consumers: [makeConsumer({ name: 'audit log', handles: ['base-event'] }), makeConsumer({ name: 'idle' })],
    });
    const exported = toAsyncApi(flow) as Record<string, Json>;
    expect(exported.operations['audit_log.receive.Base_Event'].messages).toEqual([
      { $ref: '#/channels/Base_Event/messages/A' },
      { $ref: '#/channels/Base_Event/messages/B' },
    ]);
    expect(exported[X.unattached]).toEqual([expect.objectContaining({ id: 'idle' })]);
    expect((await diagnosticsOf(exported)).errors).toEqual([]);
  });

  it('given random flows, every document parses with zero errors', async () => {
    const warningCodes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(randomFlowArb, async (flow) => {
        const { errors, warnings } = await diagnosticsOf(toAsyncApi(flow));
        expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
        for (const w of warnings) warningCodes.add(String(w.code));
      }),
      { numRuns: 25 },
    );
    console.info('AsyncAPI warning codes (random flows):', [...warningCodes]);
  });
});
