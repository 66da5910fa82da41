/**
 * The infrastructure plan of a design: which PostgreSQL schemas and tables, which JetStream streams
 * and durable consumers, which processes. Computed once from the flow document and the run options;
 * the DDL (sqlSchema.ts), the JetStream configuration (jetstreamConfig.ts), the supervisor and every
 * child process read the same plan, so what is exported is what runs. Pure.
 */
import { effectiveAggregateIdPath, inheritanceChain, type FlowDocument } from '../../src/core';
import { indexFlow, publishesFirst, usesInbox, usesOutbox, type FlowIndex } from '../../src/core/engine/flowIndex';
import { orderingKeyOf, partitionOf } from '../../src/core/engine/instances';
import type { Payload } from '../../src/core/engine/runRecord';
import type { Consumer, RunSettings } from '../../src/core';
import { sqlName, streamName, subjectToken, uniqueNames } from './names';

/** How a consumer group shares a channel (issue 13 vocabulary); `key` is the design's ordering key (a JSON Pointer into the payload). */
export type DeliveryMode = { kind: 'partitioned'; partitions: number; key?: string } | { kind: 'competing' };

export { partitionOf };

export interface TopologyOptions {
  /** Prefix of every schema, stream and subject this run owns (`efd`). */
  namespace: string;
  /** Relay processes per outbox (they compete with FOR UPDATE SKIP LOCKED). */
  relaysPerOutbox: number;
  /** Instances per consumer id (`--instances`); wins over the design's `instances` (default 1). */
  instances: ReadonlyMap<string, number>;
  /**
   * Delivery mode per consumer id (`--mode`), for every channel it reads; wins over its handlers'
   * `delivery` in the design (default: partitioned with one partition, i.e. strictly ordered).
   */
  modes: ReadonlyMap<string, DeliveryMode>;
  /** JetStream ack wait: an unacked delivery comes back after this. */
  ackWaitMs: number;
  /** Messages an instance of a competing consumer may hold unacked, when the design's consumer sets no `prefetch`. */
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
  /**
   * The payload path (JSON Pointer) whose value picks a message's partition, when the design's
   * partitioned subscriptions on this channel order by a field; absent: the stream id (aggregate).
   */
  orderingKey?: string;
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
  /** Its delivery mode (on its first channel, when its handlers' modes differ per channel). */
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

/**
 * A message's ordering key on its channel, as the simulator computes it (the core's `orderingKeyOf`):
 * the payload value at the channel's `orderingKey`, else the aggregate id — so a message lands on the
 * same partition number here and in the simulator. Every event of one stream has its aggregate id,
 * so the order per stream holds. Pure.
 */
export function messageOrderingKey(channel: ChannelPlan, e: { aggregateId: string; payload: Payload }): string {
  return orderingKeyOf({ kind: 'partitioned', partitions: channel.partitions, ...(channel.orderingKey === undefined ? {} : { key: channel.orderingKey }) }, e);
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

/**
 * The delivery mode a consumer's handlers ask for on a channel (the design's `delivery`, issue 13):
 * partitioned when any of them is (the most partitions and its key), competing when all of them
 * compete; undefined when none sets a mode.
 */
export function designMode(index: FlowIndex, consumer: Consumer, typeIds: readonly string[]): DeliveryMode | undefined {
  const modes = typeIds.flatMap((t) => index.subscriptions(t).filter((s) => s.consumer.id === consumer.id).map((s) => s.handler.delivery));
  let partitioned: Extract<DeliveryMode, { kind: 'partitioned' }> | undefined;
  for (const m of modes) {
    if (m?.kind === 'partitioned' && (partitioned === undefined || m.partitions > partitioned.partitions)) {
      partitioned = { kind: 'partitioned', partitions: m.partitions, ...(m.key === undefined ? {} : { key: m.key }) };
    }
  }
  if (partitioned) return partitioned;
  return modes.length > 0 && modes.every((m) => m?.kind === 'competing') ? { kind: 'competing' } : undefined;
}

/** Builds the plan. Pure; throws on options that cannot run (instances < 1, partitions < 1, two ordering keys on one channel). */
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
  // A consumer's mode on a channel: the CLI's (whole consumer) over its handlers' in the design.
  const modeOf = (consumer: Consumer, typeIds: readonly string[]): DeliveryMode =>
    options.modes.get(consumer.id) ?? designMode(index, consumer, typeIds.filter((t) => subscribedBy.get(consumer.id)?.has(t))) ?? { kind: 'partitioned', partitions: 1 };
  const channelNames = uniqueNames([...new Set(channelOf.values())], (id) => streamName(index.eventName(id)));
  const channels: ChannelPlan[] = [...new Set(channelOf.values())].map((rootId) => {
    const name = index.eventName(rootId);
    const token = channelNames.get(rootId) ?? streamName(name);
    const typeIds = emitted.filter((id) => channelOf.get(id) === rootId);
    const readers = flow.consumers.filter((c) => typeIds.some((t) => subscribedBy.get(c.id)?.has(t)));
    const partitionedModes = readers.map((c) => modeOf(c, typeIds)).filter((m) => m.kind === 'partitioned');
    const partitions = Math.max(1, ...partitionedModes.map((m) => m.partitions));
    // One subject per message: every partitioned reader with more than one partition must order by the same key.
    const keyed = readers.flatMap((c) => {
      const m = modeOf(c, typeIds);
      return m.kind === 'partitioned' && m.partitions > 1 ? [{ consumer: c.name, key: m.key }] : [];
    });
    const keys = [...new Set(keyed.map((k) => k.key))];
    if (keys.length > 1) {
      throw new Error(`${name}: its subscribers order by different keys (${keyed.map((k) => `${k.consumer}: ${k.key ?? 'aggregate id'}`).join(', ')}); `
        + 'the runner publishes each message on one partition of the channel: give these subscriptions the same ordering key');
    }
    const orderingKey = keys[0];
    return {
      id: rootId, name, stream: `${streamName(ns).toUpperCase()}_${token}`, subjectPrefix: `${ns}.evt.${token}`, partitions,
      ...(orderingKey === undefined ? {} : { orderingKey }), eventTypeIds: typeIds,
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
    const instances = options.instances.get(c.id) ?? c.instances ?? 1;
    if (!(Number.isInteger(instances) && instances >= 1)) throw new Error(`${c.name}: instances must be a whole number of at least 1`);
    const prefetch = c.prefetch ?? options.prefetch;
    if (!(Number.isInteger(prefetch) && prefetch >= 1)) throw new Error(`${c.name}: prefetch must be a whole number of at least 1`);
    const handled = [...(subscribedBy.get(c.id) ?? [])];
    const durables: DurablePlan[] = [];
    let summary: DeliveryMode | undefined;
    for (const channel of channels) {
      const mine = handled.filter((t) => channel.eventTypeIds.includes(t));
      if (mine.length === 0) continue;
      const mode = modeOf(c, channel.eventTypeIds);
      if (mode.kind === 'partitioned' && !(Number.isInteger(mode.partitions) && mode.partitions >= 1)) throw new Error(`${c.name}: partitions must be a whole number of at least 1`);
      summary ??= mode;
      const only = mine.length === 1 && channel.eventTypeIds.length > 1 ? channel.typeTokens.find(([id]) => id === mine[0]) : undefined;
      const typeToken = only?.[1] ?? '>';
      const base = `${consumerTokens.get(c.id) ?? streamName(c.id)}__${channel.subjectPrefix.split('.').at(-1)}`;
      if (mode.kind === 'competing') {
        durables.push({ channelId: channel.id, stream: channel.stream, durable: base, filterSubject: `${channel.subjectPrefix}.*.${typeToken}`, maxAckPending: instances * prefetch });
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
      instances, mode: summary ?? options.modes.get(c.id) ?? { kind: 'partitioned', partitions: 1 }, durables, handledTypeIds: handled,
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
