/**
 * Commands and dead letters: rejected commands, aggregates blocked for good, requests committed
 * twice (a retry without an idempotency key), requests whose caller never got an answer, and
 * messages moved to dead letters. Pure.
 */
import { downstream, type EntrySink, type Facts } from './facts';
import type { CheckCommand } from './types';

export function checkCommands(facts: Facts, sink: EntrySink): void {
  const commands = facts.input.tables.commands;
  const requests = new Map<string, CheckCommand[]>();
  const aggregates = new Map<string, CheckCommand[]>();
  for (const c of commands) {
    const list = requests.get(c.requestId);
    if (list) list.push(c);
    else requests.set(c.requestId, [c]);
    if (c.aggregateId !== undefined && (c.status === 'handled' || c.status === 'rejected')) {
      const key = `${c.producerId}\u0000${c.aggregateId}`;
      const byAggregate = aggregates.get(key);
      if (byAggregate) byAggregate.push(c);
      else aggregates.set(key, [c]);
    }
    if (c.status === 'rejected') {
      sink.add({
        id: `rejected:${c.id}`, kind: 'rejected', at: c.handledStep ?? c.firedStep,
        rootCause: { nodeId: c.producerId, what: `${facts.name(c.producerId)} rejected ${c.id}: ${c.reason ?? 'no reason given'}` },
        message: `${c.commandName} ${c.id} rejected by ${facts.name(c.producerId)}: ${c.reason ?? 'no reason given'}`,
        nodeIds: [c.producerId], eventIds: [], affected: { eventIds: [], nodeIds: [] },
      });
    }
  }
  for (const [requestId, attempts] of requests) {
    const committed = attempts.filter((c) => c.status === 'handled' && c.answeredFrom === undefined);
    const last = attempts[attempts.length - 1] as CheckCommand;
    if (committed.length > 1) {
      const [first, ...again] = committed as [CheckCommand, ...CheckCommand[]];
      const extra = again.flatMap((c) => c.eventIds ?? []);
      sink.add({
        id: `duplicate-command:${requestId}`, kind: 'duplicate-command', at: again[0]?.handledStep ?? first.firedStep,
        rootCause: { nodeId: first.producerId, what: `${facts.name(first.producerId)} committed request ${requestId} ${committed.length} times: the caller retried without an idempotency key` },
        message: `${first.commandName} request ${requestId} committed ${committed.length} times (${committed.map((c) => c.id).join(', ')}): the caller got no answer, retried, and ${facts.name(first.producerId)} could not tell the retry from a new request${extra.length > 0 ? `; extra events ${extra.join(', ')}` : ''}`,
        nodeIds: [first.producerId], eventIds: extra, affected: downstream(facts, extra),
      });
    }
    if (last.status === 'crashed' || (last.status === 'handled' && last.answered === false)) {
      const what = last.status === 'crashed' ? 'crashed before committing it' : 'committed it and crashed before answering';
      sink.add({
        id: `unanswered:${requestId}`, kind: 'unanswered', at: last.handledStep ?? last.firedStep,
        rootCause: { nodeId: last.producerId, what: `${facts.name(last.producerId)} ${what}` },
        message: `${last.commandName} request ${requestId} never got an answer: ${facts.name(last.producerId)} ${what} (attempt ${attempts.length}), and its caller retries no more`,
        nodeIds: [last.producerId], eventIds: last.eventIds ?? [], affected: { eventIds: [], nodeIds: [] },
      });
    }
  }
  for (const [key, list] of aggregates) {
    list.sort((a, b) => (a.handledStep ?? 0) - (b.handledStep ?? 0));
    const firstRejected = list.findIndex((c) => c.status === 'rejected');
    if (firstRejected < 0) continue;
    const after = list.slice(firstRejected);
    if (after.length < 2 || after.some((c) => c.status === 'handled')) continue;
    const head = after[0] as CheckCommand;
    const aggregateId = key.slice(key.indexOf('\u0000') + 1);
    sink.add({
      id: `blocked-aggregate:${key}`, kind: 'blocked-aggregate', at: head.handledStep ?? head.firedStep,
      rootCause: { nodeId: head.producerId, what: `${facts.name(head.producerId)} rejects every command on ${aggregateId} since ${head.id}` },
      message: `${facts.name(head.producerId)}'s aggregate ${aggregateId} is blocked: all ${after.length} commands since ${head.id} were rejected (${head.reason ?? 'no reason given'})`,
      nodeIds: [head.producerId], eventIds: [], affected: { eventIds: [], nodeIds: [] },
    });
  }
  for (const d of facts.input.tables.deadLetters) {
    const event = facts.events.get(d.eventId);
    const handlers = facts.input.flow.consumers.find((c) => c.id === d.consumerId)?.handlers ?? [];
    const projections = [...new Set(handlers.flatMap((h) => h.effects.map((e) => e.projectionId)))];
    sink.add({
      id: `dead-letter:${d.consumerId}:${d.eventId}:${d.step}`, kind: 'dead-letter', at: d.step,
      rootCause: { nodeId: d.consumerId, what: `${facts.name(d.consumerId)} could not handle ${d.eventId}: ${d.reason}` },
      message: `${event?.eventTypeName ?? 'event'} ${d.eventId} moved to ${facts.name(d.consumerId)}'s dead letters after ${d.attempts} attempt(s): ${d.reason}`,
      nodeIds: [d.consumerId], eventIds: [d.eventId], affected: { eventIds: [], nodeIds: projections },
    });
  }
}
