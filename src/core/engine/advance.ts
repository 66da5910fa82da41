import { countOf } from './counters';
import { candidates, isQuiet, waitingFor, type Actor } from './scheduler';
import type { RunRecord, TraceRecord } from './records';
import type { StepContext, StepReport } from './stepContext';
import { expiredDelivery, redeliver } from './steps/broker';
import { ack, nextDeliverable, take } from './steps/consumerSteps';
import { handleDelivery, recordInboxLater } from './steps/handleStep';
import { readRows, splitsHandling } from './steps/raceSteps';
import { groupSize, heldDeliveries, killInstance, prefetchOf, restartInstance, scaleGroup } from './instances';
import { dropPendingPublishes, lostText, publishesHeld } from './processes';
import { subscriptionOf } from './steps/broker';
import { cacheStep } from './steps/cacheSteps';
import { commitCommand, loadCommand } from './steps/producerSteps';
import { directPublish, relayFinish, relayTake } from './steps/relaySteps';

/** Whether the handling of a delivery reads and writes in separate micro-steps (issue 13). */
async function splitsReceived(ctx: StepContext, deliverySeq: number, consumerId: string): Promise<boolean> {
  const delivery = await ctx.tx.get('deliveries', [ctx.run.runId, deliverySeq]);
  return delivery !== undefined && splitsHandling(ctx.index, consumerId, subscriptionOf(ctx, delivery)?.handler, groupSize(ctx.run, consumerId), ctx.run.settings);
}

/** Counters promised work that the tables do not hold: a bug, never a simulated fault. */
function missing(what: string, step: number): never {
  throw new Error(`engine counters say ${what} is pending but none was found (step ${step})`);
}

/** The actor's next micro-step, or undefined when it turns out to have nothing to do now. */
async function act(ctx: StepContext, actor: Actor): Promise<StepReport | undefined> {
  const { run, mutants } = ctx;
  const process = actor.process;
  switch (actor.kind) {
    case 'producer': {
      if (process?.producer) return commitCommand(ctx, actor.nodeId, process.producer);
      if (countOf(run.stats.directPending, actor.nodeId) > 0) return (await directPublish(ctx, actor.nodeId)) ?? missing('a direct publish', run.step);
      return (await loadCommand(ctx, actor.nodeId)) ?? missing(`a command for ${actor.nodeId}`, run.step);
    }
    case 'relay':
      if (process?.relay) return relayFinish(ctx, process.relay);
      return (await relayTake(ctx)) ?? missing('an outbox row', run.step);
    case 'consumer': {
      if (!process) return undefined;
      if (ctx.run.settings.faults.killInstance && ctx.rng.chance(ctx.run.settings.faults.killInstance)) {
        return killInstance(ctx, process, lostText(await dropPendingPublishes(ctx, actor.nodeId, process)));
      }
      const prefetch = prefetchOf(ctx.index.consumer(actor.nodeId));
      if (prefetch > 1 && heldDeliveries(process).length < prefetch) {
        const next = await nextDeliverable(ctx, actor.nodeId, process);
        if (next) return take(ctx, process, next);
      }
      if (!process.consumer && process.prefetched && process.prefetched.length > 0) {
        const deliverySeq = process.prefetched.shift() as number;
        if (process.prefetched.length === 0) delete process.prefetched;
        process.consumer = { deliverySeq, stage: 'received' };
      }
      const holding = process.consumer;
      if (holding?.stage === 'received') {
        if (mutants.ackBeforeHandle) return ack(ctx, process, holding);
        return (await splitsReceived(ctx, holding.deliverySeq, actor.nodeId)) ? readRows(ctx, process, holding) : handleDelivery(ctx, process, holding);
      }
      if (holding?.stage === 'read' || holding?.stage === 'acked') return handleDelivery(ctx, process, holding);
      if (holding?.stage === 'applied') return recordInboxLater(ctx, process, holding);
      if (publishesHeld(run, process) > 0) return (await directPublish(ctx, actor.nodeId, process)) ?? missing('a direct publish', run.step);
      if (holding?.stage === 'handled') return ack(ctx, process, holding);
      const next = await nextDeliverable(ctx, actor.nodeId, process);
      return next && take(ctx, process, next);
    }
    case 'instance-up':
      return process && restartInstance(ctx, process);
    case 'scale':
      return await scaleGroup(ctx, actor.nodeId);
    case 'reader':
      return process && cacheStep(ctx, process);
    case 'broker': {
      const expired = await expiredDelivery(ctx);
      return expired && redeliver(ctx, expired);
    }
  }
}

/**
 * Takes one micro-step inside the caller's transaction: picks a process with work (seeded), lets
 * it act, and returns the trace row; a `wait` row when work is pending but nobody can act now
 * (relay down, an ack deadline to wait for); undefined when the run is quiet (no step taken).
 * Mutates `ctx.run` (step, clock, counters, processes, rng state); the caller writes it and the row.
 * Throws when the counters and the tables disagree (a bug, never a simulated fault).
 */
export async function advance(ctx: StepContext): Promise<TraceRecord | undefined> {
  const run: RunRecord = ctx.run;
  if (isQuiet(run)) {
    run.quiet = true;
    return undefined;
  }
  const step = run.step + 1;
  run.step = step;
  run.clock = run.settings.startClock + step * run.settings.stepMillis;
  const actors = candidates(run, step);
  let report: StepReport | undefined;
  while (!report && actors.length > 0) {
    const i = actors.length === 1 ? 0 : ctx.rng.int(0, actors.length - 1);
    const [actor] = actors.splice(i, 1);
    if (actor) report = await act(ctx, actor);
  }
  if (!report) {
    const waiting = waitingFor(run, step);
    report = { kind: 'wait', phase: 'wait', text: waiting.text, fault: waiting.text.startsWith('relay') ? 'relay-down' : undefined, nodeIds: [], edgeIds: [] };
  }
  run.rngState = ctx.rng.state;
  run.quiet = isQuiet(run);
  return { runId: run.runId, step, clock: run.clock, ...report };
}
