/**
 * Run mode's views of consistency at scale (issue 13), computed from the run row and the run's
 * rows: each consumer group's instances (partitions owned, what each holds in flight, down or
 * slow), each partition's offsets and lag, and each row lock's state. Pure.
 */
import { countOf, findNode, type DeliveryRecord, type FlowDocument, type LockRecord, type ProcessRecord, type RunRecord } from '../../../core';

export interface InstanceView {
  processId: string;
  /** `order-tracker#2` (the name the trace uses; the bare name while the group has one instance). */
  name: string;
  /** Instance number from 1. */
  number: number;
  incarnation: number;
  /** Down (killed) until this step. */
  downUntil?: number;
  /** Slow-instance fault: acts only every `slowFactor`-th step. */
  slowFactor?: number;
  /** Partitions owned, per partitioned subscription (event type name). */
  partitions: { eventTypeId: string; eventTypeName: string; partitions: number[] }[];
  /** The delivery it holds (in flight to it), and how far its handling got. */
  holding?: { deliverySeq: number; stage: string };
  /** Deliveries it took ahead (prefetch above 1) and holds unacknowledged, not yet started, in the order taken. */
  prefetched: number[];
}

export interface GroupView {
  consumerId: string;
  name: string;
  instances: InstanceView[];
  /** Instances the run asks for (`settings.instances`, else the design's). */
  wanted: number;
  partitioned: boolean;
  kills: number;
  conflicts: number;
  lockWaits: number;
  fenced: number;
}

const nameOf = (flow: FlowDocument, id: string) => findNode(flow, id)?.name ?? id;

/** The instances a consumer runs as (`settings.instances` wins over the design). */
export function wantedInstances(run: RunRecord, consumerId: string): number {
  const override = Object.entries(run.settings.instances ?? {}).find(([id]) => id === consumerId)?.[1];
  const consumer = run.flow.consumers.find((c) => c.id === consumerId);
  return Math.max(1, Math.floor(override ?? consumer?.instances ?? 1));
}

function instanceView(run: RunRecord, process: ProcessRecord): InstanceView {
  const name = nameOf(run.flow, process.nodeId);
  const full = process.instance === undefined ? name : `${name}#${process.instance}`;
  const slow = run.settings.faults.slowInstances?.find((s) => s.instance === full);
  return {
    processId: process.id,
    name: full,
    number: process.instance ?? 1,
    incarnation: process.incarnation,
    ...(process.downUntil !== undefined ? { downUntil: process.downUntil } : {}),
    ...(slow && slow.factor > 1 ? { slowFactor: slow.factor } : {}),
    partitions: (process.owns ?? []).map((o) => ({ eventTypeId: o.eventTypeId, eventTypeName: nameOf(run.flow, o.eventTypeId), partitions: [...o.partitions] })),
    ...(process.consumer ? { holding: { deliverySeq: process.consumer.deliverySeq, stage: process.consumer.stage } } : {}),
    prefetched: [...(process.prefetched ?? [])],
  };
}

/**
 * Every consumer with several instances, a delivery mode, or a run override of its instances, with
 * its instances in order. Consumers that run as one plain process are left out.
 */
export function consumerGroups(run: RunRecord): GroupView[] {
  const groups: GroupView[] = [];
  for (const consumer of run.flow.consumers) {
    const processes = run.processes.filter((p) => p.kind === 'consumer' && p.nodeId === consumer.id).sort((a, b) => (a.instance ?? 1) - (b.instance ?? 1));
    const partitioned = consumer.handlers.some((h) => h.delivery?.kind === 'partitioned');
    const wanted = wantedInstances(run, consumer.id);
    if (processes.length <= 1 && wanted <= 1 && !consumer.handlers.some((h) => h.delivery !== undefined)) continue;
    const s = run.stats;
    groups.push({
      consumerId: consumer.id,
      name: consumer.name,
      instances: processes.map((p) => instanceView(run, p)),
      wanted,
      partitioned,
      kills: countOf(s.instanceKills ?? {}, consumer.id),
      conflicts: countOf(s.conflicts ?? {}, consumer.id),
      lockWaits: countOf(s.lockWaits ?? {}, consumer.id),
      fenced: countOf(s.fenced ?? {}, consumer.id),
    });
  }
  return groups;
}

/** One partition of a partitioned subscription, as a broker shows it. */
export interface PartitionRow {
  consumerId: string;
  consumerName: string;
  eventTypeId: string;
  eventTypeName: string;
  partition: number;
  /** The owning instance's name, or undefined when no live instance owns it. */
  owner?: string;
  /** Messages in the partition (the end offset): deliveries to the group, copies included. */
  end: number;
  /** Acknowledged (the committed offset). */
  acked: number;
  inFlight: number;
  queued: number;
  dead: number;
  /** Messages not yet acknowledged or dead-lettered: end − acked − dead. */
  lag: number;
  /** The instance holding its in-flight message (it blocks the partition until acked). */
  heldBy?: string;
}

/** The partitions of one consumer's partitioned subscriptions, with offsets and lag, from its deliveries. */
export function partitionRows(run: RunRecord, consumerId: string, deliveries: readonly DeliveryRecord[]): PartitionRow[] {
  const consumer = run.flow.consumers.find((c) => c.id === consumerId);
  if (!consumer) return [];
  const owners = new Map<string, string>();
  const holders = new Map<string, string>();
  for (const p of run.processes) {
    if (p.kind !== 'consumer' || p.nodeId !== consumerId) continue;
    const view = instanceView(run, p);
    for (const o of view.partitions) for (const n of o.partitions) owners.set(`${o.eventTypeId}\u0000${n}`, view.name);
    holders.set(p.id, view.name);
  }
  const rows = new Map<string, PartitionRow>();
  for (const handler of consumer.handlers) {
    if (handler.delivery?.kind !== 'partitioned') continue;
    for (let n = 0; n < handler.delivery.partitions; n++) {
      const key = `${handler.eventTypeId}\u0000${n}`;
      const owner = owners.get(key);
      rows.set(key, {
        consumerId, consumerName: consumer.name, eventTypeId: handler.eventTypeId, eventTypeName: nameOf(run.flow, handler.eventTypeId),
        partition: n, ...(owner === undefined ? {} : { owner }), end: 0, acked: 0, inFlight: 0, queued: 0, dead: 0, lag: 0,
      });
    }
  }
  for (const d of deliveries) {
    const row = d.partition === undefined ? undefined : rows.get(`${d.eventTypeId}\u0000${d.partition}`);
    if (!row) continue;
    row.end += 1;
    if (d.status === 'acked') row.acked += 1;
    else if (d.status === 'dead') row.dead += 1;
    else if (d.status === 'in-flight') {
      row.inFlight += 1;
      if (d.instance !== undefined) row.heldBy = holders.get(d.instance) ?? d.instance;
    } else row.queued += 1;
  }
  for (const row of rows.values()) row.lag = row.end - row.acked - row.dead;
  return [...rows.values()];
}

export type LockState = 'held' | 'lease-ended' | 'holder-dead';

/**
 * A row lock's state at the run's step: `holder-dead` when its holder instance is down, removed or
 * restarted since it took the lock (the lock stays until its lease ends); `lease-ended` once the step
 * is past its lease (the next instance that asks takes it over); else `held`.
 */
export function lockState(run: RunRecord, lock: LockRecord): LockState {
  const holder = run.processes.find((p) => p.id === lock.holder);
  if (!holder || holder.downUntil !== undefined || holder.incarnation !== lock.incarnation) return 'holder-dead';
  return run.step > lock.leaseUntil ? 'lease-ended' : 'held';
}

/** What one instance carries now: the lag of the partitions it owns (summed) and the messages in flight to it. */
export interface InstanceLoad {
  lag: number;
  inFlight: number;
}

/**
 * Per instance (by process id) of a consumer: the lag summed over the partitions it owns and the
 * deliveries in flight to it, from the consumer's partitioned deliveries; an instance of a group
 * without partitions counts the delivery it holds. Pure.
 */
export function instanceLoads(run: RunRecord, consumerId: string, deliveries: readonly DeliveryRecord[]): Map<string, InstanceLoad> {
  const loads = new Map<string, InstanceLoad>();
  const byName = new Map<string, InstanceLoad>();
  for (const p of run.processes) {
    if (p.kind !== 'consumer' || p.nodeId !== consumerId) continue;
    const load = { lag: 0, inFlight: 0 };
    loads.set(p.id, load);
    byName.set(instanceView(run, p).name, load);
  }
  for (const row of partitionRows(run, consumerId, deliveries)) {
    const owner = row.owner === undefined ? undefined : byName.get(row.owner);
    if (owner) owner.lag += row.lag;
  }
  for (const d of deliveries) {
    const load = d.status === 'in-flight' && d.instance !== undefined ? loads.get(d.instance) : undefined;
    if (load) load.inFlight += 1;
  }
  for (const p of run.processes) {
    const load = loads.get(p.id);
    const held = (p.consumer ? 1 : 0) + (p.prefetched?.length ?? 0);
    if (load && load.inFlight < held) load.inFlight = held;
  }
  return loads;
}
