import { describe, expect, it } from 'vitest';
import { makeCommand, makeConsumer, makeEventType, makeField, makeFlow, makeHandler, makeProducer, makeProjection } from '../testing';
import { renameBetween, replaceNodeCarryingRenames } from './carryRenames';
import { connect } from './connect';
import { addNode } from './nodes';
import { addProperty, moveProperty, renameProperty } from './schema/editSchema';
import type { EventType, FlowDocument, Producer, Projection } from './types';
import { validateFlow } from './validation';

/** A small wired design: orders emits Placed, billing upserts invoices and emits Issued; Extra extends Placed. */
function wired(): FlowDocument {
  return makeFlow({
    eventTypes: [
      makeEventType({ name: 'Placed', aggregateIdField: 'orderId', fields: [makeField('orderId', { type: 'uuid' }), 'amount'] }),
      makeEventType({ name: 'Issued', aggregateIdField: 'invoiceId', fields: [makeField('invoiceId', { type: 'uuid' }), 'orderId'] }),
      makeEventType({ name: 'Extra', extends: 'placed', fields: ['note'] }),
    ],
    producers: [makeProducer({ name: 'orders', commands: [makeCommand({
      name: 'Place', inputFields: [makeField('orderId', { type: 'uuid' }), makeField('amount')],
      aggregateId: { from: 'input', path: '/orderId' },
      rowChanges: [{ target: 'amount', source: { from: 'input', path: '/amount' } }],
      emits: [
        { eventTypeId: 'placed', mappings: [
          { target: '/orderId', source: { from: 'input', path: '/orderId' } }, { target: '/amount', source: { from: 'input', path: '/amount' } }] },
        { eventTypeId: 'extra', mappings: [
          { target: '/orderId', source: { from: 'input', path: '/orderId' } }, { target: '/amount', source: { from: 'input', path: '/amount' } },
          { target: '/note', source: { from: 'literal', value: 'n' } }] },
      ],
    })] })],
    consumers: [makeConsumer({ name: 'billing', handlers: [makeHandler('placed', {
      effects: [{ kind: 'upsert', projectionId: 'invoices', key: { from: 'event', path: '/orderId' },
        set: [{ target: 'total', source: { from: 'event', path: '/amount' } }] }],
      emits: [{ eventTypeId: 'issued', mappings: [
        { target: '/invoiceId', source: { from: 'generated', generator: 'uuid' } }, { target: '/orderId', source: { from: 'event', path: '/orderId' } }] }],
    })] })],
    projections: [makeProjection({ name: 'invoices', key: 'orderId', columns: ['total'] })],
  });
}

const event = (doc: FlowDocument, id: string) => doc.eventTypes.find((e) => e.id === id)!;

describe('renameBetween', () => {
  it.each([
    ['one name changed', ['a', 'b'], ['a', 'c'], { from: 'b', to: 'c' }],
    ['a reorder', ['a', 'b'], ['b', 'a'], undefined],
    ['an added item', ['a'], ['a', 'b'], undefined],
    ['a rename onto a taken name', ['a', 'b'], ['a', 'a'], undefined],
  ])('given %s, it finds %j', (_, before, after, expected) => {
    const named = (names: string[]) => names.map((name) => ({ name }));
    expect(renameBetween(named(before), named(after))).toEqual(expected);
  });
});

describe('replaceNodeCarryingRenames', () => {
  it('given a wired design, when an event field is renamed, then aggregate id, mappings and reads follow and nothing breaks', () => {
    const doc = wired();
    const placed = event(doc, 'placed');
    const renamed: EventType = { ...placed, payload: renameProperty(placed.payload, '', 'orderId', 'id') };

    const after = replaceNodeCarryingRenames(doc, renamed);

    expect(event(after, 'placed').aggregateIdPath).toBe('/id');
    const command = after.producers[0]!.commands[0]!;
    expect(command.emits[0]!.mappings.map((m) => m.target)).toEqual(['/id', '/amount']);
    expect(command.emits[1]!.mappings.map((m) => m.target)).toEqual(['/id', '/amount', '/note']);
    expect(command.aggregateId).toEqual({ from: 'input', path: '/orderId' });
    const handler = after.consumers[0]!.handlers[0]!;
    expect(handler.effects[0]!.key).toEqual({ from: 'event', path: '/id' });
    expect(handler.emits[0]!.mappings).toContainEqual({ target: '/orderId', source: { from: 'event', path: '/id' } });
    expect(validateFlow(after).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('given a projection column that is the key, when it is renamed, then the key and the effects follow', () => {
    const doc = wired();
    const invoices = doc.projections[0]!;
    const renamed: Projection = { ...invoices, columns: invoices.columns.map((c) => (c.name === 'total' ? { ...c, name: 'sum' } : c.name === 'orderId' ? c : c)) };
    const twice: Projection = { ...renamed, columns: renamed.columns.map((c) => (c.name === 'orderId' ? { ...c, name: 'order' } : c)) };

    const after = replaceNodeCarryingRenames(replaceNodeCarryingRenames(doc, renamed), twice);

    expect(after.projections[0]!.key).toBe('order');
    expect(after.consumers[0]!.handlers[0]!.effects[0]).toMatchObject({ set: [{ target: 'sum', source: { from: 'event', path: '/amount' } }] });
    expect(validateFlow(after).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('given a command input, when it is renamed, then its aggregate id, row changes and mappings read the new name', () => {
    const doc = wired();
    const orders = doc.producers[0]!;
    const command = orders.commands[0]!;
    const next: Producer = { ...orders, commands: [{ ...command, input: renameProperty(command.input, '', 'amount', 'total') }] };

    const after = replaceNodeCarryingRenames(doc, next).producers[0]!.commands[0]!;

    expect(after.rowChanges).toEqual([{ target: 'amount', source: { from: 'input', path: '/total' } }]);
    expect(after.emits[0]!.mappings[1]).toEqual({ target: '/amount', source: { from: 'input', path: '/total' } });
  });

  it('given fields reordered, then nothing else changes', () => {
    const doc = wired();
    const placed = event(doc, 'placed');
    const after = replaceNodeCarryingRenames(doc, { ...placed, payload: moveProperty(placed.payload, '', 'amount', 0) });
    expect(Object.keys(event(after, 'placed').payload.properties as object)).toEqual(['amount', 'orderId']);
    expect({ ...after, eventTypes: doc.eventTypes }).toEqual(doc);
  });

  it("given a new event's default field, when it is renamed, then its aggregate id is still valid", () => {
    const doc = addNode(makeFlow(), 'event', { id: 'event-1', position: { x: 0, y: 0 } });
    const node = event(doc, 'event-1');
    const after = replaceNodeCarryingRenames(doc, { ...node, payload: renameProperty(node.payload, '', 'id', 'orderId') });
    expect(event(after, 'event-1').aggregateIdPath).toBe('/orderId');
    expect(validateFlow(connect(addNode(after, 'producer', { id: 'p', position: { x: 0, y: 0 } }), 'p', 'event-1'))).toEqual([]);
  });

  it('given a nested property, when it or its parent is renamed, then every path under it follows, in subtypes too', () => {
    const doc = wired();
    const placed = event(doc, 'placed');
    const withCustomer = addProperty(placed.payload, '', 'customer', { type: 'object', properties: { name: { type: 'string' }, 'a/b': { type: 'string' } }, required: ['name'] });
    let current = replaceNodeCarryingRenames(doc, { ...placed, payload: withCustomer });
    current = {
      ...current,
      producers: current.producers.map((p) => ({ ...p, commands: p.commands.map((c) => ({ ...c, emits: c.emits.map((e) => ({ ...e, mappings: [...e.mappings, { target: '/customer/name', source: { from: 'literal' as const, value: 'x' } }, { target: '/customer/a~1b', source: { from: 'literal' as const, value: 'y' } }] })) })) })),
      consumers: current.consumers.map((c) => ({ ...c, handlers: c.handlers.map((h) => ({ ...h, effects: h.effects.map((e) => (e.kind === 'upsert' ? { ...e, set: [...e.set, { target: 'who', source: { from: 'event' as const, path: '/customer/name' } }] } : e)) })) })),
    };

    const innerRenamed = replaceNodeCarryingRenames(current, { ...event(current, 'placed'), payload: renameProperty(event(current, 'placed').payload, '/properties/customer', 'name', 'fullName') });
    const outerRenamed = replaceNodeCarryingRenames(innerRenamed, { ...event(innerRenamed, 'placed'), payload: renameProperty(event(innerRenamed, 'placed').payload, '', 'customer', 'client') });

    const targets = outerRenamed.producers[0]!.commands[0]!.emits.map((e) => e.mappings.map((m) => m.target));
    expect(targets[0]).toEqual(['/orderId', '/amount', '/client/fullName', '/client/a~1b']);
    expect(targets[1]).toEqual(['/orderId', '/amount', '/note', '/client/fullName', '/client/a~1b']);
    const effect = outerRenamed.consumers[0]!.handlers[0]!.effects[0]!;
    expect(effect.kind === 'upsert' && effect.set.at(-1)).toEqual({ target: 'who', source: { from: 'event', path: '/client/fullName' } });
  });
});
