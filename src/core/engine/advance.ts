import { refreshStuckOutbox } from './invariants';
import type { RunRecord, TraceRecord } from './records';
import { chooseWork, isQuiet, pendingWork, relayIsDown, type WorkKind } from './scheduler';
import type { StepContext, StepReport } from './stepContext';
import { handleCommand } from './steps/commandStep';
import { ack, deliver, directPublish, relayMarkSent, relayPublish } from './steps/brokerSteps';
import { handleDelivery } from './steps/handleStep';

async function runWork(ctx: StepContext, kind: WorkKind): Promise<StepReport | undefined> {
  const { tx, run } = ctx;
  const id = run.runId;
  switch (kind) {
    case 'command': {
      const [c] = await tx.query('commands', '[runId+status+seq]', { prefix: [id, 'pending'], limit: 1 });
      return c && handleCommand(ctx, c);
    }
    case 'relay-publish': {
      const [row] = await tx.query('outbox', '[runId+status+seq]', { prefix: [id, 'pending'], limit: 1 });
      return row && relayPublish(ctx, row);
    }
    case 'relay-mark-sent': {
      const [row] = await tx.query('outbox', '[runId+status+seq]', { prefix: [id, 'publishing'], limit: 1 });
      return row && relayMarkSent(ctx, row);
    }
    case 'direct-publish': {
      const [p] = await tx.query('directPublishes', '[runId+seq]', { prefix: [id], limit: 1 });
      return p && directPublish(ctx, p);
    }
    case 'deliver':
    case 'handle':
    case 'ack': {
      const status = kind === 'deliver' ? 'queued' : kind === 'handle' ? 'delivered' : 'handled';
      const [d] = await tx.query('deliveries', '[runId+status+order]', { prefix: [id, status], limit: 1 });
      if (!d) return undefined;
      return kind === 'deliver' ? deliver(ctx, d) : kind === 'handle' ? handleDelivery(ctx, d) : ack(ctx, d);
    }
  }
}

/**
 * Takes one micro-step inside the caller's transaction: picks the work, does it, refreshes the
 * stuck-outbox report, and returns the trace row (undefined when the run is quiet: no step taken).
 * Mutates `ctx.run` (step, clock, counters, rng state); the caller writes it and the trace row.
 * Throws when the counters and the tables disagree (a bug, never a simulated fault).
 */
export async function advance(ctx: StepContext): Promise<TraceRecord | undefined> {
  const run: RunRecord = ctx.run;
  const step = run.step + 1;
  const { available, blocked } = pendingWork(run, step);
  if (available.length === 0 && !blocked) {
    run.quiet = true;
    return undefined;
  }
  run.step = step;
  run.clock = run.settings.startClock + step * run.settings.stepMillis;
  const kind = chooseWork(available, ctx.rng);
  let report: StepReport | undefined;
  if (kind === undefined) {
    const down = run.settings.faults.relayDown;
    const left = down ? down.fromStep + down.steps - step : 0;
    report = { kind: 'wait', text: `relay is down (fault): nothing else to do, ${left} step(s) until it is back`, fault: 'relay-down', nodeIds: [], edgeIds: [] };
  } else {
    report = await runWork(ctx, kind);
    if (!report) throw new Error(`engine counters say ${kind} work is pending but none was found (step ${step})`);
  }
  await refreshStuckOutbox(ctx, relayIsDown(run, step));
  ctx.run.rngState = ctx.rng.state;
  run.quiet = isQuiet(run);
  return { runId: run.runId, step, clock: run.clock, ...report };
}
