import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { FlowDocument, JsonSchemaObject } from '../model/types';
import { makeConsumer, makeEventType, makeFlow, makeProducer } from '../testing';
import { validateFlow } from '../model/validation';
import { fromAsyncApi } from './fromAsyncApi';
import { loadExample, randomFlowArb } from './testSupport';
import { toAsyncApi, toAsyncApiYaml } from './toAsyncApi';

function imported(input: unknown): FlowDocument {
  const result = fromAsyncApi(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.doc;
}

/** Semantics compared regardless of node order. */
function normalized(doc: FlowDocument) {
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { ...doc, eventTypes: byId(doc.eventTypes), producers: byId(doc.producers), consumers: byId(doc.consumers) };
}

const names = (schema: JsonSchemaObject | undefined) => Object.keys((schema?.properties ?? {}) as object);

const streetlights3 = {
  asyncapi: '3.0.0',
  info: { title: 'Streetlights API', version: '1.0.0' },
  channels: {
    lightingMeasured: { address: 'smartylighting/measured', messages: { lightMeasured: { $ref: '#/components/messages/lightMeasured' } } },
    lightTurnOn: { address: 'smartylighting/turn/on', messages: { turnOn: { $ref: '#/components/messages/turnOnOff' } } },
  },
  operations: {
    receiveLightMeasurement: { action: 'receive', channel: { $ref: '#/channels/lightingMeasured' }, messages: [{ $ref: '#/channels/lightingMeasured/messages/lightMeasured' }] },
    turnOn: { action: 'send', channel: { $ref: '#/channels/lightTurnOn' } },
  },
  components: {
    messages: {
      lightMeasured: { name: 'LightMeasured', payload: { $ref: '#/components/schemas/lightMeasuredPayload' } },
      turnOnOff: { name: 'TurnOnOff', payload: { type: 'object', properties: { command: { type: 'string', enum: ['on', 'off'] }, sentAt: { $ref: '#/components/schemas/sentAt' } } } },
    },
    schemas: {
      lightMeasuredPayload: {
        type: 'object',
        allOf: [{ $ref: '#/components/schemas/measurement' }],
        properties: { lumens: { type: 'integer', minimum: 0, description: 'Light intensity' }, tags: { type: 'array', items: { type: 'number' } } },
        required: ['lumens'],
      },
      measurement: { type: 'object', title: 'Measurement', properties: { sensorId: { type: 'string', format: 'uuid' } }, required: ['sensorId'] },
      sentAt: { type: 'string', format: 'date-time', examples: ['2024-01-01T00:00:00Z'] },
    },
  },
};

const accounts26 = `
asyncapi: 2.6.0
info: { title: Account Service, version: 1.0.0, description: Manages accounts }
channels:
  user/signedup:
    publish:
      operationId: publishUserSignedUp
      message:
        oneOf:
          - $ref: '#/components/messages/UserSignedUp'
          - $ref: '#/components/messages/UserDeleted'
  user/notified:
    subscribe:
      operationId: onUserNotified
      message:
        name: UserNotified
        payload:
          type: object
          properties:
            userId: { type: string }
            channel: { type: string, enum: [email, sms] }
components:
  messages:
    UserSignedUp:
      payload:
        type: object
        required: [email]
        properties:
          displayName: { type: string, description: Name of the user, example: Ada }
          email: { type: string, format: email }
          age: { type: [integer, 'null'] }
    UserDeleted:
      payload: { type: object, properties: { userId: { type: string } } }
`;

describe('fromAsyncApi', () => {
  const example = loadExample();

  it('given the example, design → AsyncAPI → design keeps every event type, field, producer, consumer and projection', () => {
    const back = imported(toAsyncApi(example));
    expect(back.eventTypes).toEqual(example.eventTypes);
    expect(back.producers).toEqual(example.producers);
    expect(back.consumers).toEqual(example.consumers);
    expect(back.projections).toEqual(example.projections);
    expect(back).toEqual(example);
  });

  it('given the example through YAML, the design comes back the same', () => {
    expect(imported(parseYaml(toAsyncApiYaml(example)))).toEqual(example);
  });

  it('given random flows, design → AsyncAPI → design keeps the semantics', () => {
    fc.assert(
      fc.property(randomFlowArb, (flow) => {
        expect(normalized(imported(toAsyncApi(flow)))).toEqual(normalized(flow));
      }),
      { numRuns: 80 },
    );
  });

  it('given handlers of an abstract base and nodes with no operation, the round trip keeps them', () => {
    const flow = makeFlow({
      eventTypes: [
        makeEventType({ name: 'Base Event', abstract: true, fields: ['id'], aggregateIdField: 'id' }),
        makeEventType({ name: 'A', extends: 'base-event', fields: [{ name: 'tags', type: 'array', required: false, itemType: 'uuid' }] }),
        makeEventType({ name: 'Lonely', abstract: true }),
      ],
      producers: [makeProducer({ name: 'p', emits: ['a'] }), makeProducer({ name: 'silent' })],
      consumers: [makeConsumer({ name: 'audit log', handles: ['base-event', 'lonely'] }), makeConsumer({ name: 'idle' })],
    });
    expect(imported(toAsyncApi(flow))).toEqual(flow);
  });

  it('given a foreign AsyncAPI 3.0 document, messages become event types and operations nodes', () => {
    const doc = imported(streetlights3);
    expect(doc.eventTypes.map((e) => [e.name, e.extends ?? null, e.abstract ?? false])).toEqual([
      ['LightMeasured', 'measurement', false],
      ['Measurement', null, true],
      ['TurnOnOff', null, false],
    ]);
    expect(doc.eventTypes[0]?.payload).toEqual({ type: 'object', properties: {
      lumens: { type: 'integer', description: 'Light intensity' },
      tags: { type: 'array', items: { type: 'number' } },
    }, required: ['lumens'] });
    expect(doc.eventTypes[1]?.payload).toEqual({ type: 'object', properties: { sensorId: { type: 'string', format: 'uuid' } }, required: ['sensorId'] });
    expect(doc.eventTypes[2]?.payload).toEqual({ type: 'object', properties: {
      command: { type: 'string', enum: ['on', 'off'] },
      sentAt: { type: 'string', format: 'date-time', examples: ['2024-01-01T00:00:00Z'] },
    } });
    expect(doc.producers.map((p) => [p.name, p.commands.map((c) => c.emits[0]?.eventTypeId)])).toEqual([['Streetlights API', ['turn-on-off']]]);
    expect(doc.consumers.map((c) => [c.name, c.handlers.map((h) => h.eventTypeId)])).toEqual([['Streetlights API consumer', ['light-measured']]]);
    expect(names(doc.producers[0]?.commands[0]?.input)).toEqual(['command', 'sentAt']);
    expect(validateFlow(doc).filter((p) => p.severity === 'error')).toEqual([]);
    expect(Object.keys(doc.layout.positions).sort()).toEqual(['light-measured', 'measurement', 'streetlights-api', 'streetlights-api-consumer', 'turn-on-off']);
  });

  it('given a foreign send of a derived message, the command maps the inherited fields too and the design validates', () => {
    const doc = imported({ ...streetlights3, operations: { publishMeasurement: { action: 'send', channel: { $ref: '#/channels/lightingMeasured' } } } });
    const command = doc.producers[0]?.commands[0];
    expect(names(command?.input)).toEqual(['sensorId', 'lumens', 'tags']);
    expect(command?.emits[0]?.mappings.map((m) => m.target)).toEqual(['/sensorId', '/lumens', '/tags']);
    expect(validateFlow(doc).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('given an AsyncAPI 2.6 document, publish becomes a producer and subscribe a consumer', () => {
    const result = fromAsyncApi(parseYaml(accounts26));
    expect(result.ok && result.asyncApiVersion).toBe('2.6.0');
    const doc = imported(parseYaml(accounts26));
    expect(doc.name).toBe('Account Service');
    expect(doc.description).toBe('Manages accounts');
    expect(doc.eventTypes.map((e) => e.name)).toEqual(['UserSignedUp', 'UserDeleted', 'UserNotified']);
    expect(doc.eventTypes[0]?.payload).toEqual({ type: 'object', properties: {
      displayName: { type: 'string', description: 'Name of the user', examples: ['Ada'] },
      email: { type: 'string' },
      age: { type: 'integer' },
    }, required: ['email'] });
    expect(doc.producers[0]?.commands.map((c) => [c.name, c.emits.map((e) => e.eventTypeId)])).toEqual([
      ['publishUserSignedUp UserSignedUp', ['user-signed-up']],
      ['publishUserSignedUp UserDeleted', ['user-deleted']],
    ]);
    expect(doc.consumers[0]?.handlers.map((h) => h.eventTypeId)).toEqual(['user-notified']);
    expect(validateFlow(doc).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each([
    [[], '', 'An AsyncAPI document must be an object, found an array'],
    [{ asyncapi: '1.2.0', info: {} }, '/asyncapi', 'Unsupported AsyncAPI version "1.2.0"; expected 3.0.x or 2.0–2.6'],
    [{ asyncapi: '3.0.0' }, '/info', '"info" must be an object, found nothing (it is missing)'],
    [{ asyncapi: '3.0.0', info: { title: 4 } }, '/info/title', '"info.title" must be a non-empty string, found a number'],
    [{ ...streetlights3, operations: { x: { action: 'push', channel: { $ref: '#/channels/lightTurnOn' } } } }, '/operations/x/action', 'Operation "x" has action "push"; expected "send" or "receive"'],
    [{ ...streetlights3, operations: { x: { action: 'send', channel: { $ref: '#/channels/nowhere' } } } }, '/operations/x/channel/$ref', 'Dangling reference: "#/channels/nowhere" does not exist'],
    [{ ...streetlights3, operations: { x: { action: 'send', channel: { $ref: 'other.yaml#/channels/a' } } } }, '/operations/x/channel/$ref', 'External reference "other.yaml#/channels/a" is not supported; only local references (#/…) are'],
  ])('given a malformed document, reports it with a pointer (%#)', (input, path, message) => {
    expect(fromAsyncApi(input)).toEqual({ ok: false, errors: [{ path, message }] });
  });
});
