/**
 * The processes of a simulated system (one per producer, one relay, one per consumer), what each
 * holds in memory, and what a crash does to it: the memory is gone, the process restarts as a new
 * incarnation, and the caller of a command that got no answer may retry it.
 */
import type { FlowDocument } from '../model';
import { bump, countOf } from './counters';
import type { CommandRecord, DirectPublishRecord, ProcessRecord, RunRecord, RunStats } from './records';
import { heldText, initialInstances, instanceProcessId } from './instances';
import { initialReaders } from './steps/cacheSteps';
import type { StepContext } from './stepContext';

export const RELAY = 'relay';
export const producerProcess = (id: string) => `producer:${id}`;
export const consumerProcess = (id: string) => `consumer:${id}`;

/** Fresh counters for a new run. Pure. */
export function emptyStats(): RunStats {
  return {
    commandsPending: 0, commandsQueued: {}, commandsHandled: 0, commandsRejected: 0, commandsCrashed: 0,
    outboxPending: {}, outboxSent: {}, directPending: {},
    queued: {}, inFlight: {}, acked: {}, dead: {}, retries: {}, redelivered: {},
    inboxProcessed: {}, duplicatesSkipped: {}, projectionRows: {}, published: {}, crashes: {},
    relayCrashes: 0, events: 0, handlings: 0, maxDepth: 0, deepestEventId: '', progressStep: 0,
  };
}

/** The processes of a design, none holding anything. Pure. */
export function initialProcesses(flow: FlowDocument): ProcessRecord[] {
  return [
    ...flow.producers.map((p): ProcessRecord => ({ id: producerProcess(p.id), kind: 'producer', nodeId: p.id, incarnation: 1 })),
    { id: RELAY, kind: 'relay', nodeId: '', incarnation: 1 },
    ...flow.consumers.flatMap((c) => initialInstances(c)),
    ...initialReaders(flow.projections),
  ];
}

/** The process with this id (created on the fly for a run whose row predates it). */
export function processOf(run: RunRecord, id: string, kind: ProcessRecord['kind'], nodeId: string): ProcessRecord {
  let found = run.processes.find((p) => p.id === id);
  if (!found) {
    found = { id, kind, nodeId, incarnation: 1 };
    run.processes.push(found);
  }
  return found;
}

export const producerOf = (run: RunRecord, producerId: string) => processOf(run, producerProcess(producerId), 'producer', producerId);
export const consumerOf = (run: RunRecord, consumerId: string) => processOf(run, consumerProcess(consumerId), 'consumer', consumerId);
export const relayOf = (run: RunRecord) => processOf(run, RELAY, 'relay', '');

/** Counts a command written as pending into the run's counters. */
export function countQueued(run: RunRecord, command: CommandRecord): void {
  run.stats.commandsPending += 1;
  bump(run.stats.commandsQueued, command.producerId);
  run.quiet = false;
}

/** Queues a command at its producer. */
export async function queueCommand(ctx: Pick<StepContext, 'tx' | 'run'>, command: CommandRecord): Promise<void> {
  await ctx.tx.put('commands', command);
  countQueued(ctx.run, command);
}

/** Whether a dual-write publish row is held by this process (a group's instance holds its own; rows from before the group grew are its first instance's). Pure. */
export function heldBy(row: Pick<DirectPublishRecord, 'ownerId' | 'holder'>, process: Pick<ProcessRecord, 'id' | 'instance'> | undefined): boolean {
  return process?.instance === undefined || (row.holder ?? instanceProcessId(row.ownerId, 1)) === process.id;
}

/** How many dual-write publishes a process holds in its memory: its own count for a group's instance, else its owner's. */
export function publishesHeld(run: RunRecord, process: ProcessRecord): number {
  return process.instance !== undefined ? (process.directHeld ?? 0) : countOf(run.stats.directPending, process.nodeId);
}

/**
 * Drops the dual-write publishes held in memory: by `process` (a group's instance: only its own,
 * issue 13), else all of the owner's; returns their event ids (lost unless published some other way).
 */
export async function dropPendingPublishes(ctx: StepContext, ownerId: string, process?: ProcessRecord): Promise<string[]> {
  const { run, tx } = ctx;
  if (countOf(run.stats.directPending, ownerId) === 0) return [];
  const shared = ctx.mutants.sharedInstanceMemory === true;
  const pending = (await tx.query('directPublishes', '[runId+ownerId+seq]', { prefix: [run.runId, ownerId] })).filter((p) => shared || heldBy(p, process));
  for (const p of pending) await tx.delete('directPublishes', [run.runId, p.seq]);
  bump(run.stats.directPending, ownerId, -pending.length);
  if (process) delete process.directHeld;
  if (shared) for (const sibling of run.processes) if (sibling.nodeId === ownerId && sibling.kind === 'consumer') delete sibling.directHeld;
  return pending.map((p) => p.eventId);
}

function restart(ctx: StepContext, process: ProcessRecord): void {
  process.incarnation += 1;
  if (process.kind === 'relay') ctx.run.stats.relayCrashes += 1;
  else bump(ctx.run.stats.crashes, process.nodeId);
  delete process.producer;
  delete process.relay;
  delete process.consumer;
  delete process.prefetched;
}

export const lostText = (ids: readonly string[]) => (ids.length === 0 ? '' : `; ${ids.join(', ')} held in memory for a direct publish: lost`);

/**
 * A caller retries a command that got no answer, if retries are left: a new command with the same
 * request id, payload and idempotency key. Returns the plain-words suffix.
 */
async function callerRetry(ctx: StepContext, command: CommandRecord): Promise<string> {
  const { run } = ctx;
  if (command.attempt > run.settings.callerRetries) {
    return run.settings.callerRetries === 0 ? '; the caller does not retry' : `; the caller gave up after ${command.attempt} attempt(s)`;
  }
  const seq = ++run.seq.command;
  const { handledStep: _h, aggregateId: _a, eventIds: _e, reason: _r, answeredFrom: _f, answered: _n, ...request } = command;
  const retry: CommandRecord = { ...request, seq, id: `c-${seq}`, attempt: command.attempt + 1, status: 'pending', firedStep: run.step, conflicts: 0 };
  await queueCommand(ctx, retry);
  return `; the caller got no answer and retries as ${retry.id}${retry.idempotencyKey ? ` (same idempotency key ${retry.idempotencyKey})` : ' (no idempotency key)'}`;
}

/**
 * A producer process crashes. `committed`: whether the command it held was committed. A command
 * not committed is marked crashed; either way the caller heard nothing and may retry.
 */
export async function crashProducer(ctx: StepContext, producerId: string, command: CommandRecord, committed: boolean): Promise<string> {
  const { run, tx } = ctx;
  const process = producerOf(run, producerId);
  restart(ctx, process);
  if (!committed) {
    await tx.put('commands', { ...command, status: 'crashed', handledStep: run.step, reason: 'the producer crashed before commit' });
    run.stats.commandsPending -= 1;
    run.stats.commandsCrashed += 1;
  } else {
    await tx.put('commands', { ...command, answered: false });
  }
  const lost = await dropPendingPublishes(ctx, producerId);
  return `${lostText(lost)}${await callerRetry(ctx, command)}`;
}

/** A consumer process (an instance) crashes: the delivery it held stays in flight at the broker until its ack deadline. */
export async function crashConsumer(ctx: StepContext, process: ProcessRecord): Promise<string> {
  const held = heldText(process);
  restart(ctx, process);
  const lost = await dropPendingPublishes(ctx, process.nodeId, process);
  return `${held}${lostText(lost)}`;
}

/** The relay crashes: the row it published stays pending and is published again. */
export function crashRelay(ctx: StepContext): string {
  restart(ctx, relayOf(ctx.run));
  return '';
}
