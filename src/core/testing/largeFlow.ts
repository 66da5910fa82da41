import type { Consumer, EventType, FlowDocument, Position, Producer, Projection } from '../model/types';
import { makeCommand, makeConsumer, makeEventType, makeFlow, makeHandler, makeProducer, makeProjection } from './builders';

/** A small seeded PRNG (mulberry32): the same seed gives the same design. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLUMN_WIDTH = 320;
const ROW_HEIGHT = 230;
/** One pipeline: a producer, four event types, four consumers, one projection. */
const PIPELINE_SIZE = 10;
const PIPELINES_PER_ROW = 10;

/** Up to nine nodes in one chain: producer → event → consumer → projection, then more event types. */
function smallFlow(nodes: number, id?: string): FlowDocument {
  const event = makeEventType({ name: 'OrderPlaced', fields: ['orderId', 'amount'] });
  const producer = makeProducer({ name: 'orders', emits: [event.id] });
  const projection = makeProjection({ name: 'orders-view', columns: [{ name: 'count', type: 'number' }] });
  const consumer = makeConsumer({
    name: 'billing',
    handlers: [makeHandler(event.id, nodes >= 4 ? { effects: [{ kind: 'increment', projectionId: projection.id, key: { from: 'envelope', path: '/aggregateId' }, column: 'count', by: 1 }] } : {})],
  });
  const extra = Array.from({ length: Math.max(0, nodes - 4) }, (_, i) => makeEventType({ name: `OrderNote${i}`, fields: ['note'] }));
  const chain = [producer, event, consumer, projection, ...extra].slice(0, Math.max(1, nodes));
  const has = (kind: string) => chain.filter((n) => n.kind === kind);
  const positions: Record<string, Position> = {};
  chain.forEach((node, i) => Object.defineProperty(positions, node.id, { value: { x: i * COLUMN_WIDTH, y: 0 }, enumerable: true, writable: true, configurable: true }));
  return makeFlow({
    id: id ?? `small-${nodes}`, name: `Small design (${chain.length} nodes)`,
    producers: has('producer') as Producer[], eventTypes: has('event') as EventType[],
    consumers: has('consumer') as Consumer[], projections: has('projection') as Projection[], layout: { positions },
  });
}

/**
 * A large, realistic design for benchmarks and render-count tests: `nodes` nodes (rounded down to
 * whole pipelines of ten) in pipelines of producer → event types (some extending a base type) →
 * consumers (some emitting further events, some handling another pipeline's events) → projection,
 * laid out left to right, pipelines on a grid. The same seed gives the same design. Pure.
 */
export function makeLargeFlow(options: { nodes: number; seed: number; id?: string }): FlowDocument {
  if (options.nodes < PIPELINE_SIZE) return smallFlow(options.nodes, options.id);
  const random = seeded(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const eventTypes: EventType[] = [];
  const producers: Producer[] = [];
  const consumers: Consumer[] = [];
  const projections: Projection[] = [];
  const positions: Record<string, Position> = {};
  const place = (id: string, pipeline: number, column: number, row: number) => {
    const band = { x: (pipeline % PIPELINES_PER_ROW) * 5 * COLUMN_WIDTH, y: Math.floor(pipeline / PIPELINES_PER_ROW) * 4.5 * ROW_HEIGHT };
    Object.defineProperty(positions, id, { value: { x: band.x + column * COLUMN_WIDTH, y: band.y + row * ROW_HEIGHT }, enumerable: true, writable: true, configurable: true });
  };
  const pipelines = Math.max(1, Math.floor(options.nodes / PIPELINE_SIZE));
  const fieldNames = ['orderId', 'customerId', 'amount', 'currency', 'status', 'sku', 'quantity', 'note', 'region', 'channel'];

  for (let p = 0; p < pipelines; p++) {
    const events: EventType[] = [];
    for (let e = 0; e < 4; e++) {
      const fields = Array.from({ length: 2 + Math.floor(random() * 4) }, (_, i) => `${pick(fieldNames)}${i}`);
      const base = e > 0 && random() < 0.3 ? events[0] : undefined;
      const event = makeEventType({
        name: `Order${p}Event${e}`, fields: [...new Set(fields)],
        ...(base ? { extends: base.id } : {}),
      });
      events.push(event);
      place(event.id, p, 1 + (e === 3 ? 2 : 0), e === 3 ? 0 : e);
    }
    eventTypes.push(...events);
    const producer = makeProducer({
      name: `orders-${p}`,
      commands: [
        makeCommand({ name: `Place${p}`, id: `place-${p}`, emits: [{ eventTypeId: events[0]!.id, mappings: [] }] }),
        makeCommand({ name: `Amend${p}`, id: `amend-${p}`, emits: [{ eventTypeId: events[1]!.id, mappings: [] }, { eventTypeId: events[2]!.id, mappings: [] }] }),
      ],
    });
    producers.push(producer);
    place(producer.id, p, 0, 1);
    const projection = makeProjection({ name: `orders-view-${p}`, columns: [{ name: 'count', type: 'number' }] });
    projections.push(projection);
    place(projection.id, p, 4, 1);
    for (let c = 0; c < 4; c++) {
      const handled = c < 3 ? events[c]! : events[3]!;
      const emits = c === 0 ? [{ eventTypeId: events[3]!.id, mappings: [] }] : [];
      const effects = c === 0 ? [] : [{ kind: 'increment' as const, projectionId: projection.id, key: { from: 'envelope' as const, path: '/aggregateId' }, column: 'count', by: 1 }];
      const handlers = [makeHandler(handled.id, { effects, emits })];
      // Some consumers also listen to another pipeline: long edges across the canvas.
      if (p > 0 && random() < 0.2) handlers.push(makeHandler(`order${Math.floor(random() * p)}-event0`));
      const consumer = makeConsumer({ name: `worker-${p}-${c}`, handlers });
      consumers.push(consumer);
      place(consumer.id, p, c === 3 ? 4 : 2, c === 3 ? 0 : c === 0 ? 0.5 : c + 0.5);
    }
  }
  return makeFlow({
    id: options.id ?? `large-${options.nodes}-${options.seed}`,
    name: `Large design (${pipelines * PIPELINE_SIZE} nodes, seed ${options.seed})`,
    eventTypes, producers, consumers, projections, layout: { positions },
  });
}
