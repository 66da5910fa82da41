import {
  effectiveAggregateIdPath,
  inheritanceChain,
  type Command,
  type Consumer,
  type EventType,
  type FlowDocument,
  type Handler,
  type Producer,
  type Projection,
} from '../model';
import { getOwn } from '../model/ownKeys';
import type { RunSettings } from './settings';

export interface Subscription {
  consumer: Consumer;
  /** The consumer's most specific handler for the event type (its own, else its nearest base's). */
  handler: Handler;
}

/** Lookups over a flow snapshot, computed once per run. Pure. */
export interface FlowIndex {
  flow: FlowDocument;
  eventType(id: string): EventType | undefined;
  eventName(id: string): string;
  producer(id: string): Producer | undefined;
  command(producerId: string, commandId: string): Command | undefined;
  consumer(id: string): Consumer | undefined;
  projection(id: string): Projection | undefined;
  nodeName(id: string): string;
  /** Consumers subscribed to an event type, directly or through one of its base types. */
  subscriptions(eventTypeId: string): Subscription[];
  /** JSON Pointer of the aggregate id in the event type's payload (own or inherited). */
  aggregateIdPath(eventTypeId: string): string | undefined;
}

/** Builds the lookups for a flow. Pure. */
export function indexFlow(flow: FlowDocument): FlowIndex {
  const types = new Map(flow.eventTypes.map((e) => [e.id, e]));
  const producers = new Map(flow.producers.map((p) => [p.id, p]));
  const consumers = new Map(flow.consumers.map((c) => [c.id, c]));
  const projections = new Map(flow.projections.map((p) => [p.id, p]));
  const subs = new Map<string, Subscription[]>();
  const aggFields = new Map<string, string | undefined>();
  const subscriptions = (eventTypeId: string): Subscription[] => {
    const cached = subs.get(eventTypeId);
    if (cached) return cached;
    const chain = inheritanceChain(flow, eventTypeId).map((e) => e.id).reverse();
    const result: Subscription[] = [];
    for (const consumer of flow.consumers) {
      for (const typeId of chain) {
        const handler = consumer.handlers.find((h) => h.eventTypeId === typeId);
        if (handler) {
          result.push({ consumer, handler });
          break;
        }
      }
    }
    subs.set(eventTypeId, result);
    return result;
  };
  return {
    flow,
    eventType: (id) => types.get(id),
    eventName: (id) => types.get(id)?.name ?? id,
    producer: (id) => producers.get(id),
    command: (producerId, commandId) => producers.get(producerId)?.commands.find((c) => c.id === commandId),
    consumer: (id) => consumers.get(id),
    projection: (id) => projections.get(id),
    nodeName: (id) =>
      producers.get(id)?.name ?? consumers.get(id)?.name ?? projections.get(id)?.name ?? types.get(id)?.name ?? id,
    subscriptions,
    aggregateIdPath: (eventTypeId) => {
      if (!aggFields.has(eventTypeId)) aggFields.set(eventTypeId, effectiveAggregateIdPath(flow, eventTypeId));
      return aggFields.get(eventTypeId);
    },
  };
}

/** A run's override of a pattern for a node, if any (prototype-safe: node ids are user names). Pure. */
function override(switches: Record<string, boolean> | undefined, nodeId: string): boolean | undefined {
  return getOwn(switches, nodeId);
}

/** Whether a producer or consumer publishes through an outbox (run override, else the design). Pure. */
export function usesOutbox(index: FlowIndex, settings: RunSettings, ownerId: string): boolean {
  const owner = index.producer(ownerId) ?? index.consumer(ownerId);
  return override(settings.patterns.outbox, ownerId) ?? owner?.publishMode !== 'dual-write';
}

/** Whether a dual-write owner publishes before it commits (a run switch; the design's dual write commits first). Pure. */
export function publishesFirst(settings: RunSettings, ownerId: string): boolean {
  return override(settings.patterns.publishFirst, ownerId) ?? false;
}

/** Whether a consumer deduplicates with its inbox (run override, else the design). Pure. */
export function usesInbox(index: FlowIndex, settings: RunSettings, consumerId: string): boolean {
  return override(settings.patterns.inbox, consumerId) ?? index.consumer(consumerId)?.useInbox ?? true;
}

/** Whether a consumer derives the ids of the events it emits from the handled event (run override, else the design). Pure. */
export function derivesIds(index: FlowIndex, settings: RunSettings, consumerId: string): boolean {
  return override(settings.patterns.derivedIds, consumerId) ?? (index.consumer(consumerId)?.emittedIds ?? 'derived') === 'derived';
}

/** Whether callers send an idempotency key with this command (run override per producer, else the design). Pure. */
export function sendsIdempotencyKey(index: FlowIndex, settings: RunSettings, producerId: string, commandId: string): boolean {
  return override(settings.patterns.idempotencyKey, producerId) ?? index.command(producerId, commandId)?.idempotencyKey ?? false;
}

/** The aggregate type named by an aggregate-id field: `videoId` -> `video`. Pure. */
export function aggregateTypeFromField(field: string | undefined, fallback: string): string {
  if (!field) return fallback;
  const stripped = field.replace(/_?[iI][dD]$/, '');
  return stripped.length > 0 ? stripped : field;
}
