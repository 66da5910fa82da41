/**
 * A flow for consistency-at-scale tests (issue 13): `shop` places orders (one stream per order,
 * OrderPlaced carries the customer); `tally` counts orders and items per customer in `customers`,
 * so every order of a customer writes the same projection row — two instances handling two orders
 * of one customer at once race on it.
 */
import { objectSchemaOf, type ConcurrencyControl, type Consumer, type DeliveryMode, type FlowDocument, type ProjectionCache } from '../../model';
import { eventType } from './smallFlows';

export interface TallyOptions {
  /** Instances of `tally` (default 2). */
  instances?: number;
  /** Its delivery mode (default competing). */
  mode?: DeliveryMode;
  /** Its concurrency control (default: none with several instances). */
  concurrency?: ConcurrencyControl;
  lockLeaseSteps?: number;
  /** Messages one instance of `tally` may hold unacknowledged (absent: 1). */
  prefetch?: number;
  inbox?: boolean;
  /** `customers` is read through a cache. */
  cache?: ProjectionCache;
}

export function tallyFlow(options: TallyOptions = {}): FlowDocument {
  const tally: Consumer = {
    id: 'tally', kind: 'consumer', name: 'tally', description: '', useInbox: options.inbox ?? true, retryLimit: 50, publishMode: 'outbox',
    instances: options.instances ?? 2,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.lockLeaseSteps ? { lockLeaseSteps: options.lockLeaseSteps } : {}),
    ...(options.prefetch ? { prefetch: options.prefetch } : {}),
    handlers: [{
      eventTypeId: 'order-placed', emits: [], delivery: options.mode ?? { kind: 'competing' },
      effects: [
        { kind: 'increment', projectionId: 'customers', key: { from: 'event', path: '/customer' }, column: 'orders', by: 1 },
        { kind: 'increment', projectionId: 'customers', key: { from: 'event', path: '/customer' }, column: 'items', by: 2 },
      ],
    }],
  };
  return {
    schemaVersion: 2, id: 'tally', name: 'tally', description: '', envelope: { kind: 'eventflow' }, schemaLibrary: [],
    eventTypes: [eventType('order-placed', [
      { name: 'orderId', type: 'uuid', required: true }, { name: 'customer', type: 'string', required: true },
    ], { aggregateIdPath: '/orderId' })],
    producers: [{
      id: 'shop', kind: 'producer', name: 'shop', description: '', aggregate: 'order', publishMode: 'outbox',
      commands: [{
        id: 'place', name: 'PlaceOrder', input: objectSchemaOf([{ name: 'orderId', type: 'uuid', required: true }, { name: 'customer', type: 'string', required: true }]),
        aggregateId: { from: 'input', path: '/orderId' },
        rowChanges: [{ target: 'customer', source: { from: 'input', path: '/customer' } }],
        emits: [{ eventTypeId: 'order-placed', mappings: [
          { target: '/orderId', source: { from: 'input', path: '/orderId' } },
          { target: '/customer', source: { from: 'input', path: '/customer' } },
        ] }],
      }],
    }],
    consumers: [tally],
    projections: [{ id: 'customers', kind: 'projection', name: 'customers', description: '', key: 'customer', columns: [
      { name: 'customer', type: 'string' }, { name: 'orders', type: 'number' }, { name: 'items', type: 'number' },
    ], ...(options.cache ? { cache: options.cache } : {}) }],
    layout: { positions: {} },
  };
}
