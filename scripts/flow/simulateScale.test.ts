// `npm run flow -- simulate` with the consistency-at-scale options (issue 13), on the second
// built-in example: a lost update without a concurrency control, none with one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './simulate';
import { runCommand } from './testing/cli';

const example = 'public/examples/order-fulfilment.json';

async function simulate(...args: string[]) {
  const { code, out, err } = await runCommand(run, args);
  const report = out.length > 0 ? JSON.parse(out.join('\n')) : undefined;
  return { code, report, kinds: (report?.invariants.byKind ?? {}) as Record<string, number>, err };
}

afterEach(() => vi.restoreAllMocks());

describe('npm run flow -- simulate, scale options (issue 13)', () => {
  it('given the order example as it is (three tracker instances, no concurrency control), when simulated, then updates are lost and it exits 1', async () => {
    const { code, kinds, report } = await simulate(example, '--commands', '60', '--seed', '1');
    expect(code).toBe(1);
    expect(kinds['lost-update']).toBeGreaterThan(0);
    expect(report.quiet).toBe(true);
  });

  it.each(['lock', 'optimistic'])('given --concurrency customer-stats=%s and cache leases, when simulated, then nothing is lost, every invariant holds, and it exits 0', async (control) => {
    const { code, kinds } = await simulate(example, '--commands', '60', '--seed', '1', '--concurrency', `customer-stats=${control}`, '--cache', 'customer-stats=leases');
    expect(kinds).toEqual({});
    expect(code).toBe(0);
  });

  it('given one instance of the tracker (--instances order-tracker=1), when simulated, then nothing races and it exits 0', async () => {
    const { code, kinds } = await simulate(example, '--commands', '60', '--seed', '2', '--instances', 'order-tracker=1', '--cache', 'customer-stats=leases');
    expect(kinds['lost-update']).toBeUndefined();
    expect(code).toBe(0);
  });

  it('given instance kills with the lock on, when simulated, then instances were killed and every invariant holds', async () => {
    const { code, report } = await simulate(example, '--commands', '60', '--seed', '3', '--kill-instance', '0.02', '--concurrency', 'customer-stats=lock', '--cache', 'customer-stats=leases');
    expect(report.invariants.byKind).toEqual({});
    expect(code).toBe(0);
  });

  it('given single writer on a consumer without partitions, when simulated, then it warns with the design rule and still runs', async () => {
    const { err, report } = await simulate(example, '--commands', '10', '--concurrency', 'billing=single-writer');
    expect(err).toMatch(/warning: with the scale options, billing: single writer needs partitioned delivery on its subscription to OrderShipped/);
    expect(report.quiet).toBe(true);
  });

  it('given competing delivery for the content platform\'s follow center with 3 instances, when simulated, then the settings reach the run (exit code by the report)', async () => {
    const { report } = await simulate('public/examples/content-platform.json', '--commands', '30', '--instances', 'follow-center=3', '--mode', 'follow-center=competing');
    expect(report.quiet).toBe(true);
  });

  it.each([
    [['--instances', 'order-tracker=0'], /--instances needs a whole number of at least 1: 0/],
    [['--mode', 'order-tracker=sideways'], /--mode takes consumer=partitioned:N or consumer=competing: sideways/],
    [['--concurrency', 'customer-stats=maybe'], /--concurrency takes none, optimistic, lock, single-writer: customer-stats=maybe/],
    [['--cache', 'customer-stats=sometimes'], /--cache takes on, leases or off/],
    [['--kill-instance', '2'], /--kill-instance needs a probability in \[0, 1\]: 2/],
    [['--instances', 'nobody=2'], /--instances: the design has no consumer "nobody" \(consumers: order-tracker, billing\)/],
  ])('given bad scale options %j, when simulated, then it exits 2 and says what is wrong', async (args, message) => {
    const { code, err, report } = await simulate(example, ...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(report).toBeUndefined();
  });
});
