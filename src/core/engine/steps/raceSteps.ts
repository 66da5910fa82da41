/**
 * Races on projection rows (issue 13). A handling whose rows are guarded by a concurrency control
 * (or whose consumer has several instances) reads in one micro-step and writes in a later one, so
 * the scheduler can interleave two instances between them and an update can be lost for real. The
 * remedies: `optimistic` (the write compares the row's version with the one read), `lock` (a row
 * lock with a lease, taken before the read, released with the write), `single-writer` (the write is
 * fenced off when the instance lost the message's partition since it read).
 */
import type { ConcurrencyControl, Handler } from '../../model';
import { DEFAULT_LOCK_LEASE_STEPS } from '../../model';
import { getOwn } from '../../model/ownKeys';
import type { RunSettings } from '../settings';
import { bump } from '../counters';
import type { FlowIndex } from '../flowIndex';
import { groupSize, instanceName, owns } from '../instances';
import type { DeliveryRecord, LockRecord, ProcessRecord } from '../records';
import type { ConsumerHolding, RowRead } from '../runRecord';
import type { StepContext, StepReport } from '../stepContext';
import { effectKey, eventView, handlerGenerator, type ValueContext } from '../values';
import { requeueOrder, settle, subscriptionOf } from './broker';

/**
 * How a consumer's handling guards a projection's rows: the run's override (`settings.concurrency`)
 * of the projection, else of the consumer; else the design's: the projection's own control, else the
 * consumer's; else `none` when the consumer has several instances; undefined: read and write in one
 * transaction (a design from before issue 13). Pure.
 */
export function controlOf(
  index: FlowIndex, consumerId: string, projectionId: string, instances: number, settings?: Pick<RunSettings, 'concurrency'>,
): ConcurrencyControl | undefined {
  const run = settings?.concurrency;
  const consumer = index.consumer(consumerId);
  return getOwn(run, projectionId) ?? getOwn(run, consumerId) ?? index.projection(projectionId)?.concurrency ?? consumer?.concurrency ?? (instances > 1 ? 'none' : undefined);
}

/** Whether a handler's handling reads and writes in separate micro-steps (`instances`: the consumer's instances now). Pure. */
export function splitsHandling(
  index: FlowIndex, consumerId: string, handler: Handler | undefined, instances: number, settings?: Pick<RunSettings, 'concurrency'>,
): boolean {
  return (handler?.effects ?? []).some((e) => controlOf(index, consumerId, e.projectionId, instances, settings) !== undefined);
}

/** The rows a handling of `delivery` touches, once each, in effect order. */
async function touchedRows(ctx: StepContext, delivery: DeliveryRecord): Promise<{ rows: { projectionId: string; key: string }[]; handler?: Handler; values?: ValueContext }> {
  const { run, tx, index } = ctx;
  const publication = await tx.get('publications', [run.runId, delivery.publicationSeq]);
  const handler = subscriptionOf(ctx, delivery)?.handler;
  if (!publication || !handler) return { rows: [] };
  const event = publication.message;
  const values: ValueContext = { event: eventView(event, index.flow.envelope, index.flow.id), generate: handlerGenerator(event.eventId, event.occurredAt, delivery.consumerId) };
  const seen = new Set<string>();
  const rows: { projectionId: string; key: string }[] = [];
  for (const effect of handler.effects) {
    const key = effectKey(effect, values);
    const id = `${effect.projectionId}\u0000${key ?? ''}`;
    if (key === undefined || seen.has(id)) continue;
    seen.add(id);
    rows.push({ projectionId: effect.projectionId, key });
  }
  return { rows, handler, values };
}

const rowText = (ctx: StepContext, r: { projectionId: string; key: string }) => `${ctx.index.nodeName(r.projectionId)} row ${r.key}`;

const leaseOf = (ctx: StepContext, consumerId: string) => Math.max(1, Math.floor(ctx.index.consumer(consumerId)?.lockLeaseSteps ?? DEFAULT_LOCK_LEASE_STEPS));

/** Whether a lock row is held by this incarnation of the instance. */
const heldBy = (lock: LockRecord | undefined, process: ProcessRecord) => lock !== undefined && lock.holder === process.id && lock.incarnation === process.incarnation;

/**
 * Micro-step: the instance reads the rows its handling will write (their values and versions),
 * taking their locks first where the control is `lock` — all of them or none: a lock held by
 * another instance whose lease has not ended makes it wait (a `lock-wait` step, the message stays
 * with it); a lock whose lease ended is taken over.
 */
export async function readRows(ctx: StepContext, process: ProcessRecord, holding: ConsumerHolding): Promise<StepReport> {
  const { run, tx, index } = ctx;
  const delivery = await tx.get('deliveries', [run.runId, holding.deliverySeq]);
  if (!delivery) throw new Error(`${process.id} holds delivery #${holding.deliverySeq}, which is not in the table`);
  const name = instanceName(index, process);
  const { rows } = await touchedRows(ctx, delivery);
  const locked = rows.filter((r) => controlOf(index, process.nodeId, r.projectionId, groupSize(run, process.nodeId), run.settings) === 'lock');
  const takenOver: string[] = [];
  const current = await Promise.all(locked.map((r) => tx.get('locks', [run.runId, r.projectionId, r.key])));
  for (let i = 0; i < locked.length; i++) {
    const lock = current[i];
    const row = locked[i]!;
    if (!lock || heldBy(lock, process)) continue;
    const leaseEnded = run.step > lock.leaseUntil && !ctx.mutants.lockLeaseNeverEnds;
    if (leaseEnded) {
      takenOver.push(`${rowText(ctx, row)} (lease of ${lock.holderName} ended at step ${lock.leaseUntil})`);
      continue;
    }
    await tx.put('locks', { ...lock, waits: lock.waits + 1, lastWaitStep: run.step, lastWaiter: name });
    bump((run.stats.lockWaits ??= {}), process.nodeId);
    return {
      kind: 'lock-wait', phase: 'lock-wait', eventId: delivery.eventId, nodeIds: [process.nodeId, row.projectionId], edgeIds: [],
      text: `${name} waits for the lock on ${rowText(ctx, row)} to handle ${delivery.eventTypeName} ${delivery.eventId}: held by ${lock.holderName} (lease until step ${lock.leaseUntil})`,
    };
  }
  const lease = run.step + leaseOf(ctx, process.nodeId);
  for (let i = 0; i < locked.length; i++) {
    const row = locked[i]!;
    await tx.put('locks', {
      runId: run.runId, projectionId: row.projectionId, key: row.key, consumerId: process.nodeId, holder: process.id, holderName: name, incarnation: process.incarnation,
      acquiredStep: run.step, leaseUntil: lease, waits: current[i]?.waits ?? 0,
    });
  }
  const reads: RowRead[] = [];
  for (const r of rows) {
    const stored = await tx.get('projectionRows', [run.runId, r.projectionId, r.key]);
    reads.push({ projectionId: r.projectionId, key: r.key, values: stored?.values ?? null, version: stored?.version ?? 0 });
  }
  process.consumer = { deliverySeq: holding.deliverySeq, stage: 'read', reads, ...(locked.length > 0 ? { locks: locked.map((r) => [r.projectionId, r.key] as [string, string]) } : {}) };
  const what = reads.length === 0 ? 'no projection row' : reads.map((r) => `${rowText(ctx, r)} (v${r.version})`).join(', ');
  const lockText = locked.length === 0 ? '' : `; took ${locked.length} lock(s), lease until step ${lease}${takenOver.length > 0 ? `, taken over: ${takenOver.join(', ')}` : ''}`;
  return {
    kind: 'read', phase: locked.length > 0 ? 'lock-read' : 'handle-read', eventId: delivery.eventId,
    nodeIds: [process.nodeId, ...new Set(rows.map((r) => r.projectionId))], edgeIds: [],
    text: `${name} read ${what} to handle ${delivery.eventTypeName} ${delivery.eventId} (its write is a later step)${lockText}`,
  };
}

/** Releases the locks an instance holds (with its write, or when its handling fails). */
export async function releaseLocks(ctx: StepContext, process: ProcessRecord): Promise<void> {
  for (const [projectionId, key] of process.consumer?.locks ?? []) {
    const lock = await ctx.tx.get('locks', [ctx.run.runId, projectionId, key]);
    if (heldBy(lock, process)) await ctx.tx.delete('locks', [ctx.run.runId, projectionId, key]);
  }
}

/**
 * Before a split handling writes: whether its guards still hold. Returns a step report when the
 * write must not happen (nothing is written; the instance reads again, or gives the message back),
 * undefined when it may write.
 */
export async function guardWrite(ctx: StepContext, process: ProcessRecord, holding: ConsumerHolding, delivery: DeliveryRecord): Promise<StepReport | undefined> {
  const { run, tx, index, mutants } = ctx;
  const name = instanceName(index, process);
  const again = (phase: 'occ-conflict' | 'lock-lost', text: string): StepReport => {
    process.consumer = { deliverySeq: holding.deliverySeq, stage: 'received' };
    return { kind: 'conflict', phase, fault: 'conflict', eventId: delivery.eventId, nodeIds: [process.nodeId], edgeIds: [], text };
  };
  for (const read of holding.reads ?? []) {
    const control = controlOf(index, process.nodeId, read.projectionId, groupSize(run, process.nodeId), run.settings);
    if (control === 'optimistic' && !mutants.skipVersionCheck) {
      const now = (await tx.get('projectionRows', [run.runId, read.projectionId, read.key]))?.version ?? 0;
      if (now !== read.version) {
        bump((run.stats.conflicts ??= {}), process.nodeId);
        return again('occ-conflict', `${name}: version conflict on ${rowText(ctx, read)} (read v${read.version}, now v${now}) while handling ${delivery.eventTypeName} ${delivery.eventId}: nothing written; it reads again and retries`);
      }
    }
    if (control === 'lock' && !heldBy(await tx.get('locks', [run.runId, read.projectionId, read.key]), process)) {
      bump((run.stats.conflicts ??= {}), process.nodeId);
      return again('lock-lost', `${name} lost its lock on ${rowText(ctx, read)} (its lease ended and another instance took it over) while handling ${delivery.eventTypeName} ${delivery.eventId}: nothing written; it locks and reads again`);
    }
    if (control === 'single-writer' && !mutants.skipFencing && delivery.partition !== undefined) {
      const subscription = subscriptionOf(ctx, delivery)?.handler.eventTypeId ?? delivery.eventTypeId;
      if (!owns(process, subscription, delivery.partition)) {
        await releaseLocks(ctx, process);
        delete process.consumer;
        bump((run.stats.fenced ??= {}), process.nodeId);
        if (delivery.status === 'in-flight' && delivery.instance === process.id) {
          await settle(ctx, delivery, { ...delivery, status: 'queued', order: await requeueOrder(ctx, delivery) });
        }
        return {
          kind: 'conflict', phase: 'fenced', fault: 'conflict', eventId: delivery.eventId, nodeIds: [process.nodeId], edgeIds: [],
          text: `${name} no longer owns partition ${delivery.partition} (a rebalance moved it since its read): its write of ${delivery.eventTypeName} ${delivery.eventId} is fenced off, nothing written; the message goes back to the partition's owner`,
        };
      }
    }
  }
  return undefined;
}
