import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../types';
import { MIGRATIONS, migrateToCurrent } from './migrations';
import { restoreFlowDocument } from './restoreFlowDocument';

/** A design as the pre-release app (format 0) saved it. */
function versionZeroDocument() {
  return {
    schemaVersion: 0,
    id: 'old',
    name: 'Old design',
    viewport: { x: 10, y: 20, zoom: 1.5 },
    eventTypes: [{ id: 'placed', kind: 'event', name: 'Placed', fields: [{ name: 'orderId', type: 'string', required: true }], position: { x: 300, y: 0 } }],
    producers: [{
      id: 'shop', kind: 'producer', name: 'shop', aggregate: 'order', position: { x: 0, y: 0 },
      commands: [{
        id: 'place', name: 'Place', inputFields: [{ name: 'orderId', type: 'string', required: true }],
        aggregateId: { from: 'input', field: 'orderId' }, rowChanges: [],
        emits: [{ eventTypeId: 'placed', mappings: [{ target: 'orderId', source: { from: 'input', field: 'orderId' } }] }],
      }],
    }],
    consumers: [{ id: 'billing', kind: 'consumer', name: 'billing', inbox: false, retryLimit: 2, handlers: [{ eventTypeId: 'placed', effects: [], emits: [] }], position: { x: 600, y: 0 } }],
    projections: [{ id: 'orders', kind: 'projection', name: 'orders', key: 'id', columns: [{ name: 'id', type: 'string' }] }],
  };
}

describe('migrations', () => {
  it('has one step per version below the current one, in order', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([...Array(CURRENT_SCHEMA_VERSION).keys()]);
  });

  it('given a format 0 design, when restored, then positions, inbox and publish modes are in the format 1 places (and on to the current format)', () => {
    const input = versionZeroDocument();
    const result = restoreFlowDocument(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(0);
    const { doc } = result;
    expect(doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(doc.description).toBe('');
    expect(doc.layout).toEqual({
      positions: { placed: { x: 300, y: 0 }, shop: { x: 0, y: 0 }, billing: { x: 600, y: 0 } },
      viewport: { x: 10, y: 20, zoom: 1.5 },
    });
    expect(doc.consumers[0]).toMatchObject({ useInbox: false, publishMode: 'outbox', description: '' });
    expect(doc.projections[0]).toMatchObject({ description: '' });
    expect(doc.eventTypes[0]).toMatchObject({ version: 1, description: '', payload: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] } });
    expect(doc.consumers[0]).not.toHaveProperty('inbox');
    expect(doc.consumers[0]).not.toHaveProperty('position');
    expect(doc.producers[0]).toMatchObject({ publishMode: 'outbox' });
    expect(input.consumers[0]).toHaveProperty('inbox', false);
  });

  it('given a broken format 0 design, then the errors point into the migrated document', () => {
    const input = versionZeroDocument();
    (input.consumers[0] as Record<string, unknown>).inbox = 'yes';
    expect(restoreFlowDocument(input)).toEqual({
      ok: false,
      errors: [{ path: '/consumers/0/useInbox', message: 'useInbox: expected true or false, found the text "yes"' }],
    });
  });

  it('given a current design, then nothing is migrated', () => {
    const result = migrateToCurrent({ schemaVersion: CURRENT_SCHEMA_VERSION, id: 'x' });
    expect(result).toEqual({ ok: true, doc: { schemaVersion: CURRENT_SCHEMA_VERSION, id: 'x' } });
  });

  it('refuses a design from a newer app, and a missing or odd version', () => {
    expect(migrateToCurrent({ schemaVersion: 7 })).toMatchObject({ ok: false, path: '/schemaVersion', message: expect.stringMatching(/made by a newer version of the app \(format 7/) });
    expect(migrateToCurrent({})).toMatchObject({ ok: false, message: expect.stringMatching(/missing/) });
    expect(migrateToCurrent({ schemaVersion: '1' })).toMatchObject({ ok: false, message: expect.stringMatching(/whole number/) });
  });

  it('given a format 1 design, when restored, then fields become JSON Schema and names become paths, losing nothing', () => {
    const v1 = {
      schemaVersion: 1, id: 'v1', name: 'Format 1', description: '',
      eventTypes: [
        { id: 'base', kind: 'event', name: 'Base', description: '', version: 1, abstract: true, aggregateIdField: 'a/b~c',
          fields: [{ name: 'a/b~c', type: 'uuid', required: true, description: 'odd name', example: '3f1c1f8e-5b7a-4d3e-9c1a-0b2d4e6f8a10' }] },
        { id: 'placed', kind: 'event', name: 'Placed', description: '', version: 3, extends: 'base', fields: [
          { name: 'status', type: 'enum', required: true, enumValues: ['new', 'paid'], example: 'new' },
          { name: 'tags', type: 'array', required: false, itemType: 'integer', example: 4 },
          { name: 'at', type: 'date-time', required: false },
          { name: '__proto__', type: 'boolean', required: false },
          { name: 'meta', type: 'object', required: false },
          { name: 'n', type: 'number', required: true, example: null },
          { name: 'n', type: 'integer', required: false },
        ] },
      ],
      producers: [{ id: 'shop', kind: 'producer', name: 'shop', description: '', aggregate: 'order', publishMode: 'outbox', commands: [{
        id: 'place', name: 'Place', inputFields: [{ name: 'id', type: 'uuid', required: true }, { name: 'status', type: 'enum', required: false, enumValues: [] }],
        aggregateId: { from: 'input', field: 'id' },
        rowChanges: [{ target: 'state', source: { from: 'input', field: 'status' } }],
        emits: [{ eventTypeId: 'placed', mappings: [
          { target: 'a/b~c', source: { from: 'input', field: 'id' } },
          { target: 'status', source: { from: 'before', column: 'state' } },
          { target: 'n', source: { from: 'literal', value: 1 } },
        ] }],
      }] }],
      consumers: [{ id: 'billing', kind: 'consumer', name: 'billing', description: '', useInbox: true, retryLimit: 3, publishMode: 'outbox', handlers: [{
        eventTypeId: 'placed',
        effects: [
          { kind: 'upsert', projectionId: 'orders', key: { from: 'event', field: 'a/b~c' }, set: [{ target: 'status', source: { from: 'event', field: 'status' } }, { target: 'seen', source: { from: 'event', field: 'occurredAt' } }] },
          { kind: 'append', projectionId: 'orders', key: { from: 'event', field: 'aggregateId' }, column: 'ids', value: { from: 'event', field: 'eventId' } },
        ],
        emits: [],
      }] }],
      projections: [{ id: 'orders', kind: 'projection', name: 'orders', description: '', key: 'id', columns: [{ name: 'id', type: 'string' }, { name: 'status', type: 'string' }, { name: 'seen', type: 'date-time' }, { name: 'ids', type: 'list' }] }],
      layout: { positions: {} },
    };

    const result = restoreFlowDocument(v1);

    expect(result.ok && result.migratedFrom).toBe(1);
    if (!result.ok) return;
    const { doc } = result;
    expect(doc).toMatchObject({ schemaVersion: 2, envelope: { kind: 'eventflow' }, schemaLibrary: [] });
    expect(doc.eventTypes[0]).toMatchObject({ aggregateIdPath: '/a~1b~0c', payload: {
      type: 'object', required: ['a/b~c'],
      properties: { 'a/b~c': { type: 'string', format: 'uuid', description: 'odd name', examples: ['3f1c1f8e-5b7a-4d3e-9c1a-0b2d4e6f8a10'] } },
    } });
    const placed = doc.eventTypes[1]!.payload;
    expect(JSON.parse(JSON.stringify(placed))).toEqual(JSON.parse(JSON.stringify({
      type: 'object',
      properties: JSON.parse('{"status":{"type":"string","enum":["new","paid"],"examples":["new"]},"tags":{"type":"array","items":{"type":"integer"},"examples":[[4]]},"at":{"type":"string","format":"date-time"},"__proto__":{"type":"boolean"},"meta":{"type":"object","properties":{}},"n":{"type":"integer"}}'),
      required: ['status'],
      'x-eventflow-duplicate-fields': [{ name: 'n', type: 'number', required: true, example: null }],
    })));
    expect(Object.getPrototypeOf(placed.properties)).toBe(Object.prototype);
    const command = doc.producers[0]!.commands[0]!;
    expect(command.input).toEqual({ type: 'object', properties: { id: { type: 'string', format: 'uuid' }, status: { type: 'string', enum: [] } }, required: ['id'] });
    expect(command.aggregateId).toEqual({ from: 'input', path: '/id' });
    expect(command.rowChanges).toEqual([{ target: 'state', source: { from: 'input', path: '/status' } }]);
    expect(command.emits[0]!.mappings).toEqual([
      { target: '/a~1b~0c', source: { from: 'input', path: '/id' } },
      { target: '/status', source: { from: 'before', column: 'state' } },
      { target: '/n', source: { from: 'literal', value: 1 } },
    ]);
    expect(doc.consumers[0]!.handlers[0]!.effects).toEqual([
      { kind: 'upsert', projectionId: 'orders', key: { from: 'event', path: '/a~1b~0c' }, set: [
        { target: 'status', source: { from: 'event', path: '/status' } }, { target: 'seen', source: { from: 'envelope', path: '/occurredAt' } }] },
      { kind: 'append', projectionId: 'orders', key: { from: 'envelope', path: '/aggregateId' }, column: 'ids', value: { from: 'envelope', path: '/eventId' } },
    ]);
    expect(v1.eventTypes[1]!.fields).toHaveLength(7);
  });

  it('given a format 1 field the migration cannot convert, then the error names the field in format 1 terms', () => {
    const result = restoreFlowDocument({
      schemaVersion: 1, id: 'x', name: 'x', description: '', producers: [], consumers: [], projections: [], layout: { positions: {} },
      eventTypes: [{ id: 'a', kind: 'event', name: 'A', description: '', version: 1, fields: [{ name: 'ok', type: 'string', required: true }, { type: 'string', required: true }] }],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(expect.arrayContaining([
      { path: '/eventTypes/0/fields/1/name', message: 'name: missing' },
      { path: '/eventTypes/0/payload', message: 'payload: missing' },
    ]));
  });
});
