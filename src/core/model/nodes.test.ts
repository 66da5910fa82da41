import { describe, expect, it } from 'vitest';
import { connect } from './connect';
import { makeConsumer, makeEventType, makeFlow } from '../testing';
import {
  addNode, allNodes, createEmptyDocument, findNode, moveNodes, newNodeId, replaceNode, uniqueName,
} from './nodes';
import { FlowOperationError } from './FlowOperationError';
import type { Consumer, EventType, Producer, Projection } from './types';

describe('createEmptyDocument', () => {
  it('makes a current-version document with no nodes', () => {
    const doc = createEmptyDocument('d1', 'My design');
    expect(doc).toMatchObject({ schemaVersion: 2, id: 'd1', name: 'My design', eventTypes: [], producers: [] });
    expect(doc.layout.positions).toEqual({});
  });
});

describe('newNodeId', () => {
  it('given existing consumers, when asked, then numbers after them and skips taken ids', () => {
    const doc = makeFlow({ consumers: [makeConsumer({ name: 'a', id: 'consumer-1' }), makeConsumer({ name: 'b', id: 'consumer-3' })] });
    expect(newNodeId(doc, 'consumer')).toBe('consumer-4');
    expect(newNodeId(doc, 'event')).toBe('event-1');
    expect(newNodeId(doc, 'consumer')).toBe(newNodeId(doc, 'consumer'));
  });
});

describe('uniqueName', () => {
  it('keeps a free name and numbers a taken one', () => {
    const doc = makeFlow({ eventTypes: [makeEventType({ name: 'OrderPlaced' }), makeEventType({ name: 'OrderPlaced2' })] });
    expect(uniqueName(doc, 'Shipped')).toBe('Shipped');
    expect(uniqueName(doc, 'OrderPlaced')).toBe('OrderPlaced3');
    expect(uniqueName(doc, 'OrderPlaced2')).toBe('OrderPlaced3');
  });
});

describe('addNode', () => {
  const empty = createEmptyDocument('d', 'd');

  it('adds a usable event type with a required field and its position', () => {
    const doc = addNode(empty, 'event', { id: 'event-1', position: { x: 10, y: 20 } });
    const event = findNode(doc, 'event-1') as EventType;
    expect(event).toMatchObject({ kind: 'event', name: 'NewEvent', version: 1, aggregateIdPath: '/id' });
    expect(event.payload).toEqual({ type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] });
    expect(doc.layout.positions['event-1']).toEqual({ x: 10, y: 20 });
    expect(empty.eventTypes).toHaveLength(0);
  });

  it('adds a producer with outbox and one command, a consumer with inbox, a projection keyed by id', () => {
    let doc = addNode(empty, 'producer', { id: 'p', position: { x: 0, y: 0 } });
    doc = addNode(doc, 'consumer', { id: 'c', position: { x: 0, y: 0 } });
    doc = addNode(doc, 'projection', { id: 'v', position: { x: 0, y: 0 } });
    const producer = findNode(doc, 'p') as Producer;
    expect(producer.publishMode).toBe('outbox');
    expect(producer.aggregate).not.toBe('');
    expect(producer.commands).toHaveLength(1);
    expect(findNode(doc, 'c') as Consumer).toMatchObject({ useInbox: true, retryLimit: 3, publishMode: 'outbox', handlers: [] });
    expect(findNode(doc, 'v') as Projection).toMatchObject({ key: 'id', columns: [{ name: 'id', type: 'string' }] });
    expect(allNodes(doc).map((n) => n.id)).toEqual(['p', 'c', 'v']);
  });

  it('makes names unique and refuses a taken id', () => {
    const once = addNode(empty, 'event', { id: 'e1', position: { x: 0, y: 0 } });
    const twice = addNode(once, 'event', { id: 'e2', position: { x: 0, y: 0 } });
    expect(findNode(twice, 'e2')?.name).toBe('NewEvent2');
    expect(() => addNode(twice, 'consumer', { id: 'e1', position: { x: 0, y: 0 } })).toThrow(FlowOperationError);
  });
});

describe('replaceNode', () => {
  it('replaces by id without touching the input, and refuses unknown ids or a kind change', () => {
    const doc = makeFlow({ eventTypes: [makeEventType({ name: 'A' })] });
    const renamed = replaceNode(doc, { ...doc.eventTypes[0]!, name: 'B' });
    expect(renamed.eventTypes[0]?.name).toBe('B');
    expect(doc.eventTypes[0]?.name).toBe('A');
    expect(() => replaceNode(doc, makeEventType({ name: 'Other' }))).toThrow(/no node 'other'/);
    expect(() => replaceNode(doc, makeConsumer({ name: 'x', id: 'a' }))).toThrow(/cannot become a consumer/);
  });
});

describe('moveNodes', () => {
  it('moves known nodes and ignores unknown ids', () => {
    const doc = makeFlow({ eventTypes: [makeEventType({ name: 'A' })] });
    const moved = moveNodes(doc, { a: { x: 5, y: 6 }, ghost: { x: 1, y: 1 } });
    expect(moved.layout.positions).toEqual({ a: { x: 5, y: 6 } });
    expect(doc.layout.positions.a).toEqual({ x: 300, y: 0 });
  });
});

describe('new nodes carry no template text', () => {
  it('given a new producer and event renamed and wired, then no placeholder description is left anywhere', () => {
    let doc = addNode(addNode(createEmptyDocument('d', 'D'), 'producer', { id: 'p', position: { x: 0, y: 0 } }), 'event', { id: 'e', position: { x: 300, y: 0 } });
    doc = { ...doc, producers: doc.producers.map((p) => ({ ...p, name: 'orders' })), eventTypes: doc.eventTypes.map((e) => ({ ...e, name: 'OrderPlaced' })) };
    doc = connect(doc, 'p', 'e');
    expect(JSON.stringify(doc)).not.toMatch(/Id of the|description":"[^"]/);
  });
});
