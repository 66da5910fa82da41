import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulationEngine, type FlowDocument } from '../../core';
import { wherePrefix } from '../../persistence/reads';
import { SimulationDb, createDexieSimulationStore } from '../../persistence/simulation';
import { lastTrace } from '../../persistence/reads';
import { deliverySource, eventSource, inboxSource, knownCount, knownNodeCount, outboxSource, projectionSource, traceSource } from './queries';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
const DENSE = ['outbox', 'deliveries', 'publications', 'events', 'deadLetters', 'trace', 'commands'] as const;

describe('knownCount over a real run', () => {
  it('given the example run to quiet under faults, when each dense table is counted, then the run counters say the same', async () => {
    const db = new SimulationDb('queries-known-count');
    const engine = createSimulationEngine(createDexieSimulationStore(db));
    // Failures frequent enough that some delivery exhausts its retry limit (3) whatever the payloads: the dead-letter counter is exercised.
    await engine.startRun(example, { seed: 7, faults: { duplicateDelivery: 0.3, crashAfterPublish: 0.2, consumerFailure: 0.6 } });
    await engine.fireMany(example.id, { count: 25 });
    const { run } = await engine.runUntilQuiet(example.id, { maxSteps: 5000 });
    for (const table of DENSE) {
      const rows = await wherePrefix(db.table(table), ':id', [example.id]).count();
      expect({ table, count: knownCount(run, table) }).toEqual({ table, count: rows });
    }
    expect(knownCount(run, 'deadLetters')).toBeGreaterThan(0);
    db.close();
  });

  it('given a run, when the last page of the trace and event store are read by offset, then they end at the last step and position', async () => {
    const db = new SimulationDb('queries-dense-pages');
    const engine = createSimulationEngine(createDexieSimulationStore(db));
    await engine.startRun(example);
    await engine.fireMany(example.id, { count: 30 });
    const { run } = await engine.runUntilQuiet(example.id);
    const trace = await traceSource(db, run.runId).page({ offset: run.step - 5 }, 100);
    expect(trace.map((r) => r.step)).toEqual([1, 2, 3, 4, 5].map((i) => run.step - 5 + i));
    expect((await lastTrace(db, run.runId))?.step).toBe(run.step);
    const events = await eventSource(db, run.runId, {}).page({ offset: run.position - 1 }, 100);
    expect(events.map((e) => e.position)).toEqual([run.position]);
    const ownOutbox = await outboxSource(db, run.runId, { ownerId: 'author-service' }).count();
    expect(ownOutbox).toBe((run.stats.outboxPending['author-service'] ?? 0) + (run.stats.outboxSent['author-service'] ?? 0));
    db.close();
  });
});

describe('knownNodeCount over a real run', () => {
  it('given the example run under faults with the inbox off somewhere, when per-node views are counted, then the counters agree', async () => {
    const db = new SimulationDb('queries-node-count');
    const engine = createSimulationEngine(createDexieSimulationStore(db));
    await engine.startRun(example, {
      seed: 3,
      faults: { duplicateDelivery: 0.4, crashAfterPublish: 0.2, consumerFailure: 0.3 },
      patterns: { inbox: { 'follow-center': false } },
    });
    await engine.fireMany(example.id, { count: 30 });
    await engine.runSteps(example.id, 200);
    const run = (await engine.getRun(example.id))!;
    for (const owner of ['content-ingest', 'author-service']) {
      expect({ owner, n: knownNodeCount(run, 'outbox', owner) }).toEqual({ owner, n: await outboxSource(db, run.runId, { ownerId: owner }).count() });
    }
    for (const consumer of example.consumers.map((c) => c.id)) {
      expect({ consumer, n: knownNodeCount(run, 'deliveries', consumer) }).toEqual({ consumer, n: await deliverySource(db, run.runId, { consumerId: consumer }).count() });
      expect({ consumer, n: knownNodeCount(run, 'inbox', consumer) }).toEqual({ consumer, n: await inboxSource(db, run.runId, consumer).count() });
    }
    for (const projection of example.projections.map((p) => p.id)) {
      expect({ projection, n: knownNodeCount(run, 'projection', projection) }).toEqual({ projection, n: await projectionSource(db, run.runId, projection).count() });
    }
    db.close();
  });
});
