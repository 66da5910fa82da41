import { describe, expect, it } from 'vitest';
import {
  makeCommand, makeConsumer, makeEventType, makeField, makeFlow, makeHandler, makeProducer, makeProjection,
} from '../../testing';
import { objectSchemaOf } from '../schema/simpleTypes';
import type { FlowDocument } from '../types';
import { validateFlow } from './validateFlow';
import type { ProblemCode } from './problems';

const placed = () => makeEventType({ name: 'Placed', aggregateIdField: 'orderId', fields: ['orderId', makeField('total', { type: 'number', required: false })] });

/** A small design with no problems at all, to break one thing at a time. */
function healthy(): FlowDocument {
  return makeFlow({
    eventTypes: [placed(), makeEventType({ name: 'Billed', fields: ['orderId'] })],
    producers: [makeProducer({
      name: 'shop',
      commands: [makeCommand({
        name: 'Place',
        inputFields: [makeField('orderId')],
        aggregateId: { from: 'input', path: '/orderId' },
        rowChanges: [{ target: 'state', source: { from: 'literal', value: 'placed' } }],
        emits: [{ eventTypeId: 'placed', mappings: [{ target: '/orderId', source: { from: 'input', path: '/orderId' } }] }],
      })],
    })],
    consumers: [makeConsumer({
      name: 'billing',
      handlers: [makeHandler('placed', {
        effects: [{ kind: 'upsert', projectionId: 'orders', key: { from: 'event', path: '/orderId' }, set: [{ target: 'total', source: { from: 'event', path: '/total' } }] }],
        emits: [{ eventTypeId: 'billed', mappings: [{ target: '/orderId', source: { from: 'event', path: '/orderId' } }] }],
      })],
    })],
    projections: [makeProjection({ name: 'orders', key: 'orderId', columns: ['total'] })],
  });
}

const codes = (doc: FlowDocument) => validateFlow(doc).map((p) => p.code);

/** Applies a change to a fresh healthy design and returns its problems. */
function problemsAfter(change: (doc: FlowDocument) => void) {
  const doc = structuredClone(healthy());
  change(doc);
  return validateFlow(doc);
}

describe('validateFlow', () => {
  it('given a healthy design, then it finds nothing', () => {
    expect(validateFlow(healthy())).toEqual([]);
  });

  const cases: [ProblemCode, string, (doc: FlowDocument) => void, RegExp][] = [
    ['event-without-producer', '/eventTypes/2', (d) => d.eventTypes.push(makeEventType({ name: 'Orphan' })), /Orphan: nothing emits it/],
    ['consumer-without-subscription', '/consumers/1/handlers', (d) => d.consumers.push(makeConsumer({ name: 'idle' })), /idle: subscribes to no event type/],
    ['projection-never-updated', '/projections/1', (d) => d.projections.push(makeProjection({ name: 'unused' })), /unused: no consumer updates it/],
    ['unknown-target', '/consumers/0/handlers/0/emits/0/mappings/1', (d) => d.consumers[0]!.handlers[0]!.emits[0]!.mappings.push({ target: '/titel', source: { from: 'literal', value: 'x' } }), /billing: mapping '\/titel' names no field of Billed/],
    ['unknown-target', '/consumers/0/handlers/0/effects/0/set/1', (d) => {
      const effect = d.consumers[0]!.handlers[0]!.effects[0]!;
      if (effect.kind === 'upsert') effect.set.push({ target: 'nope', source: { from: 'event', path: '/orderId' } });
    }, /mapping 'nope' names no column of orders/],
    ['unknown-source', '/consumers/0/handlers/0/emits/0/mappings/0/source', (d) => { d.consumers[0]!.handlers[0]!.emits[0]!.mappings[0]!.source = { from: 'event', path: '/orderld' }; }, /reads 'orderld', which is no field of Placed/],
    ['unknown-source', '/consumers/0/handlers/0/emits/0/mappings/0/source', (d) => { d.consumers[0]!.handlers[0]!.emits[0]!.mappings[0]!.source = { from: 'envelope', path: '/eventID' }; }, /reads the envelope's 'eventID', which is no attribute of the envelope \(eventId, eventType/],
    ['unknown-source', '/producers/0/commands/0/aggregateId', (d) => { d.producers[0]!.commands[0]!.aggregateId = { from: 'input', path: '/ghost' }; }, /reads input 'ghost', which is no input field of command Place/],
    ['unknown-source', '/producers/0/commands/0/emits/0/mappings/1/source', (d) => d.producers[0]!.commands[0]!.emits[0]!.mappings.push({ target: '/total', source: { from: 'before', column: 'sum' } }), /column 'sum' before the change/],
    ['unavailable-source', '/consumers/0/handlers/0/effects/0/key', (d) => { d.consumers[0]!.handlers[0]!.effects[0]!.key = { from: 'input', path: '/orderId' }; }, /reads a command input, which consumers cannot read/],
    ['duplicate-mapping', '/producers/0/commands/0/emits/0/mappings/1', (d) => d.producers[0]!.commands[0]!.emits[0]!.mappings.push({ target: '/orderId', source: { from: 'literal', value: '1' } }), /'orderId' is set twice/],
    ['required-field-unmapped', '/producers/0/commands/0/emits/0/mappings', (d) => { d.producers[0]!.commands[0]!.emits[0]!.mappings = []; }, /required field 'orderId' of Placed is not mapped/],
    ['abstract-event-emitted', '/producers/0/commands/0/emits/0/eventTypeId', (d) => { d.eventTypes[0]!.abstract = true; }, /emits Placed, which is abstract/],
    ['duplicate-name', '/consumers/0/name', (d) => { d.consumers[0]!.name = 'shop'; }, /shop: another node \(producer\) already has this name/],
        ['duplicate-field', '/projections/0/columns/2/name', (d) => d.projections[0]!.columns.push({ name: 'total', type: 'number' }), /orders: two columns are called 'total'/],
    ['duplicate-id', '/consumers/0/id', (d) => { d.consumers[0]!.id = 'shop'; d.consumers[0]!.name = 'billing'; }, /id 'shop' is also the id of shop/],
    ['duplicate-handler', '/consumers/0/handlers/1', (d) => d.consumers[0]!.handlers.push(makeHandler('placed')), /billing: has two handlers for Placed/],
    ['extends-cycle', '/eventTypes/0/extends', (d) => { d.eventTypes[0]!.extends = 'billed'; d.eventTypes[1]!.extends = 'placed'; }, /Placed: inherits from itself \(Placed → Billed → Placed\)/],
    ['unknown-reference', '/eventTypes/0/extends', (d) => { d.eventTypes[0]!.extends = 'gone'; }, /extends 'gone', which is no event type/],
    ['unknown-reference', '/consumers/0/handlers/0/eventTypeId', (d) => { d.consumers[0]!.handlers[0]!.eventTypeId = 'gone'; }, /subscribes to 'gone'/],
    ['unknown-reference', '/consumers/0/handlers/0/effects/0/projectionId', (d) => { d.consumers[0]!.handlers[0]!.effects[0]!.projectionId = 'gone'; }, /updates 'gone', which is no projection/],
    ['unknown-reference', '/producers/0/commands/0/emits/1/eventTypeId', (d) => d.producers[0]!.commands[0]!.emits.push({ eventTypeId: 'gone', mappings: [] }), /emits 'gone', which is no event type/],
    ['aggregate-id-not-a-field', '/eventTypes/0/aggregateIdPath', (d) => { d.eventTypes[0]!.aggregateIdPath = '/id'; }, /aggregate id 'id' is not one of its fields/],
    ['enum-without-values', '/eventTypes/0/payload/properties/total/enum', (d) => { d.eventTypes[0]!.payload = objectSchemaOf([makeField('orderId'), makeField('total', { type: 'enum', required: false })]); }, /Placed: 'total' is an enum with no allowed values/],
    ['enum-without-values', '/producers/0/commands/0/input/properties/orderId/enum', (d) => { d.producers[0]!.commands[0]!.input = objectSchemaOf([makeField('orderId', { type: 'enum' })]); }, /input of Place: 'orderId' is an enum/],
    ['projection-key-not-a-column', '/projections/0/key', (d) => { d.projections[0]!.key = 'id'; }, /orders: key 'id' is not one of its columns/],
    ['empty-name', '/consumers/0/name', (d) => { d.consumers[0]!.name = '  '; }, /The consumer 'billing' has no name/],
    ['empty-name', '/eventTypes/1/payload/properties/', (d) => { d.eventTypes[1]!.payload = objectSchemaOf([makeField('orderId'), makeField('', { required: false })]); }, /Billed: the payload has a property without a name/],
    ['empty-name', '/consumers/0/handlers/0/externalEffects/0/name', (d) => { d.consumers[0]!.handlers[0]!.externalEffects = [{ name: ' ' }]; }, /billing: call #1 outside the transaction has no name/],
    ['invalid-retry-limit', '/consumers/0/retryLimit', (d) => { d.consumers[0]!.retryLimit = -1; }, /retry limit must be a whole number from 0 up \(is -1\)/],
    ['invalid-version', '/eventTypes/0/version', (d) => { d.eventTypes[0]!.version = 0; }, /version must be a whole number from 1 up/],
    ['invalid-scale-setting', '/consumers/0/instances', (d) => { d.consumers[0]!.instances = 1.5; }, /billing: instances must be a whole number from 1 up \(is 1.5\)/],
    ['invalid-scale-setting', '/consumers/0/handlers/0/delivery/partitions', (d) => { d.consumers[0]!.handlers[0]!.delivery = { kind: 'partitioned', partitions: 0 }; }, /billing: partitions must be a whole number from 1 up \(is 0\)/],
    ['ordering-key-not-a-field', '/consumers/0/handlers/0/delivery/key', (d) => { d.consumers[0]!.handlers[0]!.delivery = { kind: 'partitioned', partitions: 4, key: '/customer' }; }, /billing: ordering key 'customer' is not a field of Placed: pick the ordering key/],
    ['single-writer-without-partitions', '/consumers/0/handlers/0/delivery', (d) => { d.consumers[0]!.concurrency = 'single-writer'; }, /billing: single writer needs partitioned delivery on its subscription to Placed: pick partitioned delivery/],
    ['single-writer-without-partitions', '/consumers/0/handlers/0/delivery', (d) => { d.projections[0]!.concurrency = 'single-writer'; d.consumers[0]!.handlers[0]!.delivery = { kind: 'competing' }; }, /single writer needs partitioned delivery/],
  ];

  it.each(cases)('reports %s at %s', (code, path, change, message) => {
    const problems = problemsAfter(change).filter((p) => p.code === code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path, message: expect.stringMatching(message) });
  });

  it.each(cases.filter(([code]) => !['invalid-retry-limit', 'invalid-version', 'invalid-scale-setting', 'extends-cycle', 'duplicate-id', 'unknown-reference', 'emit-cycle'].includes(code)))(
    'tells the user what to do about %s at %s', (code, _path, change) => {
      const [problem] = problemsAfter(change).filter((p) => p.code === code);
      expect(problem!.message).toMatch(/: (pick|give|rename|remove|type|connect|add)\b|\((connect|emit) /);
    },
  );

  it('gives each problem a severity and the id of its node', () => {
    const [problem] = problemsAfter((d) => { d.consumers[0]!.retryLimit = -2; });
    expect(problem).toMatchObject({ severity: 'error', nodeId: 'billing' });
    const [warning] = problemsAfter((d) => d.eventTypes.push(makeEventType({ name: 'Orphan' })));
    expect(warning).toMatchObject({ severity: 'warning', nodeId: 'orphan' });
  });
});

describe('validateFlow: emit cycles', () => {
  it('given A handles X emits Y and B handles Y emits X, then one cycle is reported with both steps', () => {
    const doc = makeFlow({
      eventTypes: [makeEventType({ name: 'X' }), makeEventType({ name: 'Y' })],
      consumers: [
        makeConsumer({ name: 'a', handlers: [makeHandler('x', { emits: [{ eventTypeId: 'y', mappings: [] }] })] }),
        makeConsumer({ name: 'b', handlers: [makeHandler('y', { emits: [{ eventTypeId: 'x', mappings: [] }] })] }),
      ],
    });
    const cycles = validateFlow(doc).filter((p) => p.code === 'emit-cycle');
    expect(cycles).toEqual([{
      code: 'emit-cycle', severity: 'error', nodeId: 'a', path: '/consumers/0/handlers/0/emits/0',
      message: 'Emit cycle: a handles X and emits Y, b handles Y and emits X, so these events would be emitted forever',
    }]);
  });

  it('given a handler of an abstract base that emits one of its subtypes, then that is a cycle too', () => {
    const doc = makeFlow({
      eventTypes: [makeEventType({ name: 'Base', abstract: true }), makeEventType({ name: 'Sub', extends: 'base' })],
      consumers: [makeConsumer({ name: 'echo', handlers: [makeHandler('base', { emits: [{ eventTypeId: 'sub', mappings: [] }] })] })],
    });
    expect(codes(doc)).toContain('emit-cycle');
  });

  it('given a chain that ends, then there is no cycle', () => {
    expect(codes(healthy())).not.toContain('emit-cycle');
  });
});

describe('validateFlow: payload schemas and paths', () => {
  /** Ordered: a nested payload emitted by a producer whose input mirrors it. */
  function ordered(): FlowDocument {
    return makeFlow({
      eventTypes: [makeEventType({ name: 'Ordered', aggregateIdPath: '/customer/id', payload: {
        type: 'object', required: ['customer', 'lines'],
        properties: {
          customer: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' }, vip: { type: 'boolean' } } },
          lines: { type: 'array', items: { type: 'object', properties: { price: { type: 'number', minimum: 0 } } } },
          coupon: { type: ['string', 'null'] },
        },
      } })],
      producers: [makeProducer({ name: 'shop', commands: [makeCommand({
        name: 'Order',
        input: { type: 'object', properties: { who: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } }, lines: { type: 'array' } } },
        aggregateId: { from: 'input', path: '/who/id' },
        emits: [{ eventTypeId: 'ordered', mappings: [
          { target: '/customer/id', source: { from: 'input', path: '/who/id' } },
          { target: '/customer/name', source: { from: 'input', path: '/who/name' } },
          { target: '/lines', source: { from: 'input', path: '/lines' } },
        ] }],
      })] })],
      consumers: [makeConsumer({ name: 'crm', handlers: [makeHandler('ordered', { effects: [{ kind: 'upsert', projectionId: 'customers', key: { from: 'event', path: '/customer/id' },
        set: [{ target: 'name', source: { from: 'event', path: '/customer/name' } }, { target: 'first', source: { from: 'event', path: '/lines/0/price' } }] }] })] })],
      projections: [makeProjection({ name: 'customers', columns: ['name', 'first'] })],
    });
  }

  it('given a nested design mapped by path, then it finds nothing', () => {
    expect(validateFlow(ordered())).toEqual([]);
  });

  const nested: [ProblemCode, string, (doc: FlowDocument) => void, RegExp][] = [
    ['required-field-unmapped', '/producers/0/commands/0/emits/0/mappings', (d) => { d.producers[0]!.commands[0]!.emits[0]!.mappings.splice(1, 1); },
      /required field 'customer.name' of Ordered is not mapped/],
    ['required-field-unmapped', '/producers/0/commands/0/emits/0/mappings', (d) => { d.producers[0]!.commands[0]!.emits[0]!.mappings.splice(0, 2); },
      /required field 'customer' of Ordered is not mapped/],
    ['overlapping-mapping', '/producers/0/commands/0/emits/0/mappings/3', (d) => { d.producers[0]!.commands[0]!.emits[0]!.mappings.push({ target: '/customer', source: { from: 'input', path: '/who' } }); },
      /'customer' and 'customer.id' both set 'customer.id'/],
    ['unknown-source', '/consumers/0/handlers/0/effects/0/set/0/source', (d) => { const e = d.consumers[0]!.handlers[0]!.effects[0]!; if (e.kind === 'upsert') e.set[0]!.source = { from: 'event', path: '/customer/nmae' }; },
      /reads 'customer.nmae', which is no field of Ordered/],
    ['unknown-target', '/producers/0/commands/0/emits/0/mappings/3', (d) => { d.producers[0]!.commands[0]!.emits[0]!.mappings.push({ target: '/customer/vip/x', source: { from: 'literal', value: 1 } }); },
      /mapping '\/customer\/vip\/x' names no field of Ordered/],
    ['invalid-constraint', '/eventTypes/0/payload/properties/lines/items/properties/price/minimum', (d) => { Object.assign(((d.eventTypes[0]!.payload.properties as Record<string, any>).lines.items.properties.price), { maximum: -1 }); }, // eslint-disable-line @typescript-eslint/no-explicit-any
      /Ordered: 'lines.price' has minimum 0 above maximum -1, so no value fits/],
    ['invalid-constraint', '/eventTypes/0/payload/properties/coupon/pattern', (d) => { (d.eventTypes[0]!.payload.properties as Record<string, object>).coupon = { type: 'string', pattern: '([a-z' }; },
      /Ordered: 'coupon' has a pattern that is no regular expression/],
    ['invalid-schema', '/eventTypes/0/payload/properties/coupon/type', (d) => { (d.eventTypes[0]!.payload.properties as Record<string, object>).coupon = { type: 'text' }; },
      /Ordered: type: expected one of 'string'/],
    ['payload-not-object', '/eventTypes/0/payload/type', (d) => { d.eventTypes[0]!.payload = { type: 'array' }; },
      /the payload is array, but the Event Flow envelope puts the payload's properties beside its own, so it must be an object/],
    ['payload-shadows-envelope', '/eventTypes/0/payload/properties/eventId', (d) => { (d.eventTypes[0]!.payload.properties as Record<string, object>).eventId = { type: 'string' }; },
      /Ordered: 'eventId' is also an envelope attribute, and the envelope's value wins: rename it/],
    ['unknown-schema-ref', '/eventTypes/0/payload/properties/coupon/$ref', (d) => { (d.eventTypes[0]!.payload.properties as Record<string, object>).coupon = { $ref: 'https://example.com/coupon.json' }; },
      /only references into the design's schema library/],
    ['aggregate-id-not-a-field', '/eventTypes/0/aggregateIdPath', (d) => { d.eventTypes[0]!.aggregateIdPath = '/customer/uid'; }, /aggregate id 'customer.uid' is not one of its fields/],
    ['invalid-example', '/eventTypes/0/payload/properties/lines/items/properties/price/examples/1', (d) => { Object.assign(((d.eventTypes[0]!.payload.properties as Record<string, any>).lines.items.properties.price), { examples: [1, -2] }); }, // eslint-disable-line @typescript-eslint/no-explicit-any
      /Ordered: 'lines.price': example 2 does not fit it \(must be ≥ 0, is -2\)/],
    ['invalid-example', '/eventTypes/0/payload/properties/coupon/default', (d) => { (d.eventTypes[0]!.payload.properties as Record<string, object>).coupon = { type: ['string', 'null'], default: 5 }; },
      /'coupon': its default does not fit it \(must be string or null, is number 5\)/],
  ];

  it.each(nested)('reports %s at %s', (code, path, change, message) => {
    const doc = structuredClone(ordered());
    change(doc);
    const problems = validateFlow(doc).filter((p) => p.code === code);
    expect(problems, JSON.stringify(validateFlow(doc))).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path, message: expect.stringMatching(message) });
  });

  it('given CloudEvents, then a payload may be any schema and reuse envelope names', () => {
    const doc = structuredClone(ordered());
    doc.envelope = { kind: 'cloudevents' };
    (doc.eventTypes[0]!.payload.properties as Record<string, object>).eventId = { type: 'string' };
    expect(validateFlow(doc)).toEqual([]);
  });
});

describe('validateFlow: consistency at scale (issue 13)', () => {
  it('given three instances, partitioned delivery keyed by a field of the event and single writer, then there is no problem', () => {
    const doc = healthy();
    Object.assign(doc.consumers[0]!, { instances: 3, prefetch: 2, concurrency: 'single-writer', lockLeaseSteps: 40 });
    doc.consumers[0]!.handlers[0]!.delivery = { kind: 'partitioned', partitions: 8, key: '/orderId' };
    expect(validateFlow(doc)).toEqual([]);
  });
});
