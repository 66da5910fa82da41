// The engine measured through its public API (`SimulationEngine`), whatever its insides: the same
// calls the app makes. Every run is seeded; a run that does not finish in its time budget stops at
// the next batch boundary and says how far it got (rates are still exact for what ran).
import { createMemorySimulationStore, createSimulationEngine, type FlowDocument, type SimulationEngine } from '../../src/core';
import { openSimulationEngine, SimulationDb } from '../../src/persistence/simulation';
import { RUN_BATCH_STEPS } from '../../src/session/playPlan';

export type EngineMode = 'batched' | 'memory';

export interface EngineRun {
  mode: EngineMode;
  workload: Workload;
  commands: number;
  /** Seconds to fire the commands (`fireMany`), apart from running them. */
  fireSeconds: number;
  steps: number;
  /** Rows in every table of the run at the end (the run row aside). */
  rows: number;
  seconds: number;
  stepsPerSecond: number;
  rowsPerSecond: number;
  /** Steps per second in the first and the last quarter of the time: a run that slows down as it grows shows it here. */
  firstQuarterStepsPerSecond: number;
  lastQuarterStepsPerSecond: number;
  quiet: boolean;
  /** Checked when the run got quiet (unless asked not to): outbox and inbox on, so no invariant may break and a rebuild must match. */
  anomalies?: number;
  rebuildEqual?: boolean;
}

/**
 * What is fired and under which settings (both run in batches of the size Run until quiet writes,
 * RUN_BATCH_STEPS, larger than the engine's default for callers that do not say):
 * - `faulty`: a seeded mix of every command, with duplicate deliveries and crashes after publish
 *   (the engine's own scenarios);
 * - `as the UI`: what the run toolbar's Fire N and Run until quiet do on a new run of the design:
 *   the first command of the first producer that has one, under the run's default settings; the
 *   engine alone and the UI then take exactly the same steps in the same transactions, and their
 *   rates differ only by what the UI adds.
 */
export type Workload = 'faulty' | 'as the UI';

const FAULTY = { seed: 7, faults: { duplicateDelivery: 0.1, crashAfterPublish: 0.05 } } as const;
const STOP = new Error('bench budget reached');

async function rowCount(engine: SimulationEngine, runId: string): Promise<number> {
  const counts = await engine.counts(runId);
  return Object.entries(counts).reduce((sum, [table, n]) => (table === 'runs' ? sum : sum + n), 0);
}

/** The command the run toolbar's Fire N fires by default (FirePanel.tsx): the first producer's first command. */
function uiTarget(flow: FlowDocument): { producerId: string; commandId: string } {
  const producer = flow.producers.find((p) => p.commands.length > 0);
  const command = producer?.commands[0];
  if (!producer || !command) throw new Error(`design "${flow.name}" has no producer with a command to fire`);
  return { producerId: producer.id, commandId: command.id };
}

/** Rate of the steps taken in [from, to) of a timeline of (time, steps) samples. */
function rateBetween(samples: readonly { t: number; steps: number }[], from: number, to: number): number {
  const inside = samples.filter((s) => s.t >= from && s.t <= to);
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last || last.t === first.t) return 0;
  return Math.round((last.steps - first.steps) / ((last.t - first.t) / 1000));
}

/**
 * Fires `commands` commands (seeded) at the flow and runs until quiet, or until `budgetMs` is
 * spent: `batched` on IndexedDB (a fresh database of its own), `memory` on the in-memory store
 * (the engine's own cost, no IndexedDB). `checked`: once quiet, the invariant report and a rebuild
 * are computed (after the timed part; several seconds on 10,000 commands).
 */
export async function engineRunUntilQuiet(flow: FlowDocument, commands: number, mode: EngineMode, budgetMs: number, workload: Workload = 'faulty', checked = true): Promise<EngineRun> {
  const db = new SimulationDb(`efd-bench-engine-${crypto.randomUUID()}`);
  const engine = mode === 'memory' ? createSimulationEngine(createMemorySimulationStore()) : openSimulationEngine(db);
  try {
    await engine.startRun(flow, workload === 'faulty' ? FAULTY : undefined);
    let t = performance.now();
    await engine.fireMany(flow.id, { count: commands, ...(workload === 'as the UI' ? uiTarget(flow) : {}) });
    const fireSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const deadline = t + budgetMs;
    const samples = [{ t: 0, steps: 0 }];
    try {
      await engine.runUntilQuiet(flow.id, {
        // As the app runs it (runSession.ts): batches of its size, the samples taken while later batches are written.
        overlap: true,
        stepsPerTransaction: RUN_BATCH_STEPS,
        between: ({ steps }) => {
          const now = performance.now();
          samples.push({ t: now - t, steps });
          if (now > deadline) throw STOP;
        },
      });
    } catch (error) {
      if (error !== STOP) throw error;
    }
    const seconds = (performance.now() - t) / 1000;
    const run = await engine.getRun(flow.id);
    const steps = run?.step ?? 0;
    samples.push({ t: seconds * 1000, steps });
    const rows = await rowCount(engine, flow.id);
    const quiet = run?.quiet ?? false;
    const span = seconds * 1000;
    return {
      mode, workload, commands, fireSeconds: round(fireSeconds), steps, rows, seconds: round(seconds),
      stepsPerSecond: Math.round(steps / seconds), rowsPerSecond: Math.round(rows / seconds),
      firstQuarterStepsPerSecond: rateBetween(samples, 0, span / 4),
      lastQuarterStepsPerSecond: rateBetween(samples, (span * 3) / 4, span),
      quiet,
      ...(quiet && checked ? { anomalies: (await engine.report(flow.id)).broken, rebuildEqual: (await engine.compareWithRebuild(flow.id)).equal } : {}),
    };
  } finally {
    db.close();
    await db.delete();
  }
}

export interface StepRun {
  steps: number;
  seconds: number;
  stepsPerSecond: number;
}

/** `step()` one at a time (the UI's Step and Play) for `budgetMs`, on a fresh IndexedDB database. */
export async function engineSingleSteps(flow: FlowDocument, budgetMs: number): Promise<StepRun> {
  const db = new SimulationDb(`efd-bench-step-${crypto.randomUUID()}`);
  const engine = openSimulationEngine(db);
  try {
    await engine.startRun(flow, FAULTY);
    await engine.fireMany(flow.id, { count: 200 });
    const t = performance.now();
    let steps = 0;
    while (performance.now() - t < budgetMs && (await engine.step(flow.id))) steps++;
    const seconds = (performance.now() - t) / 1000;
    return { steps, seconds: round(seconds), stepsPerSecond: Math.round(steps / seconds) };
  } finally {
    db.close();
    await db.delete();
  }
}

const round = (n: number) => Number(n.toFixed(3));
