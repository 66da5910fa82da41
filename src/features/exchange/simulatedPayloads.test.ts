import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { inheritanceChain, toAsyncApi, toGivenWhenThen, toJsonSchema, toTraceJson, type EnvelopeSettings, type FlowDocument } from '../../core';
import { openSimulationEngine, SimulationDb } from '../../persistence/simulation';
import { readRunSnapshot } from '../../persistence/reads';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
const db = new SimulationDb('exchange-simulated-payloads');
afterAll(async () => { db.close(); await db.delete(); });


describe('exported JSON Schemas against the simulator', () => {
  it('given 300 commands run to quiet on the example, every event it generated validates as its type and each base', async () => {
    const engine = openSimulationEngine(db);
    await engine.startRun(example, { seed: 11 });
    await engine.fireMany(example.id, { count: 300 });
    const result = await engine.runUntilQuiet(example.id, { maxSteps: 200_000, stepsPerTransaction: 1000 });
    expect(result.quiet).toBe(true);

    const { files } = toJsonSchema(example);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    for (const file of files) ajv.addSchema(file.schema);
    const snapshot = await readRunSnapshot(db, example.id);
    if (!snapshot) throw new Error('no run');
    expect(snapshot.events.length).toBeGreaterThan(300);

    const checked = new Map<string, number>();
    for (const e of snapshot.events) {
      const instance = { eventId: e.eventId, eventType: e.eventTypeName, occurredAt: e.occurredAt, aggregateId: e.aggregateId, ...e.payload };
      for (const type of inheritanceChain(example, e.eventTypeId)) {
        const file = files.find((f) => f.eventTypeId === type.id)!;
        const validate = ajv.getSchema(file.schema.$id as string)!;
        validate(instance);
        expect(validate.errors ?? [], `${e.eventTypeName} ${e.eventId} as ${type.name}: ${JSON.stringify(instance)}`).toEqual([]);
        checked.set(type.name, (checked.get(type.name) ?? 0) + 1);
      }
    }
    expect([...checked.keys()].sort()).toEqual(['AbstractContentEvent', 'AuthorVideoAddedEvent', 'VideoEvent', 'VideoInputEvent', 'VideoStatusChangeEvent']);
    console.info('validated (event, schema) pairs:', Object.fromEntries(checked));

    const withUuid = { ...snapshot.events[0]!.payload, eventId: '0b6c2a1e-6f2d-4a8b-9c3e-1d2f3a4b5c6d', eventType: snapshot.events[0]!.eventTypeName, occurredAt: snapshot.events[0]!.occurredAt, aggregateId: snapshot.events[0]!.aggregateId };
    const own = files.find((f) => f.eventTypeId === snapshot.events[0]!.eventTypeId)!;
    expect(ajv.getSchema(own.schema.$id as string)!(withUuid)).toBe(true);

    const fixture = toGivenWhenThen(snapshot);
    expect(fixture.given.commands).toHaveLength(300);
    expect(fixture.then.events).toHaveLength(snapshot.events.length);
    expect(fixture.then.projections['videos-by-status']!.length).toBeGreaterThan(0);
    expect(toTraceJson(snapshot).trace).toHaveLength(result.run.step);
  });

  it.each<[string, EnvelopeSettings]>([
    ['this tool\'s envelope', { kind: 'eventflow' }],
    ['CloudEvents', { kind: 'cloudevents', source: '/content' }],
    ['no envelope', { kind: 'none' }],
  ])('with %s, every message of a run (the fixture export) validates against its JSON Schema message schema and AsyncAPI payload, and another envelope\'s does not', async (_, envelope) => {
    const design: FlowDocument = { ...example, id: `${example.id}-${envelope.kind}`, envelope };
    const engine = openSimulationEngine(db);
    await engine.startRun(design, { seed: 5 });
    await engine.fireMany(design.id, { count: 20 });
    await engine.runUntilQuiet(design.id, { maxSteps: 50_000, stepsPerTransaction: 1000 });
    const snapshot = await readRunSnapshot(db, design.id);
    if (!snapshot) throw new Error('no run');
    const events = toGivenWhenThen(snapshot).then.events;
    expect(events.length).toBeGreaterThan(20);

    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const { files } = toJsonSchema(design);
    for (const file of files) ajv.addSchema(file.schema);
    const draft07 = new Ajv({ strict: false, allErrors: true });
    addFormats(draft07);
    const asyncapi = toAsyncApi(design) as unknown as { components: { schemas: Record<string, unknown>; messages: Record<string, { name: string; contentType?: string; payload: object }> } };
    const messages = new Map(Object.entries(asyncapi.components.messages).map(([key, m]) => [m.name, { key, message: m }]));
    const typeId = (name: string) => design.eventTypes.find((t) => t.name === name)!.id;
    const asJsonSchema = (type: string) => ajv.getSchema((files.find((f) => f.eventTypeId === typeId(type))!.schema as { $id: string }).$id)!;
    const compiled = new Map<string, ReturnType<typeof draft07.compile>>();
    // The payload with the document's schemas where its `#/components/schemas/…` references point.
    const asAsyncApi = (type: string) => compiled.get(type) ?? compiled.set(type, draft07.compile({ ...messages.get(type)!.message.payload, components: { schemas: asyncapi.components.schemas } })).get(type)!;
    const otherEnvelope = (e: (typeof events)[number]) => (envelope.kind === 'none' ? { eventId: e.eventId, ...e.payload } : e.payload);
    for (const e of events) {
      for (const validate of [asJsonSchema(e.eventType), asAsyncApi(e.eventType)]) {
        expect(validate(e.message), `${e.eventType}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(validate(otherEnvelope(e)), `${e.eventType} in another envelope`).toBe(false);
      }
    }
    expect(messages.get(events[0]!.eventType)!.message.contentType).toBe(envelope.kind === 'cloudevents' ? 'application/cloudevents+json' : 'application/json');
  });
});
