/**
 * Instance controls of run mode (issue 13): the user kills one consumer instance. It is the same
 * micro-step as the kill-instance fault (`killInstance` in instances.ts: memory gone, the held
 * delivery back after its ack deadline, locks kept until their lease ends, partitions rebalanced,
 * down for `faults.instanceDownSteps`), taken as the run's next step on the user's word instead of
 * the seeded source's. Adding or removing instances is `settings.instances` (updateSettings).
 */
import { instanceName, killInstance } from './instances';
import { dropPendingPublishes, lostText } from './processes';
import type { TraceRecord } from './records';
import { isQuiet } from './scheduler';
import type { StepContext } from './stepContext';

/** Kills the consumer instance `processId` as the run's next step; its trace row. Throws when there is no such live instance. */
export async function killInstanceNow(ctx: StepContext, processId: string): Promise<TraceRecord> {
  const { run, index } = ctx;
  const process = run.processes.find((p) => p.id === processId && p.kind === 'consumer');
  if (!process) throw new Error(`no consumer instance "${processId}" in this run`);
  if (process.downUntil !== undefined) throw new Error(`${instanceName(index, process)} is down already (until step ${process.downUntil})`);
  const step = run.step + 1;
  run.step = step;
  run.clock = run.settings.startClock + step * run.settings.stepMillis;
  const report = killInstance(ctx, process, lostText(await dropPendingPublishes(ctx, process.nodeId, process)));
  run.quiet = isQuiet(run);
  return { runId: run.runId, step, clock: run.clock, ...report, text: report.text.replace('killed (fault)', 'killed (by the run controls)') };
}
