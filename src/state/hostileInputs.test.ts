import { afterAll, describe, expect, it } from 'vitest';
import { importDesign, recordFrom, validateFlow, type FlowDocument } from '../core';
import { makeEventType, makeField, makeFlow } from '../core/testing';
import example from '../../public/examples/content-platform.json';
import { testBrowser } from './designs/testTabs';

/**
 * Hostile input, table-driven: files a user opens and names a user types, each with the exact
 * message or outcome it must give. Nothing may pollute Object.prototype along the way.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely
const design = (change: (d: Json) => void = () => {}) => {
  const d = structuredClone(example) as Json;
  change(d);
  return JSON.stringify(d);
};
const firstPosition = (d: Json) => d.layout.positions[Object.keys(d.layout.positions)[0]!];
const bigDesign = (events: number) => JSON.stringify({
  schemaVersion: 1, id: 'big', name: 'Big', description: '', producers: [], consumers: [], projections: [], layout: { positions: {} },
  eventTypes: Array.from({ length: events }, (_, i) => ({ id: `e${i}`, kind: 'event', name: `E${i}`, description: '', version: 1, fields: [] })),
});
const refused = (where: string, what: string) => `"design.json" is not a valid design at ${where}: ${what}.`;

/** [what the user opens, file name, text, the exact message, or 'opens' and a check of the design]. */
const FILES: [string, string, string, string | ((doc: FlowDocument) => void)][] = [
  ['only a __proto__ key', 'design.json', '{"__proto__": {"polluted": 1}}', '"design.json" is neither a flow document nor an AsyncAPI document: it has no "schemaVersion" or "asyncapi" field at the top level.'],
  ['a design with an extra __proto__ key', 'design.json', design().replace('{', '{"__proto__": {"polluted": 1},'), (doc) => {
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(doc.name).toBe('Content platform');
  }],
  ['a design with an extra constructor.prototype', 'design.json', design().replace('{', '{"constructor": {"prototype": {"polluted": 1}},'), (doc) => expect(doc.eventTypes).toHaveLength(5)],
  ['a retry limit of −5', 'design.json', design((d) => { d.consumers[0].retryLimit = -5; }), refused('/consumers/0/retryLimit', 'retryLimit: expected a retry limit from 0 to 1,000, found the number -5')],
  ['a retry limit of 1e15', 'design.json', design((d) => { d.consumers[0].retryLimit = 1e15; }), refused('/consumers/0/retryLimit', 'retryLimit: expected a retry limit from 0 to 1,000, found the number 1000000000000000')],
  ['a retry limit of 2.5', 'design.json', design((d) => { d.consumers[0].retryLimit = 2.5; }), refused('/consumers/0/retryLimit', 'retryLimit: expected a whole number, found the number 2.5')],
  ['a zoom of 0', 'design.json', design((d) => { d.layout.viewport = { x: 0, y: 0, zoom: 0 }; }), refused('/layout/viewport/zoom', 'zoom: expected a zoom from 0.05 to 8, found the number 0')],
  ['a zoom of 1000', 'design.json', design((d) => { d.layout.viewport = { x: 0, y: 0, zoom: 1000 }; }), refused('/layout/viewport/zoom', 'zoom: expected a zoom from 0.05 to 8, found the number 1000')],
  ['an event version of 0', 'design.json', design((d) => { d.eventTypes[0].version = 0; }), refused('/eventTypes/0/version', 'version: expected a version from 1 to 1,000,000, found the number 0')],
  ['a position of 1e12', 'design.json', design((d) => { firstPosition(d).x = 1e12; }), refused('/layout/positions/content-ingest/x', 'x: expected a coordinate within ±1,000,000,000, found the number 1000000000000')],
  ['a position that is text', 'design.json', design((d) => { firstPosition(d).x = 'NaN'; }), refused('/layout/positions/content-ingest/x', 'x: expected a number, found the text "NaN"')],
  ['an increment step of 1e300', 'design.json', design((d) => { d.consumers.find((c: Json) => c.id === 'follow-center').handlers[0].effects[0].by = 1e300; }),
    refused('/consumers/1/handlers/0/effects/0/by', 'by: expected a step within ±9,007,199,254,740,991, found the number 1e+300')],
  ['20,001 event types', 'design.json', bigDesign(20_001), refused('/eventTypes', 'eventTypes: at most 20,000 nodes of this kind, found 20,001')],
  ['a name of 1,000,001 characters', 'design.json', design((d) => { d.name = 'x'.repeat(1_000_001); }), refused('/name', 'name: at most 1,000,000 characters, found 1,000,001')],
  ['a name of 10,000 characters', 'design.json', design((d) => { d.name = 'x'.repeat(10_000); }), (doc) => expect(doc.name).toHaveLength(10_000)],
  ['two nodes with the id __proto__', 'design.json', design((d) => { d.eventTypes[0].id = '__proto__'; d.eventTypes[1].id = '__proto__'; }),
    refused('/eventTypes/1/id', "id: '__proto__' is used by another node too (and 3 more problems)")],
  ['a reference to the event type "constructor"', 'design.json', design((d) => { d.consumers[0].handlers[0].eventTypeId = 'constructor'; }),
    refused('/consumers/0/handlers/0/eventTypeId', "eventTypeId: no event type has the id 'constructor'")],
  ['node ids __proto__, constructor and toString', 'design.json', JSON.stringify(makeFlow({ id: 'd', eventTypes: ['__proto__', 'constructor', 'toString'].map((id) => makeEventType({ id, name: id })) })), (doc) => {
    expect(doc.eventTypes.map((e) => e.id)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.keys(doc.layout.positions)).toEqual(['__proto__', 'constructor', 'toString']);
  }],
  ['a stale position keyed __proto__', 'design.json', design((d) => { d.layout.positions = JSON.parse(JSON.stringify(d.layout.positions).replace('{', '{"__proto__":{"x":1,"y":2},')); }),
    (doc) => expect(Object.hasOwn(doc.layout.positions, '__proto__')).toBe(false)],
  ['fields named __proto__ and hasOwnProperty', 'design.json', JSON.stringify(makeFlow({ id: 'd', eventTypes: [makeEventType({ id: 'e', name: 'E', fields: [makeField('__proto__'), makeField('hasOwnProperty')] })] })),
    (doc) => expect(Object.keys(doc.eventTypes[0]?.payload.properties as object)).toEqual(['__proto__', 'hasOwnProperty'])],
  ['a right-to-left override in a name', 'design.json', design((d) => { d.name = '\u202Eevil\u202C'; }), (doc) => expect(doc.name).toBe('\u202Eevil\u202C')],
  ['YAML with a __proto__ key and a position keyed __proto__', 'design.yaml',
    'schemaVersion: 1\nid: d\nname: __proto__\ndescription: ""\neventTypes: []\nproducers: []\nconsumers: []\nprojections: []\nlayout:\n  positions:\n    __proto__: {x: 1, y: 2}\n__proto__:\n  polluted: 1\n',
    (doc) => expect(doc.name).toBe('__proto__')],
  ['YAML whose aliases explode', 'design.yaml', ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`), 'g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]'].join('\n'),
    '"design.yaml" is refused: its aliases expand to more than 2,000,000 values (a document built to exhaust memory).'],
  ['100,000 nested lists', 'design.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, '"design.json" does not hold a design: expected an object at the top level, found an array.'],
  ['5,000 nested objects', 'design.json', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`, '"design.json" is neither a flow document nor an AsyncAPI document: it has no "schemaVersion" or "asyncapi" field at the top level.'],
  ['an empty file', 'design.json', '   ', '"design.json" is empty.'],
  ['broken JSON', 'design.json', '{"schemaVersion": 1, "id": }', '"design.json" is not valid JSON: expected a value, found \'}\' at line 1, column 28.'],
  ['a format from the future', 'design.json', design((d) => { d.schemaVersion = 99; }), refused('/schemaVersion', 'This design was made by a newer version of the app (format 99; this version reads up to 2). Update the app to open it')],
  ['a format number as text', 'design.json', design((d) => { d.schemaVersion = '1'; }), refused('/schemaVersion', 'schemaVersion must be a whole number, found "1"')],
  ['a list at the top', 'design.json', '[1, 2]', '"design.json" does not hold a design: expected an object at the top level, found an array.'],
  ['null', 'design.json', 'null', '"design.json" does not hold a design: expected an object at the top level, found null.'],
  ['an AsyncAPI design, channel, message and property named __proto__ and constructor', 'design.json', JSON.stringify({
    asyncapi: '3.0.0', info: { title: '__proto__', version: '1' }, operations: {},
    channels: JSON.parse('{"constructor": {"address": "x", "messages": {"constructor": {"name": "constructor", "payload": {"type": "object", "properties": {"constructor": {"type": "string"}}}}}}}'),
  }), (doc) => expect(doc.name).toBe('__proto__')],
  // @asyncapi/parser itself reads a key named __proto__ (a channel, a payload property) as the
  // object's prototype (its validator then sees the inner keywords): the import says where, and
  // changes nothing.
  ['an AsyncAPI payload property named __proto__', 'design.json', JSON.stringify({
    asyncapi: '3.0.0', info: { title: 't', version: '1' }, operations: {},
    channels: JSON.parse('{"c": {"address": "x", "messages": {"m": {"name": "m", "payload": {"type": "object", "properties": {"__proto__": {"type": "string"}}}}}}}'),
  }), 'design.json at /channels/c/messages/m/payload/properties/type (line 1): "type" property type must be object,boolean (and 1 more problem).'],
];

/** [what the user types, where, the name, the validator's exact findings for it]. */
const TYPED: [string, 'design' | 'event' | 'field', string, string[]][] = [
  ['__proto__ as the design name', 'design', '__proto__', []],
  ['constructor as an event name', 'event', 'constructor', []],
  ['toString as a field name', 'field', 'toString', []],
  ['__proto__ as a field name', 'field', '__proto__', []],
  ['an empty event name', 'event', '', ["The event type 'e' has no name: give it one in its inspector"]],
  ['a name of spaces only', 'event', '   ', ["The event type 'e' has no name: give it one in its inspector"]],
  ['a name with a right-to-left override', 'event', '\u202EtnevE\u202C', []],
  ['a look-alike (Cyrillic і)', 'event', 'Orderіd', []],
  ['10,000 characters', 'event', 'y'.repeat(10_000), []],
];

const browser = testBrowser();
afterAll(() => browser.closeAll());
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('hostile input, each with its exact outcome', () => {
  it.each(FILES)('opening %s', async (_what, fileName, text, expected) => {
    const result = await importDesign(text, fileName, new TextEncoder().encode(text).length);

    if (typeof expected === 'string') {
      expect(result).toEqual({ ok: false, message: expected });
    } else {
      expect(result.ok, result.ok ? '' : result.message).toBe(true);
      if (result.ok) expected(result.doc);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  });

  it.each(TYPED)('typing %s', async (_what, where, name, problems) => {
    const tab = await browser.startTab();
    const start = makeFlow({ id: 'd', name: 'Typed', eventTypes: [makeEventType({ id: 'e', name: 'Event', fields: ['first'] })] });
    await tab.store.getState().openDesign(start);
    const state = tab.store.getState();
    const event = state.doc!.eventTypes[0]!;
    if (where === 'design') state.setDesignInfo({ name });
    if (where === 'event') state.updateNode({ ...event, name });
    if (where === 'field') state.updateNode({ ...event, payload: { type: 'object', properties: recordFrom([[name, { type: 'string' }]]), required: [name] } });
    await state.flushAutosave();

    const typed = tab.store.getState().doc!;
    const reloaded = await browser.startTab();
    await reloaded.store.getState().switchDesign(typed.id);
    expect(reloaded.store.getState().doc).toEqual(typed);
    const onScreen = where === 'design' ? typed.name : where === 'event' ? typed.eventTypes[0]!.name : Object.keys(typed.eventTypes[0]!.payload.properties as object)[0];
    expect(onScreen).toBe(name);
    const findings = validateFlow(typed).filter((p) => p.severity === 'error').map((p) => p.message);
    expect(findings).toEqual(problems);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('counts at least 30 hostile inputs', () => {
    expect(FILES.length + TYPED.length).toBeGreaterThanOrEqual(30);
  });
});
