/**
 * The runner on real PostgreSQL + NATS JetStream, started by the test in a temporary folder on free
 * loopback ports. Skipped, with the reason in the suite's name and on the console, where the
 * binaries are not installed (`.ci/run` installs them, so CI always runs these).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../src/core';
import { pipelineFlow } from '../src/core/engine/testing/smallFlows';
import { oracle, type OracleKind } from './read/realOracle';
import { runDesign, type RunOptions } from './runDesign';
import { localBinaries } from './services/binaries';
import { startLocalServices, type LocalServices } from './services/localServices';
import { NO_CHAOS, parseChaos } from './supervisor/faults';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
const binaries = localBinaries();
const skipped = binaries.ok ? '' : ` (skipped: ${binaries.reason})`;
if (!binaries.ok) console.warn(`runner integration tests skipped: ${binaries.reason}`);

describe.skipIf(!binaries.ok)(`the runner on real PostgreSQL + NATS JetStream${skipped}`, () => {
  let services: LocalServices;
  beforeAll(async () => {
    services = await startLocalServices();
  }, 60_000);
  afterAll(async () => {
    await services?.stop();
  });

  async function scenario(name: string, flow: FlowDocument, options: Partial<RunOptions> & { allow?: OracleKind[] }) {
    const pgUrl = await services.createDatabase(`efd_${name}`);
    const outcome = await runDesign(flow, {
      pgUrl, natsUrl: services.natsUrl, commands: 30, seed: 11, timeoutMs: 150_000, ...options, topology: { namespace: name, ...options.topology },
    });
    return { outcome, checked: oracle(flow, outcome.rows, new Set(options.allow ?? [])) };
  }

  it('runs the example with outbox + inbox through random kills of relays and consumers: nothing lost, no duplicate effect, rebuild equals projections', async () => {
    const { outcome, checked } = await scenario('kills', example, {
      faults: parseChaos('crash-after-publish=0.15,crash-after-handle=0.15,kill-every=1500ms'),
    });
    expect(outcome.quiet, outcome.pending).toBe(true);
    const killed = outcome.rows.processEvents.filter((e) => e.kind === 'SIGKILL').map((e) => e.process.split(':')[0]);
    expect(killed).toContain('relay');
    expect(killed).toContain('consumer');
    expect(outcome.rows.handlings.some((h) => h.outcome === 'duplicate-skipped'), 'a redelivery reached an inbox').toBe(true);
    expect(outcome.rows.commands.every((c) => c.status === 'handled')).toBe(true);
    expect(checked.byKind.lost).toBe(0);
    expect(checked.byKind['duplicate-effect']).toBe(0);
    expect(checked.byKind.gap).toBe(0);
    expect(checked.rebuild.equal).toBe(true);
    expect(checked.ok, JSON.stringify(checked.entries.slice(0, 5))).toBe(true);
  }, 200_000);

  it('finds the duplicate effect when a consumer runs without its inbox and redelivery is forced', async () => {
    const { outcome, checked } = await scenario('noinbox', example, {
      patterns: { inbox: { 'follow-center': false } },
      faults: parseChaos('duplicate=0.4'),
    });
    expect(outcome.quiet, outcome.pending).toBe(true);
    expect(outcome.rows.handlings.some((h) => h.consumerId === 'follow-center' && h.deliveryCount > 1), 'JetStream redelivered').toBe(true);
    expect(checked.byKind['duplicate-effect']).toBeGreaterThan(0);
    expect(checked.entries.find((e) => e.kind === 'duplicate-effect')?.nodeIds).toEqual(['follow-center']);
    expect(checked.rebuild.equal).toBe(false);
    expect(checked.ok).toBe(false);
  }, 200_000);

  it('finds the lost event when a dual-write producer is killed after its commit', async () => {
    const { outcome, checked } = await scenario('dualwrite', example, {
      patterns: { outbox: { 'content-ingest': false } },
      faults: parseChaos('crash-after-commit=0.3'),
    });
    expect(outcome.quiet, outcome.pending).toBe(true);
    const crashes = outcome.rows.processEvents.filter((e) => e.kind === 'crash-point after-commit' && e.process.startsWith('producer:'));
    expect(crashes.length).toBeGreaterThan(0);
    expect(checked.byKind.lost).toBeGreaterThan(0);
    const lost = checked.entries.filter((e) => e.kind === 'lost').flatMap((e) => e.eventIds);
    const published = new Set(outcome.rows.publications.map((p) => p.eventId));
    expect(lost.every((id) => !published.has(id) && outcome.rows.events.some((e) => e.eventId === id))).toBe(true);
    expect(checked.ok).toBe(false);
  }, 200_000);

  it('dead-letters a poison message after max_deliver and still gets quiet', async () => {
    const flow = pipelineFlow({ retryLimit: 1 });
    const { outcome, checked } = await scenario('poison', flow, { faults: { ...NO_CHAOS, poisonValue: 'b' }, commands: 20, allow: ['dead-letter'] });
    expect(outcome.quiet, outcome.pending).toBe(true);
    const poisoned = outcome.rows.events.filter((e) => Object.values(e.payload).includes('b'));
    expect(poisoned.length).toBeGreaterThan(0);
    expect(outcome.rows.deadLetters.length).toBeGreaterThan(0);
    for (const letter of outcome.rows.deadLetters) {
      expect(poisoned.map((e) => e.eventId)).toContain(letter.eventId);
      expect(letter.deliveries).toBe(2);
    }
    expect(checked.byKind.gap).toBe(0);
    // a dead letter is never applied, so exactly the rows the poisoned events touch differ from a rebuild
    const poisonedItems = new Set(poisoned.map((e) => e.aggregateId));
    const broken = checked.entries.filter((e) => e.broken);
    expect(broken.map((e) => e.kind)).toEqual(broken.map(() => 'projection-differs'));
    expect(checked.rebuild.differences.every((d) => d.projectionId === 'items' && poisonedItems.has(d.key))).toBe(true);
  }, 200_000);

  it('lays out and runs a design whose ids are __proto__ and constructor and whose columns need quoting', async () => {
    const renamed = JSON.parse(JSON.stringify(pipelineFlow()).replaceAll('"catalog"', '"__proto__"').replaceAll('"counter"', '"constructor"')) as FlowDocument;
    renamed.projections[0]!.columns.push({ name: 'say "hi"; DROP TABLE x; --', type: 'string' });
    const { outcome, checked } = await scenario('proto', renamed, { commands: 10 });
    expect(outcome.quiet, outcome.pending).toBe(true);
    expect(outcome.rows.handlings.map((h) => h.consumerId)).toContain('__proto__');
    expect(checked.ok, JSON.stringify(checked.entries.slice(0, 3))).toBe(true);
  }, 200_000);
});
