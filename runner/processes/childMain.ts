/**
 * The entry point of every child process the supervisor forks (`node --import tsx childMain.ts`).
 * It waits for its ProcessSpec on the IPC channel, connects, says ready, and runs its role until
 * SIGTERM (finish the message in hand, then exit 0) or SIGKILL (no goodbye: that is the point).
 */
import { runConsumer } from './consumer';
import { runDeadLetterForwarder } from './deadLetterForwarder';
import { describe, openContext, ready, type ProcessContext } from './processContext';
import { runProducer } from './producer';
import { runRelay } from './relay';
import type { ProcessSpec } from './spec';

const roles: Record<ProcessSpec['role'], (ctx: ProcessContext) => Promise<void>> = {
  producer: runProducer,
  relay: runRelay,
  consumer: runConsumer,
  'dead-letters': runDeadLetterForwarder,
};

async function main(spec: ProcessSpec): Promise<void> {
  const ctx = await openContext(spec);
  process.on('SIGTERM', () => {
    ctx.stopping = true;
    setTimeout(() => process.exit(0), 3_000).unref();
  });
  ready();
  await roles[spec.role](ctx);
  await ctx.nc.drain().catch(() => undefined);
  await ctx.db.end().catch(() => undefined);
  process.exit(0);
}

process.once('message', (spec: ProcessSpec) => {
  main(spec).catch((error: unknown) => {
    console.error(`${spec.name}: ${describe(error)}`);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
