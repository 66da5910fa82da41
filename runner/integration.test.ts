/**
 * The runner on real PostgreSQL + NATS JetStream, started by the test in a temporary folder on free
 * loopback ports. Each scenario runs real processes under real chaos, reads PostgreSQL and JetStream
 * back into the engine's checker, and holds the checker to the oracle written apart from it.
 * Skipped, with the reason in the suite's name and on the console, where the binaries are not
 * installed (`.ci/run` installs them, so CI always runs these).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRun, type AnomalyKind, type CheckReport, type FlowDocument } from '../src/core';
import { pipelineFlow } from '../src/core/engine/testing/smallFlows';
import { compareKinds, simulatorReport } from './compare';
import { checkInputOf } from './read/checkTables';
import { oracle, type OracleReport } from './read/realOracle';
import { partitionOf } from './topology/plan';
import { runDesign, type RunOptions, type RunOutcome } from './runDesign';
import { localBinaries } from './services/binaries';
import { startLocalServices, type LocalServices } from './services/localServices';
import { NO_CHAOS, parseChaos } from './supervisor/faults';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;

/**
 * The example with a retry budget random kills cannot use up. JetStream counts a delivery to a process
 * that was killed before it committed, so on a loaded machine a consumer killed four times while it held
 * one message dead-letters it (a true dead letter, which the checker reports). The kill scenarios test
 * the outbox and the inbox, not the retry budget (the poison scenario does), so they give each consumer
 * 20 retries.
 */
function withRetryBudget(flow: FlowDocument, retryLimit = 20): FlowDocument {
  const copy = structuredClone(flow);
  for (const consumer of copy.consumers) consumer.retryLimit = retryLimit;
  return copy;
}
const binaries = localBinaries();
const skipped = binaries.ok ? '' : ` (skipped: ${binaries.reason})`;
if (!binaries.ok) console.warn(`runner integration tests skipped: ${binaries.reason}`);

/** The kinds the oracle names, for the cross-check. */
function agreeWithOracle(check: CheckReport, truth: OracleReport): void {
  const has = (kind: AnomalyKind) => (check.byKind[kind] ?? 0) > 0;
  expect(has('lost'), 'lost').toBe(truth.byKind.lost > 0);
  expect(has('phantom'), 'phantom').toBe(truth.byKind.phantom > 0);
  expect(has('missed'), 'missed').toBe(truth.byKind.gap > 0);
  expect(has('duplicate'), 'duplicate').toBe(truth.byKind['duplicate-effect'] > 0);
  expect(has('stale') || has('late'), 'stale').toBe(truth.byKind['stale-overwrite'] > 0);
  expect(has('dead-letter'), 'dead-letter').toBe(truth.byKind['dead-letter'] > 0);
  expect(has('duplicate-command'), 'duplicate-command').toBe(truth.byKind['duplicate-command-effect'] > 0);
  expect(has('rebuild-differs'), 'rebuild').toBe(truth.byKind['projection-differs'] > 0);
  expect(check.byKind.lost ?? 0).toBe(truth.byKind.lost);
}

describe.skipIf(!binaries.ok)(`the runner on real PostgreSQL + NATS JetStream${skipped}`, () => {
  let services: LocalServices;
  beforeAll(async () => {
    services = await startLocalServices();
  }, 60_000);
  afterAll(async () => {
    await services?.stop();
  }, 60_000);

  async function scenario(name: string, flow: FlowDocument, options: Partial<RunOptions> & { allow?: AnomalyKind[] }): Promise<{ outcome: RunOutcome; check: CheckReport }> {
    const pgUrl = await services.createDatabase(`efd_${name}`);
    const outcome = await runDesign(flow, {
      pgUrl, natsUrl: services.natsUrl, commands: 30, seed: 11, timeoutMs: 150_000, ...options, topology: { namespace: name, ...options.topology },
    });
    expect(outcome.quiet, outcome.pending).toBe(true);
    const check = checkRun(checkInputOf(flow, outcome, options.allow ?? []));
    agreeWithOracle(check, oracle(flow, outcome.rows));
    return { outcome, check };
  }
  const broken = (check: CheckReport) => check.entries.filter((e) => e.severity === 'broken');

  it('runs the example with outbox + inbox through random kills of relays and consumers: nothing lost, no duplicate effect, rebuild equals projections', async () => {
    // A stalled outbox depends on wall-clock time on a loaded machine (a relay killed again and again): reported, not failed here.
    const { outcome, check } = await scenario('kills', withRetryBudget(example), {
      commands: 24, faults: parseChaos('crash-after-publish=0.15,crash-after-handle=0.15,kill-every=1500ms,nats-drop-every=3s'), allow: ['stalled-outbox'],
    });
    expect(outcome.processes.natsDrops).toBeGreaterThan(0);
    const killed = outcome.rows.processEvents.filter((e) => e.kind === 'SIGKILL').map((e) => e.process.split(':')[0]);
    expect(killed).toContain('relay');
    expect(killed).toContain('consumer');
    expect(outcome.rows.handlings.some((h) => h.outcome === 'duplicate-skipped'), 'a redelivery reached an inbox').toBe(true);
    expect(outcome.rows.commands.every((c) => c.status === 'handled')).toBe(true);
    expect(broken(check), JSON.stringify(broken(check).slice(0, 3))).toEqual([]);
    expect(check.ok).toBe(true);
  }, 200_000);

  it('keeps each aggregate in order across consumer instances that share partitions, through kills', async () => {
    const consumers = example.consumers.map((c) => c.id);
    const { outcome, check } = await scenario('partitions', withRetryBudget(example), {
      commands: 24, faults: parseChaos('crash-after-handle=0.1,kill-every=2s'), allow: ['stalled-outbox'],
      topology: { instances: new Map(consumers.map((id) => [id, 2])), modes: new Map(consumers.map((id) => [id, { kind: 'partitioned' as const, partitions: 4 }])) },
    });
    const boardInstances = new Set(outcome.rows.handlings.filter((h) => h.consumerId === 'status-board').map((h) => h.instance.split('@')[0]));
    expect([...boardInstances].sort()).toEqual(['consumer:status-board#1', 'consumer:status-board#2']);
    expect((check.byKind.stale ?? 0) + (check.byKind.late ?? 0)).toBe(0);
    expect(check.ok, JSON.stringify(broken(check).slice(0, 3))).toBe(true);
  }, 200_000);

  it('runs the scale settings of the design document without flags: status-board as 3 instances on 8 partitions keyed by videoId, through kills', async () => {
    const flow = withRetryBudget(example);
    const board = flow.consumers.find((c) => c.id === 'status-board')!;
    board.instances = 3;
    board.handlers = board.handlers.map((h) => ({ ...h, delivery: { kind: 'partitioned' as const, partitions: 8, key: '/videoId' } }));
    const { outcome, check } = await scenario('docscale', flow, { commands: 24, faults: parseChaos('crash-after-handle=0.1,kill-every=2s'), allow: ['stalled-outbox'] });
    const planned = outcome.plan.consumers.find((c) => c.id === 'status-board')!;
    expect([planned.instances, planned.durables.length]).toEqual([3, 8]);
    // Every message of the video channel went to the partition of its videoId (the core's formula), not of its stream id.
    const events = new Map(outcome.rows.events.map((e) => [e.eventId, e]));
    const video = outcome.rows.publications.filter((p) => outcome.plan.channelOf.get(p.eventTypeId) === 'video-event');
    expect(video.length).toBeGreaterThan(0);
    for (const p of video) {
      const videoId = String(events.get(p.eventId)?.payload.videoId);
      expect(p.subject).toContain(`.p${partitionOf(videoId, 8)}.`);
    }
    expect(new Set(video.map((p) => p.subject.split('.')[3])).size).toBeGreaterThan(1);
    const instances = new Set(outcome.rows.handlings.filter((h) => h.consumerId === 'status-board').map((h) => h.instance.split('@')[0]));
    expect(instances.size).toBeGreaterThan(1);
    expect((check.byKind.stale ?? 0) + (check.byKind.late ?? 0)).toBe(0);
    expect(check.ok, JSON.stringify(broken(check).slice(0, 3))).toBe(true);
  }, 200_000);

  it('finds the duplicate effect when a consumer runs without its inbox and redelivery is forced', async () => {
    const { outcome, check } = await scenario('noinbox', example, { settings: { patterns: { inbox: { 'follow-center': false } } }, faults: parseChaos('duplicate=0.4') });
    expect(outcome.rows.handlings.some((h) => h.consumerId === 'follow-center' && h.deliveryCount > 1), 'JetStream redelivered').toBe(true);
    const duplicates = check.entries.filter((e) => e.kind === 'duplicate');
    expect(duplicates.length).toBeGreaterThan(0);
    expect(duplicates.every((e) => e.rootCause.nodeId === 'follow-center')).toBe(true);
    expect(check.byKind['rebuild-differs']).toBeGreaterThan(0);
    expect(check.ok).toBe(false);
  }, 200_000);

  it('finds the lost event when a dual-write producer is killed after its commit, as the simulator does', async () => {
    const settings = { patterns: { outbox: { 'content-ingest': false } } };
    const faults = parseChaos('crash-after-commit=0.3');
    const { outcome, check } = await scenario('dualwrite', example, { settings, faults });
    expect(outcome.rows.processEvents.some((e) => e.kind === 'crash-point after-commit' && e.process.startsWith('producer:'))).toBe(true);
    const lost = check.entries.filter((e) => e.kind === 'lost');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((e) => e.rootCause.nodeId === 'content-ingest')).toBe(true);
    const published = new Set(outcome.rows.publications.map((p) => p.eventId));
    expect(lost.flatMap((e) => e.eventIds).every((id) => !published.has(id))).toBe(true);
    const simulated = await simulatorReport(example, { seed: 11, commands: 30, faults, settings, allow: [] });
    const comparison = compareKinds(simulated.report, check, { steps: simulated.steps, quiet: simulated.quiet, verdict: simulated.verdict });
    expect(comparison.kinds.find((k) => k.kind === 'lost')).toEqual(expect.objectContaining({ simulator: expect.any(Number), real: lost.length }));
    expect(comparison.disagreements.filter((d) => d.startsWith('lost'))).toEqual([]);
  }, 200_000);

  it('dead-letters a poison message after max_deliver, still gets quiet, and traces the rebuild difference to it', async () => {
    const flow = pipelineFlow({ retryLimit: 1 });
    const { outcome, check } = await scenario('poison', flow, { faults: { ...NO_CHAOS, poisonValue: 'b' }, commands: 20, allow: ['dead-letter'] });
    const poisoned = outcome.rows.events.filter((e) => Object.values(e.payload).includes('b')).map((e) => e.eventId);
    expect(outcome.rows.deadLetters.length).toBeGreaterThan(0);
    for (const letter of outcome.rows.deadLetters) {
      expect(poisoned).toContain(letter.eventId);
      expect(letter.deliveries).toBe(2);
    }
    expect(check.entries.filter((e) => e.kind === 'dead-letter').every((e) => e.severity === 'allowed' && /poison value "b"/.test(e.message))).toBe(true);
    expect(broken(check).map((e) => e.kind)).toEqual(['rebuild-differs']);
    expect(broken(check)[0]?.rootCause.nodeId).toBe('catalog');
  }, 200_000);

  it('a caller retry without an idempotency key commits twice; with one it is answered from the first commit', async () => {
    const faults = parseChaos('crash-after-commit=0.3');
    const without = await scenario('retry', example, { commands: 20, faults, settings: { callerRetries: 2 } });
    expect(without.check.byKind['duplicate-command']).toBeGreaterThan(0);
    const keyed = await scenario('retrykey', example, { commands: 20, faults, settings: { callerRetries: 2, patterns: { idempotencyKey: { 'content-ingest': true } } } });
    expect(keyed.check.byKind['duplicate-command'] ?? 0).toBe(0);
    expect(keyed.outcome.rows.commandLog.some((l) => l.answeredFrom !== null), 'a retry was answered from the log').toBe(true);
    expect(keyed.check.ok, JSON.stringify(broken(keyed.check).slice(0, 3))).toBe(true);
  }, 300_000);

  it('finds phantoms from a publish-first dual write killed before its commit, and a duplicate e-mail the inbox cannot stop', async () => {
    const flow = structuredClone(example);
    const follow = flow.consumers.find((c) => c.id === 'follow-center');
    follow!.handlers[0]!.externalEffects = [{ name: 'send notification e-mail' }];
    const { check } = await scenario('phantom', flow, {
      commands: 20,
      faults: parseChaos('crash-before-commit=0.25'),
      settings: { callerRetries: 3, patterns: { outbox: { 'content-ingest': false }, publishFirst: { 'content-ingest': true } } },
    });
    expect(check.byKind.phantom).toBeGreaterThan(0);
    expect(check.entries.filter((e) => e.kind === 'phantom').every((e) => e.rootCause.nodeId === 'content-ingest')).toBe(true);
    expect(check.byKind['duplicate-side-effect']).toBeGreaterThan(0);
  }, 200_000);

  it('lays out and runs a design whose ids are __proto__ and constructor and whose columns need quoting', async () => {
    const renamed = JSON.parse(JSON.stringify(pipelineFlow()).replaceAll('"catalog"', '"__proto__"').replaceAll('"counter"', '"constructor"')) as FlowDocument;
    renamed.projections[0]!.columns.push({ name: 'say "hi"; DROP TABLE x; --', type: 'string' });
    const { outcome, check } = await scenario('proto', renamed, { commands: 10 });
    expect(outcome.rows.handlings.map((h) => h.consumerId)).toContain('__proto__');
    expect(check.ok, JSON.stringify(broken(check).slice(0, 3))).toBe(true);
  }, 200_000);
});
