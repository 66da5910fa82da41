import { describe, expect, it } from 'vitest';
import type { EventType, FlowDocument } from '../model/types';
import { makeConsumer, makeEventType, makeFlow, makeHandler, makeProducer, makeProjection } from '../testing';
import { baselineOf, diffDesigns } from './diffDesigns';
import { evolutionProblems } from './evolutionProblems';
import { upcastEvents, type StoredEvent, type UpcastReport } from './replayEvents';

const order = (changes: Partial<EventType> = {}) => makeEventType({
  name: 'OrderPlaced',
  fields: ['orderId', { name: 'total', type: 'number', required: true }, { name: 'note', type: 'string', required: false }],
  ...changes,
});
const design = (type: EventType, extra: Partial<FlowDocument> = {}) =>
  makeFlow({ name: 'Shop', eventTypes: [type], producers: [makeProducer({ name: 'Checkout', emits: [type.id] })], ...extra });

/** The payload of `order()` with one change. */
function payloadWith(change: (properties: Record<string, unknown>, required: string[]) => void): EventType['payload'] {
  const payload = structuredClone(order().payload) as { properties: Record<string, unknown>; required: string[] };
  change(payload.properties, payload.required);
  return payload as EventType['payload'];
}

describe('diffDesigns', () => {
  it('finds nothing between a design and itself, and nothing for an added optional field under backward', () => {
    expect(diffDesigns(design(order()), design(order()), 'full').flatMap((d) => d.changes)).toEqual([]);
    const added = order({ payload: payloadWith((p) => { p.coupon = { type: ['string', 'null'] }; }) });
    expect(diffDesigns(design(order()), design(added), 'backward').flatMap((d) => d.changes)).toEqual([]);
  });

  it('reports a renamed field on an unchanged version, with its paths', () => {
    const renamed = order({ payload: payloadWith((p, r) => { p.amount = p.total; delete p.total; r.splice(r.indexOf('total'), 1, 'amount'); }) });
    const [diff] = diffDesigns(design(order()), design(renamed), 'backward');
    expect(diff).toMatchObject({ name: 'OrderPlaced', status: 'changed', oldVersion: 1, newVersion: 1, breaksSameVersion: true });
    expect(diff!.changes.map((c) => [c.kind, c.path])).toEqual([['required-added', '/amount'], ['field-removed', '/total']]);
  });

  it('does not call a breaking change on a raised version a same-version problem', () => {
    const v2 = order({ version: 2, payload: payloadWith((p) => { delete p.note; (p.total as Record<string, unknown>).minimum = 0; }) });
    const [diff] = diffDesigns(design(order()), design(v2), 'backward');
    expect(diff!.breaksSameVersion).toBe(false);
    expect(diff!.changes.length).toBeGreaterThan(0);
  });

  it('reports a removed event type under backward, and an added one as added', () => {
    const other = makeEventType({ name: 'OrderShipped', fields: ['orderId'] });
    const before = design(order(), { eventTypes: [order(), other] });
    const diffs = diffDesigns(before, design(order()), 'backward');
    expect(diffs.find((d) => d.name === 'OrderShipped')).toMatchObject({ status: 'removed', changes: [expect.objectContaining({ kind: 'schema-changed' })] });
    expect(diffDesigns(design(order()), before, 'backward').find((d) => d.name === 'OrderShipped')).toMatchObject({ status: 'added', changes: [] });
  });
});

describe('evolutionProblems', () => {
  it('makes a breaking change since the baseline on an unchanged version an error at the event type', () => {
    const before = design(order());
    const changed = design(order({ payload: payloadWith((p) => { (p.total as Record<string, unknown>).type = 'string'; }) }));
    changed.evolution = { compatibility: 'backward', baseline: baselineOf(before, 'the last export') };
    const [problem] = evolutionProblems(changed);
    expect(problem).toMatchObject({ code: 'breaking-change', severity: 'error', path: '/eventTypes/0/payload', nodeId: 'order-placed' });
    expect(problem!.message).toContain('OrderPlaced v1: breaking change (backward) since the last export at /total');
    changed.evolution.compatibility = 'none';
    expect(evolutionProblems(changed)).toEqual([]);
  });

  it('asks for an upcaster when a version was raised past a breaking change, and is content once there is one', () => {
    const before = design(order());
    const payload = payloadWith((p, r) => { p.amount = p.total; delete p.total; r.splice(r.indexOf('total'), 1, 'amount'); });
    const v2 = design(order({ version: 2, payload }));
    v2.evolution = { compatibility: 'backward', baseline: baselineOf(before, 'v1') };
    expect(evolutionProblems(v2).map((p) => p.code)).toEqual(['missing-upcaster']);
    v2.eventTypes[0]!.history = [{ version: 1, payload: order().payload, upcast: [{ op: 'rename', from: '/total', to: '/amount' }] }];
    expect(evolutionProblems(v2)).toEqual([]);
  });
});

describe('upcastEvents (replaying a store written with an older design)', () => {
  const v1 = design(order());
  const payload = payloadWith((p, r) => { p.amount = p.total; delete p.total; r.splice(r.indexOf('total'), 1, 'amount'); });
  const v2 = design(order({ version: 2, payload, history: [{ version: 1, payload: order().payload, upcast: [{ op: 'rename', from: '/total', to: '/amount' }] }] }));
  const stored: StoredEvent[] = [
    { eventId: 'e-1', eventTypeId: 'order-placed', eventTypeName: 'OrderPlaced', payload: { orderId: 'o-1', total: 10 } },
    { eventId: 'e-2', eventTypeId: 'gone', eventTypeName: 'Gone', payload: {} },
  ];

  it('brings each event to the current version, skips what the design cannot read, and never changes the stored events', () => {
    const report: UpcastReport = { upcast: 0, skipped: [] };
    const before = structuredClone(stored);
    const read = [...upcastEvents(stored, v1, v2, report)];
    expect(read.map((e) => e.payload)).toEqual([{ orderId: 'o-1', amount: 10 }]);
    expect(report).toEqual({ upcast: 1, skipped: [{ eventId: 'e-2', eventTypeName: 'Gone', reason: "the design has no event type 'Gone' any more" }] });
    expect(stored).toEqual(before);
  });

  it('leaves events out, with the reason, when a version has no upcaster', () => {
    const report: UpcastReport = { upcast: 0, skipped: [] };
    const v3 = design(order({ version: 3, payload }));
    expect([...upcastEvents(stored.slice(0, 1), v1, v3, report)]).toEqual([]);
    expect(report.skipped[0]!.reason).toBe('OrderPlaced v1 → v3: version 1 has no upcaster to version 2');
  });

  it('feeds the engine\'s replay: a projection rebuilt with the new design reads the upcast values', async () => {
    const { replayProjections } = await import('../engine/replay');
    const projection = makeProjection({ name: 'Totals', key: 'orderId', columns: [{ name: 'orderId', type: 'string' }, { name: 'amount', type: 'number' }] });
    const consumer = makeConsumer({
      name: 'Totaller',
      handlers: [makeHandler('order-placed', {
        effects: [{ kind: 'upsert', projectionId: projection.id, key: { from: 'event', path: '/orderId' }, set: [{ target: 'amount', source: { from: 'event', path: '/amount' } }] }],
      })],
    });
    const readWith = { ...v2, consumers: [consumer], projections: [projection] };
    const events = [{ runId: 'r', position: 1, eventId: 'e-1', eventTypeId: 'order-placed', eventTypeName: 'OrderPlaced', streamId: 'order/o-1', aggregateType: 'order', aggregateId: 'o-1', version: 1, occurredAt: '2024-05-01T10:00:00Z', payload: { orderId: 'o-1', total: 10 }, sourceId: 'checkout', commandId: 'c-1', causationId: 'c-1', step: 1 }];
    const report: UpcastReport = { upcast: 0, skipped: [] };
    const state = replayProjections(readWith, upcastEvents(events as never[], v1, readWith, report));
    expect(Object.fromEntries(state.get(projection.id) ?? [])).toEqual({ 'o-1': { orderId: 'o-1', amount: 10 } });
    const withoutUpcast = replayProjections(readWith, events as never[]);
    expect(withoutUpcast.get(projection.id)?.get('o-1')).not.toEqual({ orderId: 'o-1', amount: 10 });
  });
});
