import { describe, expect, it } from 'vitest';
import { ArgumentError, missingConnection, parseRunArguments } from './runArguments';

describe('flow run arguments', () => {
  it('reads a full command line', () => {
    const args = parseRunArguments([
      'design.json', '--pg', 'postgres://u@h/db', '--nats', 'nats://h:4222', '--commands', '50', '--seed', '7',
      '--faults', 'crash-after-handle=0.1', '--inbox-off', 'a,b', '--idempotency-keys', 'shop', '--caller-retries', '2',
      '--instances', 'b=3', '--mode', 'b=partitioned:8,a=competing', '--relays', '2', '--ack-wait', '500ms', '--broker-dedupe', 'off',
      '--allow', 'dead-letter,rejected', '--compare',
    ]);
    expect(args).toEqual(expect.objectContaining({ file: 'design.json', pgUrl: 'postgres://u@h/db', commands: 50, seed: 7, compare: true, allow: ['dead-letter', 'rejected'] }));
    expect(args.faults.crashAfterHandle).toBe(0.1);
    expect({ ...args.settings.patterns?.inbox }).toEqual({ a: false, b: false });
    expect(args.settings.callerRetries).toBe(2);
    expect(args.topology).toEqual(expect.objectContaining({ relaysPerOutbox: 2, ackWaitMs: 500, brokerDedupe: false }));
    expect([...(args.topology.instances ?? [])]).toEqual([['b', 3]]);
    expect([...(args.topology.modes ?? [])]).toEqual([['b', { kind: 'partitioned', partitions: 8 }], ['a', { kind: 'competing' }]]);
  });

  it('takes the connection from the environment, or asks for it', () => {
    expect(parseRunArguments(['d.json'], { EFD_PG_URL: 'postgres://x', EFD_NATS_URL: 'nats://y' })).toEqual(expect.objectContaining({ pgUrl: 'postgres://x', natsUrl: 'nats://y' }));
    expect(missingConnection(parseRunArguments(['d.json']))).toMatch(/--pg .* and --nats .*; or --local/);
    expect(missingConnection(parseRunArguments(['d.json', '--local']))).toBeUndefined();
  });

  it('keeps ids such as __proto__ as plain keys', () => {
    const args = parseRunArguments(['d.json', '--inbox-off', '__proto__,constructor']);
    expect(Object.keys(args.settings.patterns?.inbox ?? {})).toEqual(['__proto__', 'constructor']);
  });

  it('refuses bad input with what and where', () => {
    expect(() => parseRunArguments([])).toThrow(ArgumentError);
    expect(() => parseRunArguments(['d.json', '--commands', 'many'])).toThrow('--commands needs a whole number of at least 0: many');
    expect(() => parseRunArguments(['d.json', '--mode', 'x=sideways'])).toThrow(/--mode takes consumer=partitioned:N or consumer=competing: sideways/);
    expect(() => parseRunArguments(['d.json', '--allow', 'everything'])).toThrow(/unknown kind "everything"/);
    expect(() => parseRunArguments(['d.json', '--frobnicate', '1'])).toThrow('unknown option --frobnicate');
    expect(() => parseRunArguments(['d.json', '--seed'])).toThrow('--seed needs a value');
    expect(parseRunArguments(['--help']).help).toBe(true);
  });
});
