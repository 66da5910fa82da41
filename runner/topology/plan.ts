/**
 * The infrastructure plan of a design: which PostgreSQL schemas and tables, which JetStream streams
 * and durable consumers, which processes. Computed once from the flow document and the run options;
 * the DDL (sqlSchema.ts), the JetStream configuration (jetstreamConfig.ts), the supervisor and every
 * child process read the same plan, so what is exported is what runs. Pure.
 */
import { effectiveAggregateIdPath, inheritanceChain, type FlowDocument } from '../../src/core';
import { indexFlow, publishesFirst, usesInbox, usesOutbox } from '../../src/core/engine/flowIndex';
import type { RunSettings } from '../../src/core';
import { sqlName, streamName, subjectToken, uniqueNames } from './names';

/** How a consumer group shares a channel (issue 13 vocabulary). */
export type DeliveryMode = { kind: 'partitioned'; partitions: number } | { kind: 'competing' };

export interface TopologyOptions {
  /** Prefix of every schema, stream and subject this run owns (`efd`). */
  namespace: string;
  /** Relay processes per outbox (they compete with FOR UPDATE SKIP LOCKED). */
  relaysPerOutbox: number;
  /** Instances per consumer id (default 1). */
  instances: ReadonlyMap<string, number>;
  /** Delivery mode per consumer id (default: partitioned with one partition, i.e. strictly ordered). */
  modes: ReadonlyMap<string, DeliveryMode>;
  /** JetStream ack wait: an unacked delivery comes back after this. */
  ackWaitMs: number;
  /** Messages an instance of a competing consumer may hold unacked. */
  prefetch: number;
  /** Publish with `Nats-Msg-Id` = event id, so JetStream drops a republish inside its duplicate window. */
  brokerDedupe: boolean;
  /** The run's settings (pattern overrides), as in the simulator. */
  settings: RunSettings;
}

export const DEFAULT_TOPOLOGY: Omit<TopologyOptions, 'settings'> = {
  namespace: 'efd',
  relaysPerOutbox: 1,
  instances: new Map(),
  modes: new Map(),
  ackWaitMs: 2_000,
  prefetch: 4,
  brokerDedupe: true,
};

export interface ChannelPlan {
  /** The channel's root event type id (the highest base that carries the same aggregate id). */
  id: string;
  name: string;
  stream: string;
  /** `<ns>.evt.<channel>`; messages go to `<prefix>.p<partition>.<eventType>`. */
  subjectPrefix: string;
  partitions: number;
  /** Concrete event type ids published on this channel. */
  eventTypeIds: string[];
  /** The last subject token of each event type id on this channel. */
  typeTokens: [string, string][];
}

export interface DurablePlan {
  channelId: string;
  stream: string;
  durable: string;
  filterSubject: string;
  /** The partition this durable reads (partitioned mode), else undefined. */
  partition?: number;
  maxAckPending: number;
  /** The instance (0-based) that pulls from it; undefined: every instance (competing). */
  instance?: number;
}

export interface OutboxOwnerPlan {
  id: string;
  name: string;
  kind: 'producer' | 'consumer';
  schema: string;
  /** Outbox (true) or dual write (false), after the run's overrides. */
  outbox: boolean;
  /** Dual write only: publish before the commit (a failed commit leaves a phantom). */
  publishFirst: boolean;
  /** Whether anything it does can emit an event (a relay is started only then). */
  emits: boolean;
}

export interface ProducerPlan extends OutboxOwnerPlan {
  kind: 'producer';
  businessTable: string;
}

export interface ConsumerPlan extends OutboxOwnerPlan {
  kind: 'consumer';
  inbox: boolean;
  /** JetStream max_deliver: the first delivery plus `retryLimit` retries. */
  maxDeliver: number;
  instances: number;
  mode: DeliveryMode;
  durables: DurablePlan[];
  /** Concrete event type ids it handles (its own handlers and those of their base types). */
  handledTypeIds: string[];
}

export interface ProjectionPlan {
  id: string;
  name: string;
  table: string;
  keyColumn: string;
  columns: { name: string; type: string }[];
}

export interface InfraPlan {
  namespace: string;
  schemas: { eventStore: string; readModel: string; runner: string };
  producers: ProducerPlan[];
  consumers: ConsumerPlan[];
  projections: ProjectionPlan[];
  channels: ChannelPlan[];
  /** Where every event type id is published. */
  channelOf: ReadonlyMap<string, string>;
  deadLetters: { stream: string; subjectPrefix: string };
  /** The outside world's log of external side effects (e-mails sent, APIs called). */
  externalEffects: { stream: string; subjectPrefix: string };
  advisories: { stream: string; durable: string };
  ackWaitMs: number;
  brokerDedupe: boolean;
  relaysPerOutbox: number;
}

/** JetStream deliveries of a message before it is dead-lettered: 1 + the consumer's retry limit (0 = no retry). */
export function maxDeliveries(retryLimit: number): number {
  return 1 + Math.max(0, Math.floor(retryLimit));
}

/** The channel root of an event type: its highest base carrying the same aggregate id path. Pure. */
export function channelRoot(flow: FlowDocument, eventTypeId: string): string {
  const path = effectiveAggregateIdPath(flow, eventTypeId);
  if (path === undefined) return eventTypeId;
  const chain = inheritanceChain(flow, eventTypeId);
  const root = chain.find((type) => effectiveAggregateIdPath(flow, type.id) === path);
  return root?.id ?? eventTypeId;
}

/** The partition of an ordering key among `partitions` (FNV-1a), as the relay and consumers agree. Pure. */
export function partitionOf(orderingKey: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < orderingKey.length; i++) h = Math.imul(h ^ orderingKey.charCodeAt(i), 0x01000193) >>> 0;
  return partitions <= 1 ? 0 : h % partitions;
}

/** The subject a message of `eventTypeId` with `orderingKey` is published on. Pure. */
export function messageSubject(channel: ChannelPlan, eventTypeId: string, orderingKey: string): string {
  const token = channel.typeTokens.find(([id]) => id === eventTypeId)?.[1];
  if (token === undefined) throw new Error(`event type ${eventTypeId} is not published on channel ${channel.name}`);
  return `${channel.subjectPrefix}.p${partitionOf(orderingKey, channel.partitions)}.${token}`;
}

/** Emitted (concrete) event types: those a command or a handler emits. */
function emittedTypeIds(flow: FlowDocument): Set<string> {
  const ids = new Set<string>();
  for (const p of flow.producers) for (const c of p.commands) for (const e of c.emits) ids.add(e.eventTypeId);
  for (const c of flow.consumers) for (const h of c.handlers) for (const e of h.emits) ids.add(e.eventTypeId);
  return ids;
}

/** Builds the plan. Pure; throws on options that cannot run (instances < 1, partitions < 1). */
export function planInfrastructure(flow: FlowDocument, options: TopologyOptions): InfraPlan {
  const index = indexFlow(flow);
  const ns = sqlName(options.namespace, 20);
  const serviceNames = uniqueNames([...flow.producers, ...flow.consumers].map((n) => n.id), (id) => sqlName(id, 40), 40);
  const schema = (id: string) => `${ns}_${serviceNames.get(id) ?? sqlName(id, 40)}`;
  const emitted = [...emittedTypeIds(flow)].filter((id) => index.eventType(id) !== undefined);
  const typeTokens = uniqueNames(flow.eventTypes.map((e) => e.id), (id) => subjectToken(index.eventName(id)));
  const consumerTokens = uniqueNames(flow.consumers.map((c) => c.id), streamName);
  const channelOf = new Map(emitted.map((id) => [id, channelRoot(flow, id)]));
  const subscribedBy = new Map<string, Set<string>>();
  for (const typeId of emitted) {
    for (const { consumer } of index.subscriptions(typeId)) {
      const set = subscribedBy.get(consumer.id) ?? new Set<string>();
      set.add(typeId);
      subscribedBy.set(consumer.id, set);
    }
  }
  const modeOf = (consumerId: string): DeliveryMode => options.modes.get(consumerId) ?? { kind: 'partitioned', partitions: 1 };
  const channelNames = uniqueNames([...new Set(channelOf.values())], (id) => streamName(index.eventName(id)));
  const channels: ChannelPlan[] = [...new Set(channelOf.values())].map((rootId) => {
    const name = index.eventName(rootId);
    const token = channelNames.get(rootId) ?? streamName(name);
    const typeIds = emitted.filter((id) => channelOf.get(id) === rootId);
    const partitions = Math.max(1, ...flow.consumers.map((c) => {
      const mode = modeOf(c.id);
      const subscribes = typeIds.some((t) => subscribedBy.get(c.id)?.has(t));
      return subscribes && mode.kind === 'partitioned' ? mode.partitions : 1;
    }));
    return {
      id: rootId, name, stream: `${streamName(ns).toUpperCase()}_${token}`, subjectPrefix: `${ns}.evt.${token}`, partitions, eventTypeIds: typeIds,
      typeTokens: typeIds.map((id) => [id, typeTokens.get(id) ?? subjectToken(index.eventName(id))]),
    };
  });
  const channelById = new Map(channels.map((c) => [c.id, c]));
  const { settings } = options;

  const producers: ProducerPlan[] = flow.producers.map((p) => ({
    id: p.id, name: p.name, kind: 'producer', schema: schema(p.id), businessTable: `business_${sqlName(p.aggregate || 'row', 40)}`,
    outbox: usesOutbox(index, settings, p.id), publishFirst: publishesFirst(settings, p.id), emits: p.commands.some((c) => c.emits.length > 0),
  }));

  const consumers: ConsumerPlan[] = flow.consumers.map((c) => {
    const instances = options.instances.get(c.id) ?? 1;
    if (!(Number.isInteger(instances) && instances >= 1)) throw new Error(`${c.name}: instances must be a whole number of at least 1`);
    const mode = modeOf(c.id);
    if (mode.kind === 'partitioned' && !(Number.isInteger(mode.partitions) && mode.partitions >= 1)) throw new Error(`${c.name}: partitions must be a whole number of at least 1`);
    const handled = [...(subscribedBy.get(c.id) ?? [])];
    const durables: DurablePlan[] = [];
    for (const channel of channels) {
      const mine = handled.filter((t) => channel.eventTypeIds.includes(t));
      if (mine.length === 0) continue;
      const only = mine.length === 1 && channel.eventTypeIds.length > 1 ? channel.typeTokens.find(([id]) => id === mine[0]) : undefined;
      const typeToken = only?.[1] ?? '>';
      const base = `${consumerTokens.get(c.id) ?? streamName(c.id)}__${channel.subjectPrefix.split('.').at(-1)}`;
      if (mode.kind === 'competing') {
        durables.push({ channelId: channel.id, stream: channel.stream, durable: base, filterSubject: `${channel.subjectPrefix}.*.${typeToken}`, maxAckPending: instances * options.prefetch });
      } else {
        for (let p = 0; p < channel.partitions; p++) {
          durables.push({
            channelId: channel.id, stream: channel.stream, durable: `${base}__p${p}`, filterSubject: `${channel.subjectPrefix}.p${p}.${typeToken}`,
            partition: p, maxAckPending: 1, instance: p % instances,
          });
        }
      }
    }
    return {
      id: c.id, name: c.name, kind: 'consumer', schema: schema(c.id), outbox: usesOutbox(index, settings, c.id), publishFirst: publishesFirst(settings, c.id),
      emits: c.handlers.some((h) => h.emits.length > 0), inbox: usesInbox(index, settings, c.id), maxDeliver: maxDeliveries(c.retryLimit),
      instances, mode, durables, handledTypeIds: handled,
    };
  });

  const tables = uniqueNames(flow.projections.map((p) => p.id), (id) => sqlName(id, 50), 50);
  const projections: ProjectionPlan[] = flow.projections.map((p) => ({
    id: p.id, name: p.name, table: tables.get(p.id) ?? sqlName(p.id, 50), keyColumn: p.key, columns: p.columns.map((c) => ({ name: c.name, type: c.type })),
  }));
  const reserved = new Set([`${ns}_event_store`, `${ns}_read_model`, `${ns}_runner`]);
  const clash = [...producers, ...consumers].find((o) => reserved.has(o.schema));
  if (clash) throw new Error(`the node id "${clash.id}" maps to the schema ${clash.schema}, which the runner uses itself; rename the node`);
  const upper = streamName(ns).toUpperCase();
  return {
    namespace: ns,
    schemas: { eventStore: `${ns}_event_store`, readModel: `${ns}_read_model`, runner: `${ns}_runner` },
    producers,
    consumers,
    projections,
    channels: [...channelById.values()],
    channelOf,
    deadLetters: { stream: `${upper}_DEAD_LETTERS`, subjectPrefix: `${ns}.dead` },
    externalEffects: { stream: `${upper}_EXTERNAL_EFFECTS`, subjectPrefix: `${ns}.external` },
    advisories: { stream: `${upper}_MAX_DELIVERIES`, durable: 'dead-letter-forwarder' },
    ackWaitMs: options.ackWaitMs,
    brokerDedupe: options.brokerDedupe,
    relaysPerOutbox: options.relaysPerOutbox,
  };
}

/** The outbox owners (producers and consumers), by id. Pure. */
export function outboxOwner(plan: InfraPlan, id: string): ProducerPlan | ConsumerPlan | undefined {
  return plan.producers.find((p) => p.id === id) ?? plan.consumers.find((c) => c.id === id);
}
