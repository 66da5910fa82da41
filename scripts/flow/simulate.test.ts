import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './simulate';

const example = 'public/examples/content-platform.json';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void err.push(String(s)));
  return { report: () => JSON.parse(out.join('\n')), err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('npm run flow -- simulate', () => {
  it('given the example under duplicate and crash faults, when simulated, then it reaches quiet with no invariant broken', async () => {
    const io = capture();
    const code = await run([example, '--seed', '7', '--commands', '200', '--faults', 'duplicate=0.3,crash-after-publish=0.1']);
    const report = io.report();
    expect(code).toBe(0);
    expect(report).toMatchObject({ design: 'content-platform', seed: 7, quiet: true, invariants: { ok: true, lost: 0, duplicateEffects: 0, entries: [] }, rebuild: { equal: true } });
    expect(report.counts.commands).toBe(200);
    expect(report.counts.events).toBeGreaterThan(200);
    expect(report.traceLength).toBe(report.steps);
    expect(report.counts.publications).toBeGreaterThan(report.counts.events);
  });

  it('given dual write and crash-after-commit, when simulated, then lost events are reported and the exit code is 1', async () => {
    const io = capture();
    const code = await run([example, '--seed', '3', '--commands', '20', '--faults', 'crash-after-commit=0.5', '--dual-write', 'content-ingest']);
    expect(code).toBe(1);
    expect(io.report().invariants.lost).toBeGreaterThan(0);
  });

  it('given the inbox off and duplicates, when simulated, then duplicate effects are reported', async () => {
    const io = capture();
    const code = await run([example, '--seed', '4', '--commands', '20', '--faults', 'duplicate=1', '--inbox-off', 'follow-center']);
    expect(code).toBe(1);
    expect(io.report().invariants.duplicateEffects).toBeGreaterThan(0);
  });

  it('given bad arguments, when run, then it prints usage and exits 2', async () => {
    const io = capture();
    expect(await run([])).toBe(2);
    expect(await run([example, '--faults', 'meteor=1'])).toBe(2);
    expect(io.err.join('\n')).toMatch(/usage|unknown fault/);
  });

  it('given a file that is not a design, when simulated, then it says why and exits 1 without running', async () => {
    const io = capture();
    expect(await run(['package.json'])).toBe(1);
    expect(io.err.join('\n')).toMatch(/package\.json/);
  });
});
