/**
 * Small flows for engine tests: a hand-written pipeline and a fast-check generator of random
 * designs (producers -> level-1 events -> consumers -> level-2 events -> consumers, never a cycle).
 */
import fc from 'fast-check';
import { objectSchemaOf, type Command, type Consumer, type EventType, type FlowDocument, type ProjectionEffect, type Producer, type Projection, type SimpleField } from '../../model';

const field = (name: string, type: 'uuid' | 'string' | 'integer' | 'enum', required = true): SimpleField =>
  type === 'enum' ? { name, type, required, enumValues: ['a', 'b', 'c'] } : { name, type, required };

export function eventType(id: string, fields: SimpleField[], extra: Partial<EventType> = {}): EventType {
  return { id, kind: 'event', name: id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()), description: '', version: 1, payload: objectSchemaOf(fields), ...extra };
}

function projection(id: string, key: string): Projection {
  return { id, kind: 'projection', name: id, description: '', key, columns: [{ name: key, type: 'string' }] };
}

/** Options of `pipelineFlow`. */
export interface PipelineOptions {
  outbox?: boolean;
  inbox?: boolean;
  retryLimit?: number;
  /** `counter` also sends an e-mail per ItemListed: an external side effect. */
  email?: boolean;
  /** `catalog` also emits ItemNoted into the item's own stream (`item/<itemId>`): a second writer on the shop's streams. */
  noteIntoItemStream?: boolean;
  /** The shop's callers send idempotency keys. */
  idempotencyKey?: boolean;
  /** Ids of the events `catalog` emits. */
  emittedIds?: 'derived' | 'fresh';
}

/**
 * A pipeline: `shop` creates/changes items (ItemEvent base, ItemCreated, ItemChanged); `catalog`
 * subscribes to the base ItemEvent, upserts `items` and emits ItemListed; `counter` counts ItemListed
 * per owner in `owners`.
 */
export function pipelineFlow(options: PipelineOptions = {}): FlowDocument {
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
    ].map((c): Command => (options.idempotencyKey ? { ...(c as Command), idempotencyKey: true } : (c as Command))),
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
      ] }, ...(options.noteIntoItemStream ? [{ eventTypeId: 'item-noted', mappings: [{ target: '/itemId', source: { from: 'event' as const, path: '/itemId' } }] }] : [])],
    }],
    ...(options.emittedIds ? { emittedIds: options.emittedIds } : {}),
  };
  const counter: Consumer = {
    id: 'counter', kind: 'consumer', name: 'counter', description: '', useInbox: inbox, retryLimit, publishMode: 'outbox',
    handlers: [{ eventTypeId: 'item-listed', emits: [], ...(options.email ? { externalEffects: [{ name: 'send listing e-mail' }] } : {}), effects: [
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
      ...(options.noteIntoItemStream ? [eventType('item-noted', [field('itemId', 'uuid')], { aggregateIdPath: '/itemId' })] : []),
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
  /** With `outbox: 'mixed'`: whether the first producer and the first consumer dual-write. */
  dualWrite: fc.boolean(),
  /** With `inbox: 'mixed'`: whether the first consumer keeps its inbox. */
  inbox: fc.boolean(),
});

export type FlowSpec = ReturnType<typeof flowSpecArb.generate>['value'];

/** Names of Object.prototype members and friends: ids a user may choose that break plain-object maps. */
export const HOSTILE_IDS = [
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable',
  'toLocaleString', '__defineGetter__', '__lookupGetter__', '__defineSetter__', '__lookupSetter__',
] as const;

export interface RandomFlowOptions {
  /** Outbox for every producer and consumer; `mixed`: the spec decides for the first producer and consumer. */
  outbox: boolean | 'mixed';
  /** Inbox for every consumer; `mixed`: the spec decides for the first consumer. */
  inbox: boolean | 'mixed';
  /** Both producers write one aggregate type from one pool of ids (`agg/agg-1` …): two writers on each stream. */
  sharedStreams?: boolean;
  /** Every consumer's retry limit (default 3). */
  retryLimit?: number;
  /** Node ids and names are drawn from HOSTILE_IDS (`__proto__`, `constructor`, …). */
  hostileIds?: boolean;
}

/**
 * Builds a random flow from a spec: producers p0..p1 each with a create and an update command
 * emitting e-p<i> (subtypes of an abstract base `base` with aggregate field `key`); level-1
 * consumers subscribe to a producer event or the base (source 3 = base) and may emit `derived`;
 * level-2 consumers subscribe to `derived`. Each consumer writes only its own projections (single
 * writer); only increments (which commute) are keyed across streams, so a rebuild must equal the
 * live projections whenever every pattern is on.
 */
export function randomFlow(spec: FlowSpec, options: RandomFlowOptions): FlowDocument {
  const hostile = [...HOSTILE_IDS];
  const ids = new Map<string, string>();
  const id = (plain: string) => {
    if (!options.hostileIds) return plain;
    let chosen = ids.get(plain);
    if (chosen === undefined) ids.set(plain, (chosen = hostile.shift() ?? `${plain}-x`));
    return chosen;
  };
  const outboxOf = (first: boolean) => (options.outbox === 'mixed' ? !(first && spec.dualWrite) : options.outbox);
  const inboxOf = (first: boolean) => (options.inbox === 'mixed' ? !first || spec.inbox : options.inbox);
  const keyField = options.sharedStreams ? field('aggId', 'string') : field('key', 'uuid');
  const producers: Producer[] = [];
  const events: EventType[] = [
    eventType(id('base'), [field('key', 'string')], { name: id('base'), abstract: true, aggregateIdPath: '/key' }),
    eventType(id('derived'), [field('key', 'string'), field('tag', 'string', false)], { name: id('derived'), aggregateIdPath: '/key' }),
  ];
  for (let i = 0; i < spec.producers; i++) {
    const type = id(`e-p${i}`);
    events.push(eventType(type, [field('tag', 'enum'), field('n', 'integer', false)], { name: type, extends: id('base') }));
    const mappings = [
      { target: '/key', source: { from: 'input' as const, path: `/${keyField.name}` } },
      { target: '/tag', source: { from: 'input' as const, path: '/tag' } },
      { target: '/n', source: { from: 'input' as const, path: '/n' } },
    ];
    producers.push({
      id: id(`p${i}`), kind: 'producer', name: id(`p${i}`), description: '', aggregate: options.sharedStreams ? 'agg' : id(`agg${i}`),
      publishMode: outboxOf(i === 0) ? 'outbox' : 'dual-write',
      commands: ['create', 'update'].map((c) => ({
        id: `${c}${i}`, name: `${c}${i}`, input: objectSchemaOf([keyField, field('tag', 'enum'), field('n', 'integer', false)]),
        aggregateId: { from: 'input', path: `/${keyField.name}` },
        rowChanges: [{ target: 'tag', source: { from: 'input', path: '/tag' } }],
        emits: [{ eventTypeId: type, mappings }],
      })),
    });
  }
  const effect = (owner: string, e: { kind: EffectKind; projection: number; keyField: string }): ProjectionEffect => {
    const projectionId = id(`${owner}-view${e.projection % 2}`);
    const key = { from: 'event' as const, path: `/${e.kind === 'increment' ? e.keyField : 'key'}` };
    if (e.kind === 'increment') return { kind: 'increment', projectionId, key, column: 'count', by: 1 };
    if (e.kind === 'append') return { kind: 'append', projectionId, key, column: 'events', value: { from: 'envelope', path: '/eventId' } };
    if (e.kind === 'delete') return { kind: 'delete', projectionId, key };
    return { kind: 'upsert', projectionId, key, set: [{ target: 'tag', source: { from: 'event', path: '/tag' } }, { target: 'last', source: { from: 'envelope', path: '/eventId' } }] };
  };
  const consumer = (plain: string, eventTypeId: string, h: (typeof spec.level1)[number], emits: boolean, first: boolean): Consumer => ({
    id: id(plain), kind: 'consumer', name: id(plain), description: '', useInbox: inboxOf(first), retryLimit: options.retryLimit ?? 3,
    publishMode: outboxOf(first) ? 'outbox' : 'dual-write',
    handlers: [{
      eventTypeId,
      effects: h.effects.map((e) => effect(plain, e)),
      emits: emits ? [{ eventTypeId: id('derived'), mappings: [
        { target: '/key', source: { from: 'event', path: '/key' } },
        { target: '/tag', source: { from: 'event', path: '/tag' } },
      ] }] : [],
    }],
  });
  const consumers = [
    ...spec.level1.map((h, i) => consumer(`c${i}`, h.source >= spec.producers ? id('base') : id(`e-p${h.source}`), h, h.emits, i === 0)),
    ...spec.level2.map((h, i) => consumer(`d${i}`, id('derived'), h, false, false)),
  ];
  const projections = spec.level1.map((_, i) => `c${i}`).concat(spec.level2.map((_, i) => `d${i}`))
    .flatMap((c) => [0, 1].map((i) => projection(id(`${c}-view${i}`), 'id')));
  return {
    schemaVersion: 2, id: 'random', name: 'random', description: '', envelope: { kind: 'eventflow' }, schemaLibrary: [], eventTypes: events, producers, consumers, projections,
    layout: { positions: {} },
  };
}
