import { appendAndQueue, eventsFromEmissions, lastStreamVersion, maybeCrashAfterCommit } from '../commitEvents';
import { usesOutbox } from '../flowIndex';
import type { CommandRecord } from '../records';
import { isoAt, shortId, type StepContext, type StepReport } from '../stepContext';
import { buildColumns, evaluate, type ValueContext } from '../values';

async function reject(ctx: StepContext, command: CommandRecord, reason: string): Promise<StepReport> {
  const { run } = ctx;
  await ctx.tx.put('commands', { ...command, status: 'rejected', handledStep: run.step, reason });
  run.stats.commandsPending -= 1;
  run.stats.commandsRejected += 1;
  return {
    kind: 'command',
    text: `${ctx.index.nodeName(command.producerId)} rejected ${command.commandName} ${command.id}: ${reason}`,
    commandId: command.id,
    nodeIds: [command.producerId],
    edgeIds: [],
  };
}

/**
 * Micro-step 1: a producer handles the oldest pending command. Business row, event-store append
 * (optimistic concurrency on the stream version) and outbox rows (or, in dual write, publishes
 * kept in memory) in the caller's one transaction.
 */
export async function handleCommand(ctx: StepContext, command: CommandRecord): Promise<StepReport> {
  const { run, tx, index, rng } = ctx;
  const producer = index.producer(command.producerId);
  const definition = index.command(command.producerId, command.commandId);
  if (!producer || !definition) return reject(ctx, command, 'the command no longer exists in the design');
  const generate = (g: 'uuid' | 'now') => (g === 'uuid' ? rng.uuid() : isoAt(run.clock));
  const aggregateValue = evaluate(definition.aggregateId, { input: command.payload, generate }, 'aggregateId');
  if (aggregateValue === undefined || aggregateValue === null || aggregateValue === '') {
    return reject(ctx, command, 'no aggregate id in the payload');
  }
  const aggregateId = String(aggregateValue);
  const row = await tx.get('businessRows', [run.runId, producer.id, aggregateId]);
  const streamId = `${producer.aggregate}/${aggregateId}`;
  const expected = row?.streamVersion ?? 0;
  const actual = definition.emits.length > 0 ? await lastStreamVersion(ctx, streamId) : expected;
  if (actual !== expected) {
    return reject(ctx, command, `optimistic concurrency conflict on ${streamId}: expected version ${expected}, the event store has ${actual}`);
  }
  const values: ValueContext = { input: command.payload, before: row?.columns, generate };
  const columns = { ...row?.columns, ...buildColumns(definition.rowChanges, values) };
  const events = eventsFromEmissions(ctx, definition.emits, values, { aggregateType: producer.aggregate, aggregateId });
  const stored = await appendAndQueue(ctx, producer.id, events, { commandId: command.id, causationId: command.id });
  await tx.put('businessRows', {
    runId: run.runId,
    producerId: producer.id,
    aggregateId,
    version: (row?.version ?? 0) + 1,
    streamVersion: expected + stored.length,
    columns,
    updatedStep: run.step,
  });
  await tx.put('commands', { ...command, status: 'handled', handledStep: run.step, aggregateId, eventIds: stored.map((e) => e.eventId) });
  run.stats.commandsPending -= 1;
  run.stats.commandsHandled += 1;
  const outbox = usesOutbox(index, run.settings, producer.id);
  const eventsText = stored.map((e) => `${e.eventTypeName} ${e.eventId} (position ${e.position}, ${e.streamId.split('/')[0]} version ${e.version})`).join(', ');
  const queued = stored.length === 0 ? '' : outbox ? ', outbox row pending' : ', publish pending (dual write)';
  const crash = await maybeCrashAfterCommit(ctx, producer.id, stored);
  return {
    kind: 'command',
    text: `${producer.name} handled ${definition.name} ${command.id} for ${producer.aggregate} ${shortId(aggregateId)}: row version ${(row?.version ?? 0) + 1}${eventsText ? `; appended ${eventsText}` : ''}${queued}${crash}`,
    fault: crash ? 'crash-after-commit' : undefined,
    eventId: stored[0]?.eventId,
    commandId: command.id,
    nodeIds: [producer.id, ...stored.map((e) => e.eventTypeId)],
    edgeIds: [],
  };
}
