import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from './simulate';
import { captureConsole, editedCopy, scratchFolder } from './testing/cli';

const example = 'public/examples/content-platform.json';

function capture() {
  const io = captureConsole();
  return { report: () => JSON.parse(io.text()), text: io.text, err: io.err };
}

/** Runs the CLI; its exit code and parsed report. */
async function simulate(...args: string[]) {
  const io = capture();
  const code = await run(args);
  const report = io.report();
  vi.restoreAllMocks();
  return { code, report, kinds: report.invariants.byKind as Record<string, number> };
}

let dir: string;
/** Writes an edited copy of the example; returns its path. */
const edited = (name: string, edit: Parameters<typeof editedCopy>[3]) => editedCopy(dir, example, name, edit);

beforeAll(async () => {
  dir = await scratchFolder('flow-simulate-');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('npm run flow -- simulate', () => {
  it('given the example with outbox and inbox under duplicate and crash faults, when simulated, then it is quiet, every invariant holds, and exit 0', async () => {
    const { code, report } = await simulate(example, '--seed', '7', '--commands', '200', '--faults', 'duplicate=0.3,crash-after-publish=0.1,crash-after-handle=0.1', '--ack-timeout', '30');
    expect(code).toBe(0);
    expect(report).toMatchObject({ design: 'content-platform', seed: 7, quiet: true, invariants: { ok: true, broken: 0 }, rebuild: { equal: true } });
    expect(report.verdict).toMatch(/^quiet after step \d+/);
    expect(report.counts.commands).toBe(200);
    expect(report.counts.trace).toBeUndefined();
    expect(report.counts.handlings).toBeGreaterThan(report.counts.events);
    expect(report.counts.publications).toBeGreaterThan(report.counts.events);
  });

  it('given the same seed twice, when simulated, then the output is byte-identical; another seed differs', async () => {
    const args = [example, '--commands', '40', '--faults', 'duplicate=0.3,crash-after-commit=0.2,reorder=0.3'];
    const texts: string[] = [];
    for (const seed of ['5', '5', '6']) {
      const io = capture();
      await run([...args, '--seed', seed]);
      texts.push(io.text());
      vi.restoreAllMocks();
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).not.toBe(texts[0]);
  });

  it('given the inbox off and duplicates, when simulated, then harmful duplicates are found at follow-center and exit 1', async () => {
    const { code, report, kinds } = await simulate(example, '--seed', '4', '--commands', '20', '--faults', 'duplicate=1', '--inbox-off', 'follow-center');
    expect(code).toBe(1);
    expect(kinds.duplicate).toBeGreaterThan(0);
    expect(report.invariants.entries.find((e: { kind: string }) => e.kind === 'duplicate')).toMatchObject({ rootCause: 'follow-center', severity: 'broken' });
  });

  it('given dual write and crash-after-commit, when simulated, then lost events and the gaps they leave are found, and exit 1', async () => {
    const { code, report, kinds } = await simulate(example, '--seed', '3', '--commands', '60', '--faults', 'crash-after-commit=0.5', '--dual-write', 'content-ingest');
    expect(code).toBe(1);
    expect(kinds.lost).toBeGreaterThan(0);
    expect(report.invariants.entries.find((e: { kind: string }) => e.kind === 'lost')).toMatchObject({ rootCause: 'content-ingest' });
    expect(report.rebuild).toMatchObject({ compared: true, equal: false });
  });

  it('given retry limit 0 and a poison value, when simulated, then dead letters break the run, unless --allow names them', async () => {
    const design = await edited('retry-0', (d) => { for (const c of d.consumers) c.retryLimit = 0; });
    const broken = await simulate(design, '--seed', '3', '--commands', '30', '--faults', 'poison=published');
    expect(broken.code).toBe(1);
    expect(broken.kinds['dead-letter']).toBeGreaterThan(0);
    expect(broken.report.invariants.entries.find((e: { kind: string }) => e.kind === 'dead-letter').message).toMatch(/after 1 attempt\(s\)/);
    const allowed = await simulate(design, '--seed', '3', '--commands', '30', '--faults', 'poison=published', '--allow', 'dead-letter,gap,rebuild-differs');
    expect(allowed.code).toBe(0);
    expect(allowed.report.invariants).toMatchObject({ ok: true, broken: 0 });
    expect(allowed.report.invariants.allowed).toBeGreaterThan(0);
  });

  it('given the relay down for 500 steps, when simulated, then the stalled outbox stays in the report after it drains', async () => {
    const { code, report, kinds } = await simulate(example, '--seed', '3', '--commands', '60', '--faults', 'relay-down=500@10');
    expect(code).toBe(1);
    expect(report.quiet).toBe(true);
    expect(kinds['stalled-outbox']).toBe(1);
    expect(report.invariants.entries[0].message).toMatch(/all sent since$/);
  });

  it('given a consumer emitting into the producer\'s stream, when commands race it, then they retry on conflict; with no conflict retry they are rejected', async () => {
    const design = await edited('shared-stream', (d) => {
      d.consumers.find((c: { id: string }) => c.id === 'author-service').handlers[0].emits.push({ eventTypeId: 'video-status-change-event', mappings: [
        { target: '/videoId', source: { from: 'event', path: '/videoId' } },
        { target: '/after', source: { from: 'literal', value: 'indexed' } },
      ] });
    });
    // A race needs a status change loaded for the very video author-service is appending to: a seed whose
    // schedule has one. Both runs are identical up to that first conflict (only the retry limit differs).
    const retried = await simulate(design, '--seed', '3', '--commands', '300');
    expect(retried.code).toBe(0);
    const rejected = await simulate(design, '--seed', '3', '--commands', '300', '--conflict-retries', '0');
    expect(rejected.code).toBe(1);
    expect(rejected.kinds.rejected).toBeGreaterThan(0);
    expect(rejected.report.invariants.entries[0].message).toMatch(/optimistic concurrency conflict on video\/.*gave up after 1 conflict/);
    expect((await simulate(design, '--seed', '3', '--commands', '300', '--conflict-retries', '0', '--allow', 'rejected')).code).toBe(0);
  });

  it('given an emit cycle, when simulated, then the run stops with a verdict naming the cycle instead of spinning', async () => {
    const design = await edited('cycle', (d) => {
      d.consumers.find((c: { id: string }) => c.id === 'status-board').handlers[1].emits.push({ eventTypeId: 'video-status-change-event', mappings: [
        { target: '/videoId', source: { from: 'event', path: '/videoId' } },
        { target: '/after', source: { from: 'event', path: '/after' } },
      ] });
    });
    const { code, report } = await simulate(design, '--seed', '1', '--commands', '5');
    expect(code).toBe(1);
    expect(report.quiet).toBe(false);
    expect(report.verdict).toBe('not converging: an emit cycle through status-board → status-board (a causal chain 65 deep)');
    expect(report.steps).toBeLessThan(5_000);
  });

  it('given --help, when run, then it prints the usage and exits 0; bad arguments exit 2', async () => {
    const io = capture();
    expect(await run(['--help'])).toBe(0);
    expect(io.text()).toMatch(/^usage: npm run flow -- simulate <design.json> \[options\]/);
    expect(io.text()).toContain('--allow KINDS');
    expect(await run([])).toBe(2);
    expect(await run([example, '--faults', 'meteor=1'])).toBe(2);
    expect(await run([example, '--allow', 'everything'])).toBe(2);
    expect(io.err.join('\n')).toMatch(/unknown fault "meteor"[\s\S]*unknown kind "everything"/);
  });

  it('given a file that is not a design, when simulated, then it says why and exits 1 without running', async () => {
    const io = capture();
    expect(await run(['package.json'])).toBe(1);
    expect(io.err.join('\n')).toMatch(/package\.json/);
  });
});
