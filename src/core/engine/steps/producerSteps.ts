/**
 * A producer handles a command in two micro-steps, so that other writers can move its stream in
 * between (a real race): `load` takes the next command and reads the aggregate's stream version;
 * `command` commits the business row, the events (appended with that expected version) and the
 * outbox rows in one transaction — or loses the race, re-reads and retries, up to the limit.
 */
import { bump } from '../counters';
import { commitPlanned, eventsFromEmissions, lastStreamVersion, planEvents, VersionConflict, type PlannedEvent } from '../commitEvents';
import { publishesFirst, usesOutbox } from '../flowIndex';
import { crashProducer, producerOf } from '../processes';
import type { CommandRecord, EventRecord } from '../records';
import type { ProducerHolding } from '../runRecord';
import { isoAt, progressed, shortId, type StepContext, type StepReport } from '../stepContext';
import { buildColumns, evaluate, type ValueContext } from '../values';
import { audience, publish } from './broker';

async function reject(ctx: StepContext, command: CommandRecord, reason: string): Promise<StepReport> {
  const { run } = ctx;
  await ctx.tx.put('commands', { ...command, status: 'rejected', handledStep: run.step, reason, answered: true });
  run.stats.commandsPending -= 1;
  run.stats.commandsRejected += 1;
  delete producerOf(run, command.producerId).producer;
  progressed(ctx);
  return {
    kind: 'command',
    phase: 'command-rejected',
    text: `${ctx.index.nodeName(command.producerId)} rejected ${command.commandName} ${command.id}: ${reason}`,
    commandId: command.id,
    nodeIds: [command.producerId],
    edgeIds: [],
  };
}

const streamOf = (aggregate: string, aggregateId: string) => `${aggregate}/${aggregateId}`;

/** Micro-step: a producer takes its next command and reads the aggregate (its stream version: the expected version of the append). */
export async function loadCommand(ctx: StepContext, producerId: string): Promise<StepReport | undefined> {
  const { run, tx, index, rng } = ctx;
  const [command] = await tx.query('commands', '[runId+producerId+status+seq]', { prefix: [run.runId, producerId, 'pending'], limit: 1 });
  if (!command) return undefined;
  bump(run.stats.commandsQueued, producerId, -1);
  const producer = index.producer(producerId);
  const definition = index.command(producerId, command.commandId);
  if (!producer || !definition) return reject(ctx, command, 'the command no longer exists in the design');
  const generate = (g: 'uuid' | 'now') => (g === 'uuid' ? rng.uuid() : isoAt(run.clock));
  const value = evaluate(definition.aggregateId, { input: command.payload, generate }, 'aggregateId');
  if (value === undefined || value === null || value === '') return reject(ctx, command, 'no aggregate id in the payload');
  const aggregateId = String(value);
  const streamId = streamOf(producer.aggregate, aggregateId);
  const expectedVersion = definition.emits.length > 0 ? await lastStreamVersion(ctx, streamId) : 0;
  producerOf(run, producerId).producer = { commandSeq: command.seq, aggregateId, expectedVersion };
  return {
    kind: 'load',
    phase: 'command-load',
    text: `${producer.name} took ${definition.name} ${command.id} and loaded ${producer.aggregate} ${shortId(aggregateId)} at stream version ${expectedVersion}`,
    commandId: command.id,
    nodeIds: [producerId],
    edgeIds: [],
  };
}

/** A lost race: re-read the stream and try again next turn, or reject past the limit. */
async function conflict(ctx: StepContext, command: CommandRecord, holding: ProducerHolding, lost: VersionConflict): Promise<StepReport> {
  const conflicts = command.conflicts + 1;
  if (conflicts > ctx.run.settings.conflictRetries) {
    return reject(ctx, { ...command, conflicts }, `${lost.message}; gave up after ${conflicts} conflict(s) (limit ${ctx.run.settings.conflictRetries} retries)`);
  }
  holding.expectedVersion = lost.actual;
  await ctx.tx.put('commands', { ...command, conflicts });
  return {
    kind: 'command',
    phase: 'command-conflict',
    text: `${ctx.index.nodeName(command.producerId)} lost a race on ${command.commandName} ${command.id}: ${lost.message}; re-read the aggregate at version ${lost.actual}, retry ${conflicts} of ${ctx.run.settings.conflictRetries}`,
    fault: 'conflict',
    commandId: command.id,
    nodeIds: [command.producerId],
    edgeIds: [],
  };
}

/** Publish-first dual write: the new events go on the broker before the commit. Returns the plain-words part. */
async function publishBeforeCommit(ctx: StepContext, ownerId: string, planned: readonly PlannedEvent[]): Promise<string> {
  const parts: string[] = [];
  for (const p of planned) {
    const { subscriberIds, reordered } = await publish(ctx, p.message, ownerId, 'direct');
    parts.push(`published ${p.message.eventTypeName} ${p.message.eventId} first (publish-first dual write) ${audience(ctx, subscriberIds, reordered)}`);
  }
  return parts.join('; ');
}

/**
 * Micro-step: the producer commits the command it loaded — business row, event-store append with the
 * expected version, idempotency key and outbox rows (or dual-write publishes in memory) in one
 * transaction. The crash faults may end its process before or after the commit.
 */
export async function commitCommand(ctx: StepContext, producerId: string, holding: ProducerHolding): Promise<StepReport> {
  const { run, tx, index, rng } = ctx;
  const command = await tx.get('commands', [run.runId, holding.commandSeq]);
  const producer = index.producer(producerId);
  const definition = command && index.command(producerId, command.commandId);
  if (!command) throw new Error(`producer ${producerId} holds command #${holding.commandSeq}, which is not in the table`);
  if (!producer || !definition) return reject(ctx, command, 'the command no longer exists in the design');
  const name = producer.name;
  const base = { commandId: command.id, nodeIds: [producerId], edgeIds: [] };
  const known = command.idempotencyKey ? await tx.get('idempotencyKeys', [run.runId, producerId, command.idempotencyKey]) : undefined;
  const outbox = usesOutbox(index, run.settings, producerId);
  const first = !outbox && publishesFirst(run.settings, producerId);
  let planned: PlannedEvent[] = [];
  let columns = {};
  if (!known) {
    const row = await tx.get('businessRows', [run.runId, producerId, holding.aggregateId]);
    const generate = (g: 'uuid' | 'now') => (g === 'uuid' ? rng.uuid() : isoAt(run.clock));
    const values: ValueContext = { input: command.payload, before: row?.columns, generate };
    columns = { ...row?.columns, ...buildColumns(definition.rowChanges, values) };
    const events = eventsFromEmissions(ctx, definition.emits, values, { aggregateType: producer.aggregate, aggregateId: holding.aggregateId });
    try {
      planned = await planEvents(ctx, producerId, events, { commandId: command.id, causationId: command.id, depth: 0 },
        new Map([[streamOf(producer.aggregate, holding.aggregateId), holding.expectedVersion]]));
    } catch (error) {
      if (error instanceof VersionConflict) return conflict(ctx, command, holding, error);
      throw error;
    }
  }
  const published = first ? await publishBeforeCommit(ctx, producerId, planned) : '';
  if (rng.chance(run.settings.faults.crashBeforeCommit)) {
    const after = await crashProducer(ctx, producerId, command, false);
    const phantoms = published ? `${published}; ` : '';
    return { ...base, kind: 'command', phase: 'command-crashed', fault: 'crash-before-commit', text: `${name} ${phantoms}crashed before committing ${definition.name} ${command.id} (fault): nothing committed${after}` };
  }
  let stored: EventRecord[] = [];
  let done: CommandRecord;
  let what: string;
  if (known) {
    done = { ...command, status: 'handled', handledStep: run.step, aggregateId: holding.aggregateId, eventIds: known.eventIds, answeredFrom: known.commandId, answered: true };
    what = `${name} recognised idempotency key ${known.key} of ${definition.name} ${command.id}: answered from ${known.commandId}, nothing committed again`;
  } else {
    stored = await commitPlanned(ctx, producerId, planned, { published: first });
    const previous = await tx.get('businessRows', [run.runId, producerId, holding.aggregateId]);
    const version = (previous?.version ?? 0) + 1;
    await tx.put('businessRows', { runId: run.runId, producerId, aggregateId: holding.aggregateId, version, columns, updatedStep: run.step });
    const eventIds = stored.map((e) => e.eventId);
    if (command.idempotencyKey) {
      await tx.put('idempotencyKeys', { runId: run.runId, producerId, key: command.idempotencyKey, commandId: command.id, eventIds, step: run.step });
    }
    done = { ...command, status: 'handled', handledStep: run.step, aggregateId: holding.aggregateId, eventIds, answered: true };
    const appended = stored.map((e) => `${e.eventTypeName} ${e.eventId} (position ${e.position}, ${e.aggregateType} version ${e.version})`).join(', ');
    const queued = stored.length === 0 || first ? '' : outbox ? ', outbox row pending' : ', publish pending (dual write)';
    what = `${name} handled ${definition.name} ${command.id} for ${producer.aggregate} ${shortId(holding.aggregateId)}: row version ${version}${appended ? `; appended ${appended}` : ''}${queued}`;
  }
  await tx.put('commands', done);
  run.stats.commandsPending -= 1;
  run.stats.commandsHandled += 1;
  delete producerOf(run, producerId).producer;
  progressed(ctx);
  const prefix = published ? `${published}; ` : '';
  const phase = known ? 'command-answered-by-key' : stored.length === 0 ? 'command-commit-no-events' : first ? 'command-commit-publish-first' : outbox ? 'command-commit-outbox' : 'command-commit-dual-write';
  const report: StepReport = { ...base, kind: 'command', phase, eventId: stored[0]?.eventId, nodeIds: [producerId, ...stored.map((e) => e.eventTypeId)], text: `${prefix}${what}` };
  if (rng.chance(run.settings.faults.crashAfterCommit)) {
    const after = await crashProducer(ctx, producerId, done, true);
    const survive = stored.length > 0 && outbox ? '; the outbox rows survive' : '';
    return { ...report, fault: 'crash-after-commit', text: `${report.text}; ${name} crashed after commit, before answering (fault)${survive}${after}` };
  }
  return report;
}
