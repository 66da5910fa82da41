/**
 * Consumer groups (issue 13): a consumer runs as several instances, one process each. A
 * partitioned subscription's partitions are owned by one live instance at a time (round robin at
 * the start); when an instance dies or comes back, the group rebalances sticky (only the partitions
 * that must move, move) and the step says which partitions moved. Pure helpers plus the two steps that
 * change the group: an instance killed (fault) and an instance starting again.
 */
import { valueAtPath, type Consumer, type DeliveryMode, type Handler } from '../model';
import { bump, countOf } from './counters';
import { dropPendingPublishes, lostText } from './processes';
import type { FlowIndex } from './flowIndex';
import type { OwnedPartitions, Payload, ProcessRecord, RunRecord } from './runRecord';
import type { StepContext, StepReport } from './stepContext';

/** Instances of a consumer (1 when the design sets none). Pure. */
export const instancesOf = (consumer: Pick<Consumer, 'instances'> | undefined): number => Math.max(1, Math.floor(consumer?.instances ?? 1));

/** Messages one instance may hold unacknowledged at once (`Consumer.prefetch`; 1 when the design sets none). Pure. */
export const prefetchOf = (consumer: Pick<Consumer, 'prefetch'> | undefined): number => Math.max(1, Math.floor(consumer?.prefetch ?? 1));

/** The deliveries an instance holds unacknowledged: the one it works on and those it prefetched. Pure. */
export const heldDeliveries = (process: Pick<ProcessRecord, 'consumer' | 'prefetched'>): number[] =>
  [...(process.consumer ? [process.consumer.deliverySeq] : []), ...(process.prefetched ?? [])];

/** "delivery #4 stays" / "deliveries #4, #7 stay" unacknowledged at the broker …, or "" when it held none. Pure. */
export function heldText(process: Pick<ProcessRecord, 'consumer' | 'prefetched'>, until = 'until its ack deadline'): string {
  const held = heldDeliveries(process);
  if (held.length === 0) return '';
  return held.length === 1 ? `; delivery #${held[0]} stays unacknowledged at the broker ${until}` : `; deliveries ${held.map((s) => `#${s}`).join(', ')} stay unacknowledged at the broker ${until.replace('its', 'their')}`;
}

/** The process id of instance `n` (from 1) of a consumer: `consumer:<id>` for the first, as before issue 13. Pure. */
export const instanceProcessId = (consumerId: string, n: number): string => (n <= 1 ? `consumer:${consumerId}` : `consumer:${consumerId}#${n}`);

/** Whether a consumer takes part in issue 13's group semantics (several instances or a delivery mode). Pure. */
export function isGroup(consumer: Consumer | undefined): boolean {
  return consumer !== undefined && (instancesOf(consumer) > 1 || consumer.handlers.some((h) => h.delivery !== undefined));
}

/** The name an instance has in the trace: the consumer's name, with `#n` when its group has (or had) several instances. */
export function instanceName(index: FlowIndex, process: Pick<ProcessRecord, 'nodeId' | 'instance'>): string {
  const name = index.nodeName(process.nodeId);
  return process.instance === undefined ? name : `${name}#${process.instance}`;
}

/** How many instances a consumer runs as now (killed ones included). */
export function groupSize(run: RunRecord, consumerId: string): number {
  let n = 0;
  for (const p of run.processes) if (p.kind === 'consumer' && p.nodeId === consumerId) n += 1;
  return n;
}

/** The partition of an ordering key among `partitions` (FNV-1a, as `runner/topology/plan.ts` computes it). Pure. */
export function partitionOf(orderingKey: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < orderingKey.length; i++) h = Math.imul(h ^ orderingKey.charCodeAt(i), 0x01000193) >>> 0;
  return partitions <= 1 ? 0 : h % partitions;
}

/** A message's ordering key under a partitioned mode: the payload value at `key`, or the aggregate id. Pure. */
export function orderingKeyOf(mode: Extract<DeliveryMode, { kind: 'partitioned' }>, message: { aggregateId: string; payload: Payload }): string {
  if (mode.key === undefined) return message.aggregateId;
  const value = valueAtPath(message.payload as Payload, mode.key);
  return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The live (not killed) instances of a consumer, in instance order. */
export function liveInstances(run: RunRecord, consumerId: string): ProcessRecord[] {
  return run.processes.filter((p) => p.kind === 'consumer' && p.nodeId === consumerId && p.downUntil === undefined)
    .sort((a, b) => (a.instance ?? 1) - (b.instance ?? 1));
}

/** The partitioned subscriptions of a consumer. Pure. */
export function partitionedHandlers(consumer: Consumer): (Handler & { delivery: Extract<DeliveryMode, { kind: 'partitioned' }> })[] {
  return consumer.handlers.filter((h): h is Handler & { delivery: Extract<DeliveryMode, { kind: 'partitioned' }> } => h.delivery?.kind === 'partitioned');
}

/**
 * Sticky assignment of one subscription's partitions (pure): every live instance keeps what it
 * owns; the partitions of dead or removed instances (or owned by nobody) go, in partition order, to
 * the least loaded live instance (ties: the lowest instance); then, while one instance owns two or
 * more partitions beyond another (an instance was added or came back), the most loaded gives its
 * highest partition to the least loaded. Only the partitions that must move, move.
 * `owner[n]`: the instance (index into `live`) that owned partition n, -1 for none live.
 */
export function stickyAssignment(owner: readonly number[], live: number): number[] {
  if (live === 0) return owner.map(() => -1);
  const next = [...owner];
  const load = Array.from({ length: live }, (_, i) => next.filter((o) => o === i).length);
  const least = () => load.indexOf(Math.min(...load));
  next.forEach((o, n) => {
    if (o >= 0 && o < live) return;
    const to = least();
    next[n] = to;
    load[to]! += 1;
  });
  for (;;) {
    const most = load.indexOf(Math.max(...load));
    const to = least();
    if (load[most]! - load[to]! <= 1) return next;
    const give = next.lastIndexOf(most);
    next[give] = to;
    load[most]! -= 1;
    load[to]! += 1;
  }
}

/**
 * Rebalances the consumer's partitioned subscriptions over its live instances, sticky (see
 * `stickyAssignment`; the first assignment at start is round robin, `initialInstances`); writes each
 * instance's `owns`. Returns what moved, in words ("" when nothing moved or the consumer has no
 * partitioned subscription).
 */
export function rebalance(run: RunRecord, index: FlowIndex, consumerId: string): string {
  const consumer = index.consumer(consumerId);
  if (!consumer) return '';
  const handlers = partitionedHandlers(consumer);
  if (handlers.length === 0) return '';
  const live = liveInstances(run, consumerId);
  const before = new Map<string, string>();
  for (const p of run.processes) {
    if (p.nodeId !== consumerId || p.kind !== 'consumer') continue;
    for (const o of p.owns ?? []) for (const n of o.partitions) before.set(`${o.eventTypeId}\u0000${n}`, p.id);
    p.owns = [];
  }
  const moved: string[] = [];
  for (const handler of handlers) {
    const owners = Array.from({ length: handler.delivery.partitions }, (_, n) => live.findIndex((p) => p.id === before.get(`${handler.eventTypeId}\u0000${n}`)));
    const assigned = stickyAssignment(owners, live.length);
    assigned.forEach((i, n) => {
      const owner = live[i];
      if (owner) {
        let owned = owner.owns?.find((o) => o.eventTypeId === handler.eventTypeId);
        if (!owned) (owner.owns ??= []).push((owned = { eventTypeId: handler.eventTypeId, partitions: [] } satisfies OwnedPartitions));
        owned.partitions.push(n);
      }
      const was = before.get(`${handler.eventTypeId}\u0000${n}`);
      if (was !== owner?.id) {
        const type = handlers.length > 1 ? `${index.nodeName(handler.eventTypeId)} ` : '';
        moved.push(`${type}partition ${n} → ${owner ? instanceName(index, owner) : 'nobody (no live instance)'}`);
      }
    });
  }
  return moved.length === 0 ? '' : `rebalance of ${consumer.name}: ${moved.join(', ')}`;
}

/** The processes of a consumer's instances when a run starts: all live, partitions round robin. Pure. */
export function initialInstances(consumer: Consumer): ProcessRecord[] {
  const count = instancesOf(consumer);
  const handlers = partitionedHandlers(consumer);
  return Array.from({ length: count }, (_, i): ProcessRecord => {
    const process: ProcessRecord = { id: instanceProcessId(consumer.id, i + 1), kind: 'consumer', nodeId: consumer.id, incarnation: 1 };
    if (count > 1) process.instance = i + 1;
    if (handlers.length > 0) {
      process.owns = handlers.map((h) => ({
        eventTypeId: h.eventTypeId,
        partitions: Array.from({ length: h.delivery.partitions }, (_, n) => n).filter((n) => n % count === i),
      }));
    }
    return process;
  });
}

/** Whether an instance owns a partition of a subscription now. */
export function owns(process: ProcessRecord, eventTypeId: string, partition: number): boolean {
  return (process.owns ?? []).some((o) => o.eventTypeId === eventTypeId && o.partitions.includes(partition));
}

/**
 * Micro-step (fault): an instance is killed. Its memory is gone (the delivery it held stays
 * unacknowledged at the broker until the ack deadline; locks it holds stay until their lease ends);
 * it is down for `instanceDownSteps`, and its partitions move to the live instances.
 */
export function killInstance(ctx: StepContext, process: ProcessRecord, dropped: string): StepReport {
  const { run, index } = ctx;
  const down = Math.max(1, Math.floor(run.settings.faults.instanceDownSteps ?? 100));
  const held = process.consumer;
  const heldWords = heldText(process);
  process.incarnation += 1;
  delete process.consumer;
  delete process.prefetched;
  process.downUntil = run.step + down;
  bump((run.stats.instanceKills ??= {}), process.nodeId);
  const moved = rebalance(run, index, process.nodeId);
  const locks = held?.locks && held.locks.length > 0 ? `; its ${held.locks.length} lock(s) stay until their lease ends` : '';
  return {
    kind: 'instance', phase: 'instance-killed', fault: 'kill-instance', nodeIds: [process.nodeId], edgeIds: [],
    text: `${instanceName(index, process)} killed (fault): down until step ${process.downUntil}${heldWords}${locks}${dropped}${moved ? `; ${moved}` : ''}`,
  };
}

/**
 * Micro-step: the group grows or shrinks by one instance towards `settings.instances` (a run
 * override: add or remove instances mid-run), and rebalances. A removed instance is the
 * highest-numbered one: what it held stays unacknowledged until its ack deadline, its locks until
 * their lease ends.
 */
export async function scaleGroup(ctx: StepContext, consumerId: string): Promise<StepReport> {
  const { run, index } = ctx;
  const wanted = Math.max(1, Math.floor(Object.entries(run.settings.instances ?? {}).find(([id]) => id === consumerId)?.[1] ?? 1));
  const group = run.processes.filter((p) => p.kind === 'consumer' && p.nodeId === consumerId).sort((a, b) => (a.instance ?? 1) - (b.instance ?? 1));
  const last = group[group.length - 1];
  if (!last) throw new Error(`consumer ${consumerId} has no process`);
  let text: string;
  if (group.length < wanted) {
    for (const p of group) {
      // The only instance becomes the group's first: the dual-write publishes its owner holds are its own.
      if (p.instance === undefined && countOf(run.stats.directPending, consumerId) > 0) p.directHeld = countOf(run.stats.directPending, consumerId);
      p.instance ??= 1;
    }
    const n = (last.instance ?? 1) + 1;
    const added: ProcessRecord = { id: instanceProcessId(consumerId, n), kind: 'consumer', nodeId: consumerId, incarnation: 1, instance: n };
    run.processes.splice(run.processes.indexOf(last) + 1, 0, added);
    text = `${instanceName(index, added)} added (${group.length + 1} of ${wanted} instances)`;
  } else {
    run.processes.splice(run.processes.indexOf(last), 1);
    const lost = await dropPendingPublishes(ctx, consumerId, last);
    text = `${instanceName(index, last)} removed (${group.length - 1} of ${wanted} instances)${heldText(last)}${lostText(lost)}`;
  }
  const moved = rebalance(run, index, consumerId);
  return { kind: 'instance', phase: group.length < wanted ? 'instance-added' : 'instance-removed', nodeIds: [consumerId], edgeIds: [], text: `${text}${moved ? `; ${moved}` : ''}` };
}

/** Micro-step: a killed instance starts again (a new incarnation) and rejoins its group: a rebalance. */
export function restartInstance(ctx: StepContext, process: ProcessRecord): StepReport {
  delete process.downUntil;
  const moved = rebalance(ctx.run, ctx.index, process.nodeId);
  return {
    kind: 'instance', phase: 'instance-started', nodeIds: [process.nodeId], edgeIds: [],
    text: `${instanceName(ctx.index, process)} started again and joined its group${moved ? `; ${moved}` : ''}`,
  };
}
