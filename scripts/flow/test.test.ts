import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from './test';
import { editedCopy, runCommand, scratchFolder } from './testing/cli';

const example = 'public/examples/content-platform.json';

/** Runs `flow test` with these arguments: its exit code and what it printed. */
const flowTest = (...args: string[]) => runCommand(run, args);

let dir: string;
/** Writes an edited copy of the example; returns its path. */
const edited = (name: string, edit: Parameters<typeof editedCopy>[3]) => editedCopy(dir, example, name, edit);

beforeAll(async () => {
  dir = await scratchFolder('flow-test-');
});
afterEach(() => vi.restoreAllMocks());

describe('npm run flow -- test', () => {
  it('given the built-in example, when its scenarios run, then every one passes and it exits 0', async () => {
    const { code, out } = await flowTest(example);
    expect(out).toEqual([
      expect.stringMatching(/^PASS {2}A duplicate delivery with the inbox on counts the notification once {2}\(\d+ steps\)$/),
      expect.stringMatching(/^PASS {2}Dual write with a crash after commit loses the event/),
      expect.stringMatching(/^PASS {2}A status change after the ingest/),
      '3 scenarios: 3 passed, 0 failed',
    ]);
    expect(code).toBe(0);
  });

  it('given the order fulfilment example (issue 13), when its scenarios run, then the lost updates, the remedies under kills and the stale cache all pass and it exits 0', async () => {
    const { code, out } = await flowTest('public/examples/order-fulfilment.json');
    expect(out.at(-1)).toBe('5 scenarios: 5 passed, 0 failed');
    expect(out.slice(0, 5).every((line) => line.startsWith('PASS  '))).toBe(true);
    expect(out[3]).toMatch(/^PASS {2}A slow cache reader fills customer-stats with a row a write overtook: a stale cache entry/);
    expect(code).toBe(0);
  });

  it('given a design with a passing and a failing scenario (the inbox switched off in its when), when tested, then the failure is named and it exits 1', async () => {
    const path = await edited('one-fails', (d) => {
      d.scenarios = [d.scenarios[0], { ...structuredClone(d.scenarios[0]), id: 'inbox-off', name: 'Inbox off', when: { seed: 7, faults: { duplicateDelivery: 1 }, patterns: { inbox: { 'follow-center': false } } } }];
    });
    const { code, out } = await flowTest(path);
    expect(code).toBe(1);
    expect(out[0]).toMatch(/^PASS {2}A duplicate delivery/);
    expect(out[1]).toMatch(/^FAIL {2}Inbox off {2}\(\d+ steps\)$/);
    expect(out[2]).toMatch(/^ {6}✗ row: expected row notifications\['alice'\] with notificationsSent = 1, .*; found column notificationsSent of notifications\['alice'\] is [2-9]$/);
    expect(out[3]).toMatch(/^ {6}✗ invariants: expected no broken invariant; found 'duplicate' ×1: AuthorVideoAddedEvent/);
    expect(out.at(-1)).toBe('2 scenarios: 1 passed, 1 failed');
  });

  it('given --scenario, when tested, then only that scenario runs (by id or by name)', async () => {
    expect((await flowTest(example, '--scenario', 'dual-write-crash-loses-event')).out.at(-1)).toBe('1 scenario: 1 passed, 0 failed');
    expect((await flowTest(example, '--scenario', 'Dual write with a crash after commit loses the event')).code).toBe(0);
    const missing = await flowTest(example, '--scenario', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/has no scenario with the id or name "nope"/);
  });

  it('given a design without scenarios, when tested, then it says there is nothing to test and exits 1', async () => {
    const path = await edited('none', (d) => { delete d.scenarios; });
    const { code, err } = await flowTest(path);
    expect(code).toBe(1);
    expect(err).toMatch(/has no scenarios: nothing to test/);
  });

  it('given a broken scenario field, when tested, then the design is refused with the pointer and exit 1', async () => {
    const path = await edited('broken', (d) => { d.scenarios[0].when.faults.duplicateDelivery = 3; });
    const { code, err } = await flowTest(path);
    expect(code).toBe(1);
    expect(err).toMatch(/\/scenarios\/0\/when\/faults\/duplicateDelivery/);
  });

  it('given bad usage, when run, then it prints the usage and exits 2', async () => {
    const { code, err } = await flowTest(example, '--seed', '3');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option --seed[\s\S]*usage: npm run flow -- test/);
  });
});
