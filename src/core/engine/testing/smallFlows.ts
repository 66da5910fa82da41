/**
 * Small flows for engine tests: a hand-written pipeline and a fast-check generator of random
 * designs (producers -> level-1 events -> consumers -> level-2 events -> consumers, never a cycle).
 */
import fc from 'fast-check';
import { objectSchemaOf, type Consumer, type EventType, type FlowDocument, type ProjectionEffect, type Producer, type Projection, type SimpleField } from '../../model';

const field = (name: string, type: 'uuid' | 'string' | 'integer' | 'enum', required = true): SimpleField =>
  type === 'enum' ? { name, type, required, enumValues: ['a', 'b', 'c'] } : { name, type, required };

export function eventType(id: string, fields: SimpleField[], extra: Partial<EventType> = {}): EventType {
  return { id, kind: 'event', name: id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()), description: '', version: 1, payload: objectSchemaOf(fields), ...extra };
}

function projection(id: string, key: string): Projection {
  return { id, kind: 'projection', name: id, description: '', key, columns: [{ name: key, type: 'string' }] };
}

/**
 * A pipeline: `shop` creates/changes items (ItemEvent base, ItemCreated, ItemChanged); `catalog`
 * subscribes to the base ItemEvent, upserts `items` and emits ItemListed; `counter` counts ItemListed
 * per owner in `owners`.
 */
export function pipelineFlow(options: { outbox?: boolean; inbox?: boolean; retryLimit?: number } = {}): FlowDocument {
  const outbox = options.outbox ?? true;
  const inbox = options.inbox ?? true;
  const retryLimit = options.retryLimit ?? 3;
  const shop: Producer = {
    id: 'shop', kind: 'producer', name: 'shop', description: '', aggregate: 'item', publishMode: outbox ? 'outbox' : 'dual-write',
    commands: [
      {
        id: 'create', name: 'CreateItem', input: objectSchemaOf([field('itemId', 'uuid'), field('owner', 'string'), field('state', 'enum')]),
        aggregateId: { from: 'input', path: '/itemId' },
        rowChanges: [{ target: 'state', source: { from: 'input', path: '/state' } }, { target: 'owner', source: { from: 'input', path: '/owner' } }],
        emits: [{ eventTypeId: 'item-created', mappings: [
          { target: '/itemId', source: { from: 'input', path: '/itemId' } },
          { target: '/owner', source: { from: 'input', path: '/owner' } },
          { target: '/state', source: { from: 'input', path: '/state' } },
        ] }],
      },
      {
        id: 'change', name: 'ChangeItem', input: objectSchemaOf([field('itemId', 'uuid'), field('state', 'enum')]),
        aggregateId: { from: 'input', path: '/itemId' },
        rowChanges: [{ target: 'state', source: { from: 'input', path: '/state' } }],
        emits: [{ eventTypeId: 'item-changed', mappings: [
          { target: '/itemId', source: { from: 'input', path: '/itemId' } },
          { target: '/before', source: { from: 'before', column: 'state' } },
          { target: '/state', source: { from: 'input', path: '/state' } },
        ] }],
      },
    ],
  };
  const catalog: Consumer = {
    id: 'catalog', kind: 'consumer', name: 'catalog', description: '', useInbox: inbox, retryLimit, publishMode: outbox ? 'outbox' : 'dual-write',
    handlers: [{
      eventTypeId: 'item-event',
      effects: [{ kind: 'upsert', projectionId: 'items', key: { from: 'event', path: '/itemId' }, set: [
        { target: 'state', source: { from: 'event', path: '/state' } },
        { target: 'at', source: { from: 'envelope', path: '/occurredAt' } },
      ] }],
      emits: [{ eventTypeId: 'item-listed', mappings: [
        { target: '/itemId', source: { from: 'event', path: '/itemId' } },
        { target: '/owner', source: { from: 'event', path: '/owner' } },
      ] }],
    }],
  };
  const counter: Consumer = {
    id: 'counter', kind: 'consumer', name: 'counter', description: '', useInbox: inbox, retryLimit, publishMode: 'outbox',
    handlers: [{ eventTypeId: 'item-listed', emits: [], effects: [
      { kind: 'increment', projectionId: 'owners', key: { from: 'event', path: '/owner' }, column: 'listed', by: 1 },
      { kind: 'append', projectionId: 'owners', key: { from: 'event', path: '/owner' }, column: 'items', value: { from: 'event', path: '/itemId' } },
    ] }],
  };
  return {
    schemaVersion: 2, id: 'pipeline', name: 'pipeline', description: '', envelope: { kind: 'eventflow' }, schemaLibrary: [],
    eventTypes: [
      eventType('item-event', [field('itemId', 'uuid')], { abstract: true, aggregateIdPath: '/itemId' }),
      eventType('item-created', [field('owner', 'string'), field('state', 'enum')], { extends: 'item-event' }),
      eventType('item-changed', [field('before', 'enum', false), field('state', 'enum')], { extends: 'item-event' }),
      eventType('item-listed', [field('itemId', 'uuid'), field('owner', 'string')], { aggregateIdPath: '/owner' }),
    ],
    producers: [shop],
    consumers: [catalog, counter],
    projections: [projection('items', 'itemId'), projection('owners', 'owner')],
    layout: { positions: {} },
  };
}

type EffectKind = ProjectionEffect['kind'];

const effectArb = fc.record({
  kind: fc.constantFrom<EffectKind>('upsert', 'upsert', 'increment', 'append', 'delete'),
  projection: fc.nat(2),
  keyField: fc.constantFrom('key', 'tag'),
});

const handlerArb = fc.record({
  source: fc.nat(3),
  effects: fc.array(effectArb, { minLength: 1, maxLength: 2 }),
  emits: fc.boolean(),
});

/** Parameters of a random small flow (see `randomFlow`). */
export const flowSpecArb = fc.record({
  producers: fc.integer({ min: 1, max: 2 }),
  level1: fc.array(handlerArb, { minLength: 1, maxLength: 3 }),
  level2: fc.array(handlerArb, { minLength: 0, maxLength: 2 }),
  dualWrite: fc.boolean(),
  inbox: fc.boolean(),
});

export type FlowSpec = ReturnType<typeof flowSpecArb.generate>['value'];

/**
 * Builds a random flow from a spec: producers p0..p1 each with a create and an update command
 * emitting e-p<i> (subtypes of an abstract base `base` with aggregate field `key`); level-1
 * consumers subscribe to a producer event or the base (source 3 = base) and may emit `derived`;
 * level-2 consumers subscribe to `derived`. Each consumer writes only its own projections (single
 * writer, as rebuild-equality needs). `patterns` chooses outbox/inbox for all nodes.
 */
export function randomFlow(spec: FlowSpec, patterns: { outbox: boolean; inbox: boolean }): FlowDocument {
  const producers: Producer[] = [];
  const events: EventType[] = [
    eventType('base', [field('key', 'uuid')], { abstract: true, aggregateIdPath: '/key' }),
    eventType('derived', [field('key', 'string'), field('tag', 'string', false)], { aggregateIdPath: '/key' }),
  ];
  for (let i = 0; i < spec.producers; i++) {
    events.push(eventType(`e-p${i}`, [field('tag', 'enum'), field('n', 'integer', false)], { extends: 'base' }));
    const mappings = [
      { target: '/key', source: { from: 'input' as const, path: '/key' } },
      { target: '/tag', source: { from: 'input' as const, path: '/tag' } },
      { target: '/n', source: { from: 'input' as const, path: '/n' } },
    ];
    producers.push({
      id: `p${i}`, kind: 'producer', name: `p${i}`, description: '', aggregate: `agg${i}`, publishMode: patterns.outbox ? 'outbox' : 'dual-write',
      commands: ['create', 'update'].map((c) => ({
        id: `${c}${i}`, name: `${c}${i}`, input: objectSchemaOf([field('key', 'uuid'), field('tag', 'enum'), field('n', 'integer', false)]),
        aggregateId: { from: 'input', path: '/key' },
        rowChanges: [{ target: 'tag', source: { from: 'input', path: '/tag' } }],
        emits: [{ eventTypeId: `e-p${i}`, mappings }],
      })),
    });
  }
  const effect = (owner: string, e: { kind: EffectKind; projection: number; keyField: string }): ProjectionEffect => {
    const projectionId = `${owner}-view${e.projection % 2}`;
    const key = { from: 'event' as const, path: `/${e.keyField}` };
    if (e.kind === 'increment') return { kind: 'increment', projectionId, key, column: 'count', by: 1 };
    if (e.kind === 'append') return { kind: 'append', projectionId, key, column: 'events', value: { from: 'envelope', path: '/eventId' } };
    if (e.kind === 'delete') return { kind: 'delete', projectionId, key };
    return { kind: 'upsert', projectionId, key, set: [{ target: 'tag', source: { from: 'event', path: '/tag' } }, { target: 'last', source: { from: 'envelope', path: '/eventId' } }] };
  };
  const consumer = (id: string, eventTypeId: string, h: (typeof spec.level1)[number], emits: boolean): Consumer => ({
    id, kind: 'consumer', name: id, description: '', useInbox: patterns.inbox, retryLimit: 3, publishMode: patterns.outbox ? 'outbox' : 'dual-write',
    handlers: [{
      eventTypeId,
      effects: h.effects.map((e) => effect(id, e)),
      emits: emits ? [{ eventTypeId: 'derived', mappings: [
        { target: '/key', source: { from: 'event', path: '/key' } },
        { target: '/tag', source: { from: 'event', path: '/tag' } },
      ] }] : [],
    }],
  });
  const consumers = [
    ...spec.level1.map((h, i) => consumer(`c${i}`, h.source >= spec.producers ? 'base' : `e-p${h.source}`, h, h.emits)),
    ...spec.level2.map((h, i) => consumer(`d${i}`, 'derived', h, false)),
  ];
  const projections = consumers.flatMap((c) => [0, 1].map((i) => projection(`${c.id}-view${i}`, 'id')));
  return {
    schemaVersion: 2, id: 'random', name: 'random', description: '', envelope: { kind: 'eventflow' }, schemaLibrary: [], eventTypes: events, producers, consumers, projections,
    layout: { positions: {} },
  };
}
