import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  childPath, getOwn, importDesign, lastSegment, recordFrom, serializeFlowDocument, toJsonSchema, type FlowDocument, type JsonSchemaObject, type JsonValue,
} from '../core';
import { makeConsumer, makeEventType, makeField, makeFlow, makeHandler, makeProducer, makeProjection, makeCommand } from '../core/testing';
import { freshEngine } from '../persistence/simulation/testEngine';
import { testBrowser } from './designs/testTabs';

/**
 * Any string is a name. Every name and id of a design is drawn from strings that break plain
 * objects, look-alikes, invisible and direction-changing characters, markup and 10,000 characters;
 * the design goes edit → save → reload → run → export → import and must come out the same.
 */
const HOSTILE = [
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'toJSON', 'then',
  'videoId', 'vіdeoId' /* Cyrillic і */, 'ｖｉｄｅｏＩｄ' /* full width */, '\u202Eevil\u202C', 'a\u200Bb', '𝒳𝒴', 'مرحبا',
  ' ', '.', '/', '~0', '~1', '$ref', '"quoted"', '<script>alert(1)</script>', 'null', 'undefined', '0', '-1', 'NaN',
  'x'.repeat(10_000),
];

/** The names that break plain objects come up half the time, so a dozen runs meet them in every role. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const hostile = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom(...HOSTILE));
const distinctHostile = (min: number, max: number) => fc.uniqueArray(hostile, { minLength: min, maxLength: max });

/** A connected design: producer → event → consumer → projection, every name and id hostile. */
interface DesignNames { ids: string[]; names: string[]; fields: string[]; columns: string[] }
const hostileNames: fc.Arbitrary<DesignNames> = fc.record({
  ids: distinctHostile(6, 6),
  names: fc.array(hostile, { minLength: 6, maxLength: 6 }),
  fields: distinctHostile(1, 4),
  columns: distinctHostile(1, 3),
});
const hostileDesign = hostileNames.map(designFrom);
function designFrom({ ids, names, fields, columns }: DesignNames): FlowDocument {
  const [designId, eventId, producerId, commandId, consumerId, projectionId] = ids as [string, string, string, string, string, string];
  const [designName, eventName, producerName, commandName, consumerName, projectionName] = names as [string, string, string, string, string, string];
  const [key] = fields as [string];
  const event = makeEventType({ id: eventId, name: eventName, fields: fields.map((f) => makeField(f)), aggregateIdField: key });
  const command = makeCommand({
    id: commandId, name: commandName, inputFields: fields.map((f) => makeField(f)),
    aggregateId: { from: 'input', path: childPath('', key) },
    emits: [{ eventTypeId: eventId, mappings: fields.map((f) => ({ target: childPath('', f), source: { from: 'input', path: childPath('', f) } })) }],
  });
  const producer = makeProducer({ id: producerId, name: producerName, commands: [command] });
  const projection = makeProjection({ id: projectionId, name: projectionName, key: columns[0], columns });
  const consumer = makeConsumer({
    id: consumerId, name: consumerName,
    handlers: [makeHandler(eventId, {
      effects: [{
        kind: 'upsert', projectionId, key: { from: 'event', path: childPath('', key) },
        set: columns.map((column, i) => ({ target: column, source: { from: 'event', path: childPath('', fields[i % fields.length]!) } })),
      }],
    })],
  });
  return makeFlow({ id: designId, name: designName, eventTypes: [event], producers: [producer], consumers: [consumer], projections: [projection] });
}
/** Every role played by `__proto__` and by `constructor` at least once, whatever the seed. */
const everyRole = (name: string, other: string) => ({
  ids: [other, name, `${other}-p`, `${other}-c`, `${other}-k`, `${other}-r`], names: Array(6).fill(name) as string[], fields: [name, other], columns: [name, other],
});
const EXAMPLES = [designFrom(everyRole('__proto__', 'constructor')), designFrom(everyRole('constructor', '__proto__')), designFrom(everyRole('toString', 'valueOf'))];

const RUNS = { numRuns: 12 };
const browser = testBrowser();

/** The property names of a payload schema (integer-like names such as '0' come first, as in any object). */
const propertyNames = (schema: JsonSchemaObject) => Object.keys((schema.properties ?? {}) as object);

afterAll(() => browser.closeAll());

const pollutionFree = () => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
};
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('any string is a name', () => {
  it('edit → save → reload: a design named and keyed with hostile strings comes back exactly, and edits by those ids work', async () => {
    await fc.assert(fc.asyncProperty(hostileDesign, hostile, async (design, newName) => {
      const tab = await browser.startTab();
      await tab.store.getState().openDesign(design);
      const opened = tab.store.getState().doc!;
      const { id: _designId, name: _designName, ...content } = design;
      expect(opened).toMatchObject(content);

      const [producer] = opened.producers;
      tab.store.getState().updateNode({ ...producer!, name: newName });
      const ids = [...opened.eventTypes, ...opened.producers, ...opened.consumers, ...opened.projections].map((n) => n.id);
      tab.store.getState().moveNodes(recordFrom(ids.map((id, i) => [id, { x: 480 + i, y: 120 }])), false);
      await tab.store.getState().flushAutosave();
      const edited = tab.store.getState().doc!;
      expect(edited.producers[0]?.name).toBe(newName);
      ids.forEach((id, i) => expect(getOwn(edited.layout.positions, id)).toEqual({ x: 480 + i, y: 120 }));
      expect(Object.keys(edited.layout.positions).sort()).toEqual(Object.keys(opened.layout.positions).sort());

      const reloaded = await browser.startTab();
      await reloaded.store.getState().switchDesign(edited.id);
      expect(reloaded.store.getState().doc).toEqual(edited);
      pollutionFree();
    }), { ...RUNS, examples: EXAMPLES.map((d) => [d, '__proto__'] as [FlowDocument, string]) });
  });

  it('run: each command fired with hostile field names and keys lands in the event store, in the projection row it keys, in time travel and in a rebuild', async () => {
    const { engine, db, close } = freshEngine();
    try {
      await fc.assert(fc.asyncProperty(hostileDesign, fc.array(fc.oneof(hostile, fc.string({ minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 3 }), async (design, keys) => {
        const [producer] = design.producers;
        const [command] = producer!.commands;
        const fields = propertyNames(design.eventTypes[0]!.payload);
        const keyField = lastSegment(design.eventTypes[0]!.aggregateIdPath ?? '');
        const projection = design.projections[0]!;
        await engine.startRun(design);
        for (const key of keys) {
          const payload = recordFrom<JsonValue>(fields.map((f) => [f, f === keyField ? key : `${f.slice(0, 5)}-value`]));
          await engine.fire(design.id, { producerId: producer!.id, commandId: command!.id, payload });
        }
        const { run } = await engine.runUntilQuiet(design.id, { maxSteps: 500 });
        expect(run.quiet).toBe(true);
        expect(run.position).toBe(keys.length);
        const rows = await db.projectionRows.where('[runId+projectionId+key]').between([design.id, projection.id], [design.id, projection.id, '\uffff']).toArray();
        expect(rows.map((r) => r.key).sort()).toEqual([...new Set(keys)].sort());
        for (const row of rows) {
          for (const column of projection.columns) expect(Object.hasOwn(row.values, column.name)).toBe(true);
        }
        // Time travel to the end and a rebuild from the event store give the same rows.
        const at = await engine.projectionsAt(design.id, run.position);
        expect([...(at.built.get(projection.id)?.keys() ?? [])].sort()).toEqual([...new Set(keys)].sort());
        expect([...(at.rebuilt.get(projection.id)?.keys() ?? [])].sort()).toEqual([...new Set(keys)].sort());
        expect((await engine.compareWithRebuild(design.id)).equal).toBe(true);
        pollutionFree();
      }), { ...RUNS, examples: EXAMPLES.map((d) => [d, ['__proto__', 'constructor', 'toString']] as [FlowDocument, string[]]) });
    } finally {
      await close();
    }
  });

  it('export → import: the flow document and the JSON Schema keep every hostile name as an own key', async () => {
    await fc.assert(fc.asyncProperty(hostileDesign, async (design) => {
      const text = serializeFlowDocument(design);
      const imported = await importDesign(text, 'design.flow.json', text.length);
      expect(imported.ok && imported.doc).toEqual(design);

      const { bundle } = toJsonSchema(design);
      const event = design.eventTypes[0]!;
      // Definition keys are the names made safe for JSON Pointers; the event's own name is its title.
      const defs = Object.values(bundle.$defs as Record<string, unknown>);
      expect(defs.some((def) => (def as { title?: unknown }).title === event.name)).toBe(true);
      // Every payload field is an own key of a `properties` object of the export, whatever its name.
      const propertyObjects: object[] = [];
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (typeof value === 'object' && value !== null) {
          const properties = getOwn(value as Record<string, unknown>, 'properties');
          if (typeof properties === 'object' && properties !== null) propertyObjects.push(properties);
          Object.values(value).forEach(walk);
        }
      };
      walk(defs);
      for (const field of propertyNames(event.payload)) expect(propertyObjects.some((p) => Object.hasOwn(p, field)), field).toBe(true);
      pollutionFree();
    }), { ...RUNS, examples: EXAMPLES.map((d) => [d] as [FlowDocument]) });
  });
});
