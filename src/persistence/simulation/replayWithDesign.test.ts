import { afterEach, describe, expect, it } from 'vitest';
import type { EventType, FlowDocument } from '../../core';
import { makeCommand, makeConsumer, makeEventType, makeFlow, makeHandler, makeProducer, makeProjection } from '../../core/testing';
import { freshEngine, runToQuiet } from './testEngine';

/** v1: OrderPlaced { orderId, total }; a projection of totals by order. */
function v1(): FlowDocument {
  const placed = makeEventType({ name: 'OrderPlaced', fields: ['orderId', { name: 'total', type: 'number', required: true }], aggregateIdField: 'orderId' });
  const totals = makeProjection({ name: 'Totals', key: 'orderId', columns: [{ name: 'orderId', type: 'string' }, { name: 'total', type: 'number' }] });
  return makeFlow({
    id: 'shop', name: 'Shop', eventTypes: [placed], projections: [totals],
    producers: [makeProducer({
      name: 'Checkout',
      commands: [makeCommand({
        name: 'Place', inputFields: ['orderId', { name: 'total', type: 'number', required: true }],
        aggregateId: { from: 'input', path: '/orderId' },
        emits: [{ eventTypeId: placed.id, mappings: [{ target: '/orderId', source: { from: 'input', path: '/orderId' } }, { target: '/total', source: { from: 'input', path: '/total' } }] }],
      })],
    })],
    consumers: [makeConsumer({
      name: 'Totaller',
      handlers: [makeHandler(placed.id, { effects: [{ kind: 'upsert', projectionId: totals.id, key: { from: 'event', path: '/orderId' }, set: [{ target: 'total', source: { from: 'event', path: '/total' } }] }] })],
    })],
  });
}

/** v2: `total` renamed `amount` (version 2, with the upcaster from v1), and the projection reads `amount`. */
function v2(): FlowDocument {
  const doc = structuredClone(v1());
  const placed = doc.eventTypes[0] as EventType;
  const old = structuredClone(placed.payload);
  const properties = placed.payload.properties as Record<string, unknown>;
  properties.amount = properties.total;
  delete properties.total;
  placed.payload.required = ['orderId', 'amount'];
  placed.version = 2;
  placed.history = [{ version: 1, payload: old, upcast: [{ op: 'rename', from: '/total', to: '/amount' }] }];
  const effect = doc.consumers[0]!.handlers[0]!.effects[0]!;
  if (effect.kind === 'upsert') effect.set = [{ target: 'total', source: { from: 'event', path: '/amount' } }];
  return doc;
}

describe('engine.replayWithDesign: the event store replayed against a newer design', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => { await Promise.all(opened.splice(0).map((o) => o.close())); });

  it('upcasts every stored v1 event and rebuilds the projections the new design defines', async () => {
    const fresh = freshEngine();
    opened.push(fresh);
    await runToQuiet(fresh.engine, v1(), { seed: 3 }, 12);
    const stored = await fresh.db.events.where('[runId+position]').between(['shop', 0], ['shop', Infinity]).toArray();
    expect(stored.length).toBe(12);
    const live = await fresh.engine.compareWithRebuild('shop');
    const report = await fresh.engine.replayWithDesign('shop', v2());
    expect(report).toMatchObject({ events: 12, upcast: 12, skipped: [] });
    // The same totals as the run's own projection, read from the renamed field.
    expect(report.rebuilt.get('totals')).toEqual(live.rebuilt.get('totals'));
    expect(report.rebuilt.get('totals')?.size).toBe(new Set(stored.map((e) => e.aggregateId)).size);
    // Without the upcaster the new design cannot read the old events' totals.
    const bare = v2();
    bare.eventTypes[0]!.history = [];
    const refused = await fresh.engine.replayWithDesign('shop', bare);
    expect(refused.skipped).toHaveLength(12);
    expect(refused.skipped[0]!.reason).toBe('OrderPlaced v1 → v2: version 1 has no upcaster to version 2');
  });
});
