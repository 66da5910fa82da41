// The benchmark page: IndexedDB's ceiling (raw Dexie, one transaction per row; bulkPut) and the
// engine's run-until-quiet throughput on the built-in example, measured in the same page.
// Not a test: it reports figures and ratios (window.__benchResult), `bench/simulation.bench.ts` saves them.
import Dexie from 'dexie';
import { createMemorySimulationStore, createSimulationEngine, type FlowDocument } from '../src/core';
import { openSimulationEngine, SIMULATION_DB_OPTIONS, SimulationDb } from '../src/persistence/simulation';

interface Row { id: number; runId: string; payload: { title: string; n: number; tags: string[] } }

const row = (id: number): Row => ({ id, runId: 'bench', payload: { title: `row ${id}`, n: id, tags: ['a', 'b'] } });

async function rawCeiling(singleRows: number, bulkRows: number) {
  // Same options as the simulation database, so the ratios compare like with like.
  const db = new Dexie(`efd-bench-raw-${performance.now()}`, SIMULATION_DB_OPTIONS);
  db.version(1).stores({ rows: 'id, [runId+id]' });
  await db.open();
  const table = db.table<Row, number>('rows');
  let t = performance.now();
  for (let i = 0; i < singleRows; i++) await db.transaction('rw', table, () => table.put(row(i)));
  const perTx = singleRows / ((performance.now() - t) / 1000);
  t = performance.now();
  await db.transaction('rw', table, () => table.bulkPut(Array.from({ length: bulkRows }, (_, i) => row(singleRows + i))));
  const bulk = bulkRows / ((performance.now() - t) / 1000);
  db.close();
  await db.delete();
  return { oneTxPerRowPerSecond: Math.round(perTx), bulkRowsPerSecond: Math.round(bulk) };
}

type Mode = 'step' | 'batched' | 'memory';

/** The engine on the example: `step` = one transaction per micro-step (the UI's Step/Play), `batched` = run until quiet, `memory` = run until quiet on a memory store (the engine's own cost, no IndexedDB). */
async function engineThroughput(flow: FlowDocument, commands: number, mode: Mode) {
  const db = new SimulationDb(`efd-bench-engine-${performance.now()}`);
  const engine = mode === 'memory' ? createSimulationEngine(createMemorySimulationStore()) : openSimulationEngine(db);
  await engine.startRun(flow, { seed: 7, faults: { duplicateDelivery: 0.1, crashAfterPublish: 0.05 } });
  await engine.fireMany(flow.id, { count: commands });
  const t = performance.now();
  let steps = 0;
  if (mode === 'step') {
    while (await engine.step(flow.id)) steps++;
  } else {
    steps = (await engine.runUntilQuiet(flow.id, { stepsPerTransaction: 250 })).steps;
  }
  const seconds = (performance.now() - t) / 1000;
  const run = await engine.getRun(flow.id);
  const counts = await engine.counts(flow.id);
  // Correctness in this browser too: outbox + inbox on, so no invariant may break and the rebuild must match.
  const anomalies = (await engine.report(flow.id)).broken;
  const rebuildEqual = (await engine.compareWithRebuild(flow.id)).equal;
  const rows = Object.entries(counts).reduce((sum, [table, n]) => (table === 'runs' ? sum : sum + n), 0);
  db.close();
  await db.delete();
  return {
    mode,
    commands,
    quiet: run?.quiet ?? false,
    anomalies,
    rebuildEqual,
    steps,
    events: counts.events,
    rows,
    seconds: Number(seconds.toFixed(3)),
    stepsPerSecond: Math.round(steps / seconds),
    eventsPerSecond: Math.round(counts.events / seconds),
    commandsPerSecond: Math.round(commands / seconds),
    rowsPerSecond: Math.round(rows / seconds),
  };
}

async function run() {
  const out = document.getElementById('out');
  const flow = (await (await fetch('/examples/content-platform.json')).json()) as FlowDocument;
  const ceiling = await rawCeiling(1000, 20_000);
  const singleStep = await engineThroughput(flow, 50, 'step');
  const batched = await engineThroughput(flow, 1000, 'batched');
  const memory = await engineThroughput(flow, 1000, 'memory');
  const batched10k = await engineThroughput(flow, 10_000, 'batched');
  const result = {
    userAgent: navigator.userAgent,
    dbOptions: SIMULATION_DB_OPTIONS,
    ceiling,
    engine: { singleStep, batched, memory, batched10k },
    ratios: {
      batchedEventsVsOneTxPerEvent: Number((batched.eventsPerSecond / ceiling.oneTxPerRowPerSecond).toFixed(3)),
      batchedRowsVsBulkRows: Number((batched.rowsPerSecond / ceiling.bulkRowsPerSecond).toFixed(3)),
      singleStepStepsVsOneTxPerRow: Number((singleStep.stepsPerSecond / ceiling.oneTxPerRowPerSecond).toFixed(3)),
      batchedStepsVsSingleStep: Number((batched.stepsPerSecond / singleStep.stepsPerSecond).toFixed(2)),
      batchedStepsVsMemoryStore: Number((batched.stepsPerSecond / memory.stepsPerSecond).toFixed(3)),
    },
  };
  if (out) out.textContent = JSON.stringify(result, null, 2);
  (window as unknown as { __benchResult: unknown }).__benchResult = result;
}

document.getElementById('run')?.addEventListener('click', () => {
  run().catch((error: unknown) => {
    (window as unknown as { __benchError: string }).__benchError = String(error);
  });
});
