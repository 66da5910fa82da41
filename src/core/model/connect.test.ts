import { describe, expect, it } from 'vitest';
import {
  makeCommand, makeConsumer, makeEventType, makeField, makeFlow, makeHandler, makeProducer, makeProjection,
} from '../testing';
import { canConnect } from './canConnect';
import { connect, disconnect } from './connect';
import { deriveEdges } from './deriveEdges';
import { FlowOperationError } from './FlowOperationError';
import { addNode } from './nodes';
import { schemaProperties } from './schema/schemaAccess';
import type { JsonSchemaObject } from './types';
import { validateFlow } from './validation';

const names = (schema: JsonSchemaObject) => schemaProperties(schema).map(([name]) => name);

function flow() {
  return makeFlow({
    eventTypes: [
      makeEventType({ name: 'VideoEvent', abstract: true, aggregateIdField: 'videoId', fields: [makeField('videoId', { type: 'uuid' })] }),
      makeEventType({ name: 'VideoInput', extends: 'video-event', fields: ['title', makeField('note', { required: false })] }),
      makeEventType({ name: 'AuthorAdded', aggregateIdField: 'authorId', fields: ['authorId', 'title', makeField('videoId', { required: false })] }),
    ],
    producers: [
      makeProducer({ name: 'ingest', commands: [makeCommand({ name: 'Ingest', inputFields: [makeField('title'), makeField('note', { required: false })] })] }),
      makeProducer({ name: 'bare' }),
    ],
    consumers: [makeConsumer({ name: 'authors', handles: ['video-input'] }), makeConsumer({ name: 'idle' })],
    projections: [makeProjection({ name: 'videos', key: 'videoId', columns: ['title', 'authorId'] })],
  });
}

describe('canConnect: the four legal pairs', () => {
  it.each([
    ['ingest', 'video-input', 'emits'],
    ['video-input', 'idle', 'subscribes'],
    ['video-event', 'idle', 'subscribes'],
    ['authors', 'author-added', 'emits'],
    ['authors', 'videos', 'updates'],
  ])('%s → %s is legal as %s', (source, target, kind) => {
    expect(canConnect(flow(), source, target)).toEqual({ ok: true, kind });
  });
});

describe('canConnect: everything else is refused with a reason', () => {
  it.each([
    ['videos', 'authors', /projection is a read model/],
    ['video-input', 'ingest', /delivered to consumers, not to producers/],
    ['video-input', 'author-added', /Use 'extends' in the inspector/],
    ['video-input', 'videos', /cannot update a projection by itself/],
    ['ingest', 'authors', /Producers do not call consumers/],
    ['ingest', 'bare', /Producers do not call each other/],
    ['ingest', 'videos', /producer does not update read models/],
    ['authors', 'idle', /Consumers do not call each other/],
    ['authors', 'ingest', /cannot call a producer/],
    ['idle', 'author-added', /idle subscribes to no event yet/],
    ['idle', 'videos', /idle subscribes to no event yet/],
    ['ingest', 'video-event', /VideoEvent is abstract/],
    ['authors', 'video-input', /would loop forever/],
    ['video-input', 'authors', /already subscribes/],
    ['authors', 'authors', /cannot be connected to itself/],
    ['ghost', 'authors', /no node 'ghost'/],
  ])('%s → %s', (source, target, reason) => {
    const check = canConnect(flow(), source, target);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('refuses a second identical connection as already connected', () => {
    const doc = connect(connect(flow(), 'ingest', 'video-input'), 'authors', 'videos');
    expect(canConnect(doc, 'ingest', 'video-input')).toEqual({ ok: false, reason: 'ingest already emits VideoInput' });
    expect(canConnect(doc, 'authors', 'videos')).toEqual({ ok: false, reason: 'authors already updates videos' });
    expect(() => connect(doc, 'ingest', 'video-input')).toThrow(FlowOperationError);
  });
});

describe('connect', () => {
  it('producer→event: emits from the first command, adds missing required inputs, maps same-named fields', () => {
    const doc = flow();
    const after = connect(doc, 'ingest', 'video-input');
    const command = after.producers[0]!.commands[0]!;
    expect(names(command.input)).toEqual(['title', 'note', 'videoId']);
    expect(command.emits).toEqual([{
      eventTypeId: 'video-input',
      mappings: [
        { target: '/videoId', source: { from: 'input', path: '/videoId' } },
        { target: '/title', source: { from: 'input', path: '/title' } },
        { target: '/note', source: { from: 'input', path: '/note' } },
      ],
    }]);
    expect(doc.producers[0]!.commands[0]!.emits).toEqual([]);
    expect(deriveEdges(after)).toContainEqual({ id: 'emits:ingest->video-input', kind: 'emits', source: 'ingest', target: 'video-input' });
  });

  it('producer→event: creates a command when the producer has none', () => {
    const after = connect(flow(), 'bare', 'author-added');
    const [command] = after.producers[1]!.commands;
    expect(command).toMatchObject({ id: 'bare-command-1', name: 'EmitAuthorAdded', aggregateId: { from: 'input', path: '/authorId' } });
    expect(names(command!.input)).toEqual(['authorId', 'title', 'videoId']);
    expect(command!.input.required).toEqual(['authorId', 'title']);
    expect(command!.emits[0]!.mappings.map((m) => m.target)).toEqual(['/authorId', '/title', '/videoId']);
  });

  it("producer→event: a new producer's command takes the event's aggregate id instead of its own 'id' input", () => {
    const doc = addNode(flow(), 'producer', { id: 'orders', position: { x: 0, y: 0 } });

    const after = connect(doc, 'orders', 'author-added');

    const command = after.producers.find((p) => p.id === 'orders')!.commands[0]!;
    expect(command.aggregateId).toEqual({ from: 'input', path: '/authorId' });
    expect(command.name).toBe('CreateAuthor');
    expect(after.producers.find((p) => p.id === 'orders')!.aggregate).toBe('author');
    expect(names(command.input)).toEqual(['authorId', 'title', 'videoId']);
    expect(validateFlow(after).filter((p) => p.path.startsWith('/producers/2'))).toEqual([]);
  });

  it('consumer→event: a required id or timestamp the handled event lacks is generated', () => {
    const doc = makeFlow({
      eventTypes: [
        makeEventType({ name: 'Placed', fields: ['orderId'] }),
        makeEventType({ name: 'Issued', fields: [makeField('invoiceId', { type: 'uuid' }), makeField('at', { type: 'date-time' }), 'orderId', 'memo'] }),
      ],
      consumers: [makeConsumer({ name: 'billing', handles: ['placed'] })],
    });

    const [emission] = connect(doc, 'billing', 'issued').consumers[0]!.handlers[0]!.emits;

    expect(emission!.mappings).toEqual([
      { target: '/invoiceId', source: { from: 'generated', generator: 'uuid' } },
      { target: '/at', source: { from: 'generated', generator: 'now' } },
      { target: '/orderId', source: { from: 'event', path: '/orderId' } },
    ]);
  });

  it('event→consumer: adds a handler', () => {
    const after = connect(flow(), 'video-event', 'idle');
    expect(after.consumers[1]!.handlers).toEqual([{ eventTypeId: 'video-event', effects: [], emits: [] }]);
  });

  it('consumer→event: emits from the first handler with same-named event fields', () => {
    const after = connect(flow(), 'authors', 'author-added');
    expect(after.consumers[0]!.handlers[0]!.emits).toEqual([{
      eventTypeId: 'author-added',
      mappings: [
        { target: '/title', source: { from: 'event', path: '/title' } },
        { target: '/videoId', source: { from: 'event', path: '/videoId' } },
      ],
    }]);
  });

  it('consumer→projection: upserts keyed by the same-named event field, setting same-named columns', () => {
    const after = connect(flow(), 'authors', 'videos');
    expect(after.consumers[0]!.handlers[0]!.effects).toEqual([{
      kind: 'upsert', projectionId: 'videos', key: { from: 'event', path: '/videoId' },
      set: [{ target: 'title', source: { from: 'event', path: '/title' } }],
    }]);
  });

  it('consumer→projection: falls back to the aggregate id when no field is named like the key', () => {
    const doc = makeFlow({
      eventTypes: [makeEventType({ name: 'Placed', aggregateIdField: 'orderId', fields: ['orderId'] })],
      consumers: [makeConsumer({ name: 'c', handles: ['placed'] })],
      projections: [makeProjection({ name: 'orders', key: 'id' })],
    });
    expect(connect(doc, 'c', 'orders').consumers[0]!.handlers[0]!.effects[0]).toMatchObject({ key: { from: 'event', path: '/orderId' } });
  });

  it('throws the reason for an illegal connection', () => {
    expect(() => connect(flow(), 'videos', 'authors')).toThrow('A projection is a read model: nothing flows out of it');
  });
});

describe('disconnect', () => {
  const wired = () => makeFlow({
    eventTypes: [makeEventType({ name: 'A' }), makeEventType({ name: 'B' })],
    producers: [makeProducer({ name: 'p', emits: ['a'] })],
    consumers: [makeConsumer({
      name: 'c',
      handlers: [makeHandler('a', {
        emits: [{ eventTypeId: 'b', mappings: [] }],
        effects: [{ kind: 'delete', projectionId: 'v', key: { from: 'envelope', path: '/aggregateId' } }],
      })],
    })],
    projections: [makeProjection({ name: 'v' })],
  });

  it.each([
    ['emits:p->a', 4],
    ['emits:c->b', 4],
    ['updates:c->v', 4],
  ])('removes %s and only it', (edgeId, remaining) => {
    const edges = deriveEdges(disconnect(wired(), edgeId));
    expect(edges.map((e) => e.id)).not.toContain(edgeId);
    expect(edges).toHaveLength(remaining - 1);
  });

  it('removes a subscription with the handler it stands for', () => {
    const after = disconnect(wired(), 'subscribes:a->c');
    expect(after.consumers[0]!.handlers).toEqual([]);
    expect(deriveEdges(after).map((e) => e.id)).toEqual(['emits:p->a']);
  });

  it('throws for an unknown edge', () => {
    expect(() => disconnect(wired(), 'emits:p->b')).toThrow(/no connection/);
  });
});
