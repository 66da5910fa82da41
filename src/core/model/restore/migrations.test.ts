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

  it('given a format 0 design, when restored, then positions, inbox and publish modes are in the format 1 places', () => {
    const input = versionZeroDocument();
    const result = restoreFlowDocument(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(0);
    const { doc } = result;
    expect(doc.schemaVersion).toBe(1);
    expect(doc.description).toBe('');
    expect(doc.layout).toEqual({
      positions: { placed: { x: 300, y: 0 }, shop: { x: 0, y: 0 }, billing: { x: 600, y: 0 } },
      viewport: { x: 10, y: 20, zoom: 1.5 },
    });
    expect(doc.consumers[0]).toMatchObject({ useInbox: false, publishMode: 'outbox', description: '' });
    expect(doc.projections[0]).toMatchObject({ description: '' });
    expect(doc.eventTypes[0]).toMatchObject({ version: 1, description: '' });
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
});
