import { beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { importDesignFiles, MAX_IMPORT_BYTES, type ImportFile } from '../importDesign';
import { toAsyncApi } from './toAsyncApi';
import { loadAsyncApiTools, type AsyncApiTools } from './tools';

let tools: AsyncApiTools;
beforeAll(async () => { tools = await loadAsyncApiTools(); });

const file = (path: string, value: unknown): ImportFile => {
  const text = typeof value === 'string' ? value : toYaml(value, { aliasDuplicateObjects: false });
  return { path, text, sizeBytes: text.length };
};
const read = (...files: ImportFile[]) => importDesignFiles(files, { tools });

/** An AsyncAPI 3.0 document with one receive operation per message. */
function doc3(messages: Record<string, unknown>, schemas: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    asyncapi: '3.0.0',
    info: { title: 'Shop', version: '1.0.0' },
    channels: { orders: { address: 'orders', messages: Object.fromEntries(Object.keys(messages).map((k) => [k, { $ref: `#/components/messages/${k}` }])) } },
    operations: { receiveOrders: { action: 'receive', channel: { $ref: '#/channels/orders' } } },
    components: { messages, schemas },
    ...extra,
  };
}

describe('AsyncAPI import: payloads keep their meaning', () => {
  it('keeps numeric enums, null, constraints, formats, defaults, nested objects and arrays of objects', async () => {
    const payload = {
      type: 'object',
      required: ['level', 'lines'],
      properties: {
        level: { enum: [1, 2, 5] },
        coupon: { type: ['string', 'null'], pattern: '^[A-Z]{4}$' },
        total: { type: 'number', minimum: 0, exclusiveMaximum: 10000, default: 0 },
        email: { type: 'string', format: 'email', maxLength: 120 },
        customer: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'] },
        lines: { type: 'array', minItems: 1, items: { type: 'object', properties: { qty: { type: 'integer', minimum: 1 } } } },
      },
    };
    const result = await read(file('shop.yaml', doc3({ Ordered: { payload } })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.eventTypes[0]!.payload).toEqual(payload);
    expect(result.doc.envelope).toEqual({ kind: 'none' });
  });

  it('exports an imported message as written while it travels bare, and wrapped once the design chooses an envelope', async () => {
    const payload = { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'], 'x-team': 'shop' };
    const result = await read(file('shop.yaml', doc3({ Ordered: { contentType: 'application/json', payload } })));
    if (!result.ok) throw new Error(result.message);
    const exportedPayload = (doc: typeof result.doc) => {
      const exported = toAsyncApi(doc) as unknown as { components: { schemas: Record<string, unknown>; messages: Record<string, { contentType: string; payload: Record<string, unknown> }> } };
      const message = Object.values(exported.components.messages)[0]!;
      const ref = message.payload.$ref;
      return { ...message, payload: (typeof ref === 'string' ? exported.components.schemas[ref.split('/').pop()!] : message.payload) as Record<string, unknown> };
    };
    expect(exportedPayload(result.doc)).toMatchObject({ contentType: 'application/json', payload });
    const cloud = exportedPayload({ ...result.doc, envelope: { kind: 'cloudevents' } });
    expect(cloud.contentType).toBe('application/cloudevents+json');
    expect(cloud.payload).toMatchObject({ required: ['specversion', 'id', 'source', 'type', 'data'], properties: { data: { $ref: '#/components/schemas/OrderedPayload' } } });
    const own = exportedPayload({ ...result.doc, envelope: { kind: 'eventflow' } });
    expect(own.payload.allOf).toHaveLength(2);
  });

  it('keeps a root oneOf and a shared payload: two messages, two event types, one library schema', async () => {
    const schemas = { Money: { type: 'object', properties: { amount: { type: 'number' } } }, Choice: { oneOf: [{ type: 'string' }, { type: 'integer' }] } };
    const result = await read(file('shop.yaml', doc3({
      Paid: { payload: { $ref: '#/components/schemas/Money' } },
      Refunded: { payload: { $ref: '#/components/schemas/Money' } },
      Picked: { payload: { type: 'object', properties: { choice: { $ref: '#/components/schemas/Choice' } } } },
    }, schemas)));
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.eventTypes.map((t) => t.name)).toEqual(['Paid', 'Refunded', 'Picked']);
    expect(result.doc.eventTypes[0]!.payload).toEqual(schemas.Money);
    expect(result.doc.eventTypes[1]!.payload).toEqual(schemas.Money);
    expect(result.doc.eventTypes[2]!.payload).toEqual({ type: 'object', properties: { choice: { $ref: '#/$defs/Choice' } } });
    expect(result.doc.schemaLibrary).toEqual([{ name: 'Choice', schema: schemas.Choice }]);
  });

  it('reads application/schema+yaml;version=draft-07 as JSON Schema and Avro through the Avro schema parser', async () => {
    const result = await read(file('shop.yaml', doc3({
      Draft7: { payload: { schemaFormat: 'application/schema+yaml;version=draft-07', schema: { type: 'object', properties: { id: { type: 'string' } } } } },
      Avro: { payload: { schemaFormat: 'application/vnd.apache.avro;version=1.9.0', schema: { type: 'record', name: 'Order', fields: [{ name: 'qty', type: 'int' }, { name: 'note', type: ['null', 'string'], default: null }] } } },
    })));
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings).toEqual([]);
    const [draft7, avro] = result.doc.eventTypes;
    expect(draft7!.payload).toEqual({ type: 'object', properties: { id: { type: 'string' } } });
    expect(avro!.payload).toMatchObject({ type: 'object', required: ['qty'], properties: { qty: { type: 'integer', minimum: -2147483648, maximum: 2147483647 } } });
    expect(avro!.message?.payloadSource?.schemaFormat).toBe('application/vnd.apache.avro;version=1.9.0');
  });

  it('keeps another format (Protobuf) as an opaque payload with a warning, never refusing the document', async () => {
    const result = await read(file('shop.yaml', doc3({
      Proto: { payload: { schemaFormat: 'application/vnd.google.protobuf;version=3', schema: 'message Point { int32 x = 1; }' } },
      Plain: { payload: { type: 'object' } },
    })));
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.eventTypes.map((t) => t.name)).toEqual(['Proto', 'Plain']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ file: 'shop.yaml', pointer: '/components/messages/Proto/payload/schema' });
    expect(result.warnings[0]!.message).toContain('application/vnd.google.protobuf;version=3');
    expect(result.doc.eventTypes[0]!.message?.payloadSource).toEqual({ schemaFormat: 'application/vnd.google.protobuf;version=3', schema: 'message Point { int32 x = 1; }', readAs: {} });
  });

  it('keeps names, titles, summaries, examples, headers and correlation ids', async () => {
    const result = await read(file('shop.yaml', doc3({
      Ordered: {
        name: 'OrderPlaced', title: 'Order placed', summary: 'A customer ordered', description: 'Long text',
        headers: { type: 'object', properties: { traceId: { type: 'string' } } },
        correlationId: { location: '$message.header#/traceId' },
        examples: [{ name: 'small', payload: { id: 'o-1' } }],
        payload: { type: 'object', properties: { id: { type: 'string' } } },
      },
    })));
    if (!result.ok) throw new Error(result.message);
    const [type] = result.doc.eventTypes;
    expect(type!.name).toBe('OrderPlaced');
    expect(type!.description).toBe('Long text');
    expect(type!.message).toEqual({
      key: 'Ordered',
      fields: { name: 'OrderPlaced', title: 'Order placed', summary: 'A customer ordered', correlationId: { location: '$message.header#/traceId' }, examples: [{ name: 'small', payload: { id: 'o-1' } }] },
      headers: { type: 'object', properties: { traceId: { type: 'string' } } },
    });
  });
});

describe('AsyncAPI import: roles and services', () => {
  it('reads 2.x as the spec defines it: subscribe = the application sends, publish = it receives', async () => {
    const result = await read(file('svc.yaml', {
      asyncapi: '2.6.0', info: { title: 'Accounts', version: '1' },
      channels: {
        'user/signedup': { subscribe: { operationId: 'sendSignedUp', message: { name: 'UserSignedUp', payload: { type: 'object' } } } },
        'user/deleted': { publish: { operationId: 'onDeleted', message: { name: 'UserDeleted', payload: { type: 'object' } } } },
      },
    }));
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.producers.map((p) => [p.name, p.commands.map((c) => c.emits[0]!.eventTypeId)])).toEqual([['Accounts', ['user-signed-up']]]);
    expect(result.doc.consumers.map((c) => [c.name, c.handlers.map((h) => h.eventTypeId)])).toEqual([['Accounts consumer', ['user-deleted']]]);
  });

  it('makes one design of several services: a message sent by one and received by another is one event type', async () => {
    const common = { OrderPlaced: { name: 'OrderPlaced', payload: { type: 'object', properties: { id: { type: 'string' } } } } };
    const service = (title: string, action: 'send' | 'receive') => ({
      asyncapi: '3.0.0', info: { title, version: '1' },
      channels: { orders: { address: 'orders', messages: { placed: { $ref: '../common/messages.yaml#/OrderPlaced' } } } },
      operations: { [`${action}Order`]: { action, channel: { $ref: '#/channels/orders' } } },
    });
    const result = await read(file('shop/common/messages.yaml', common), file('shop/orders/asyncapi.yaml', service('Orders', 'send')), file('shop/billing/asyncapi.yaml', service('Billing', 'receive')));
    if (!result.ok) throw new Error(result.message);
    expect(result.kind).toBe('asyncapi-set');
    expect(result.doc.eventTypes.map((t) => t.name)).toEqual(['OrderPlaced']);
    expect(result.doc.producers.map((p) => p.name)).toEqual(['Orders']);
    expect(result.doc.consumers.map((c) => [c.name, c.handlers[0]!.eventTypeId])).toEqual([['Billing', 'order-placed']]);
    expect(result.doc.asyncapi?.channels.map((c) => c.address)).toEqual(['orders']);
    expect(result.doc.asyncapi?.services.map((s) => s.title)).toEqual(['Orders', 'Billing']);
  });

  it('resolves references when the files are given without their folders', async () => {
    const result = await read(
      file('messages.yaml', { Ping: { payload: { type: 'object' } } }),
      file('api.yaml', doc3({ Ping: { $ref: '../common/messages.yaml#/Ping' } })),
    );
    expect(result.ok).toBe(true);
  });
});

const refused = async (files: ImportFile[], ...parts: string[]) => {
  const result = await read(...files);
  expect(result.ok).toBe(false);
  if (!result.ok) for (const part of parts) expect(result.message).toContain(part);
};

describe('AsyncAPI import: bad input is refused with its place, and nothing is half-imported', () => {
  it('refuses an inheritance cycle (allOf A ↔ B)', async () => {
    await refused([file('cycle.yaml', doc3({ M: { payload: { $ref: '#/components/schemas/A' } } }, {
      A: { allOf: [{ $ref: '#/components/schemas/B' }, { properties: { a: { type: 'string' } } }] },
      B: { allOf: [{ $ref: '#/components/schemas/A' }] },
    }))], 'Inheritance cycle: B → A → B', 'cycle.yaml at /components/schemas/B (line 29)');
  });

  it('accepts a recursive structure (a tree through properties is not a cycle)', async () => {
    const result = await read(file('tree.yaml', doc3({ M: { payload: { $ref: '#/components/schemas/Node' } } }, {
      Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
    })));
    expect(result.ok).toBe(true);
  });

  it('refuses an unknown local $ref and a file that was not given, with file and line', async () => {
    await refused([file('a.yaml', doc3({ M: { payload: { $ref: '#/components/schemas/Nope' } } }))], 'a.yaml at /components/messages/M/payload', 'line', 'Nope');
    await refused([file('b.yaml', doc3({ M: { payload: { $ref: './other.yaml#/X' } } }))], 'names the file "./other.yaml", which is not among the one file given');
  });

  it('renames the second of two different messages with one name, with a warning the user sees', async () => {
    const result = await read(file('dup.yaml', doc3({
      A: { name: 'Same', payload: { type: 'object', properties: { a: { type: 'string' } } } },
      B: { name: 'Same', payload: { type: 'object', properties: { b: { type: 'integer' } } } },
    })));
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.eventTypes.map((t) => t.name)).toEqual(['Same', 'Same_2']);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('Two different messages are named "Same"')]);
  });

  it('refuses files over the size limit before reading them, and an unsupported version with a hint', async () => {
    await refused([{ path: 'big.yaml', text: '', sizeBytes: MAX_IMPORT_BYTES + 1 }], '"big.yaml" is 10.0 MB; files over 10.0 MB are refused.');
    await refused([file('old.yaml', { asyncapi: '1.2.0', info: { title: 'x', version: '1' }, topics: {} })], 'AsyncAPI version "1.2.0" cannot be read', 'convert AsyncAPI 1.x documents');
  });

  it('refuses a document the parser finds invalid, with the parser\'s message and place', async () => {
    await refused([file('bad.yaml', { ...doc3({ M: { payload: { type: 'object' } } }), operations: { o: { action: 'send', channel: { $ref: '#/channels/orders' }, bindings: 12 } } })], 'bad.yaml at /operations/o/bindings');
  });

  it('accepts many aliases to one anchor and reasonable nesting; refuses a billion-laughs document', async () => {
    const many = ['asyncapi: 3.0.0', 'info: { title: Aliases, version: "1" }', 'components:', '  schemas:', '    Id: &id { type: string, minLength: 1 }',
      ...Array.from({ length: 400 }, (_, i) => `    F${i}: { type: object, properties: { id: *id } }`), 'channels: {}'].join('\n');
    expect((await read({ path: 'aliases.yaml', text: many, sizeBytes: many.length })).ok).toBe(true);
    let nested: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 60; i++) nested = { type: 'object', properties: { [`p${i}`]: nested } };
    expect((await read(file('deep.yaml', doc3({ M: { payload: nested } })))).ok).toBe(true);
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'asyncapi: 3.0.0'].join('\n');
    await refused([{ path: 'lol.yaml', text: lol, sizeBytes: lol.length }], 'aliases expand to more than');
  });
});
