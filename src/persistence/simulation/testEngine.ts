import type {
  DeliveryRecord, FlowDocument, OutboxRecord, ProjectionRowRecord, RunRecord, SettingsPatch, SimulationEngine, TableName,
} from '../../core';
import { openSimulationEngine } from './openSimulationEngine';
import { SimulationDb } from './simulationDb';

let dbCounter = 0;

/** A fresh engine on its own (fake-indexeddb) database, for tests. */
export function freshEngine(): { engine: SimulationEngine; db: SimulationDb; close(): Promise<void> } {
  const db = new SimulationDb(`efd-simulation-test-${++dbCounter}`);
  return { engine: openSimulationEngine(db), db, close: async () => { db.close(); await db.delete(); } };
}

/**
 * Starts a run, fires `commands` random commands, runs until quiet (`stepsPerTransaction` 1: with
 * `step()`, one transaction per micro-step; else batched in memory); returns the quiet run.
 */
export async function runToQuiet(
  engine: SimulationEngine, flow: FlowDocument, settings: SettingsPatch, commands: number, stepsPerTransaction = 500,
): Promise<RunRecord> {
  await engine.startRun(flow, settings);
  await engine.fireMany(flow.id, { count: commands });
  if (stepsPerTransaction === 1) {
    // One IndexedDB transaction per micro-step, straight on the database (no in-memory batch).
    for (let i = 0; i < 20_000 && (await engine.step(flow.id)); i++);
    const run = await engine.getRun(flow.id);
    if (!run) throw new Error('run vanished');
    return run;
  }
  const result = await engine.runUntilQuiet(flow.id, { maxSteps: 20_000, stepsPerTransaction });
  return result.run;
}

/** Counters of the run row recomputed from the tables, to compare with `run.stats`. */
export async function countersFromTables(db: SimulationDb, runId: string) {
  const byNode = <T>(rows: T[], node: (r: T) => string) => {
    const counts: Record<string, number> = {};
    for (const r of rows) counts[node(r)] = (counts[node(r)] ?? 0) + 1;
    return counts;
  };
  const all = (t: TableName) => db.table(t).where(':id').between([runId], [runId, []]).toArray();
  const outbox = (await all('outbox')) as OutboxRecord[];
  const deliveries = (await all('deliveries')) as DeliveryRecord[];
  const projectionRows = (await all('projectionRows')) as ProjectionRowRecord[];
  return {
    outboxPending: byNode(outbox.filter((r) => r.status !== 'sent'), (r) => r.ownerId),
    outboxSent: byNode(outbox.filter((r) => r.status === 'sent'), (r) => r.ownerId),
    acked: byNode(deliveries.filter((d) => d.status === 'acked'), (d) => d.consumerId),
    dead: byNode(deliveries.filter((d) => d.status === 'dead'), (d) => d.consumerId),
    projectionRows: byNode(projectionRows, (r) => r.projectionId),
  };
}

/** Drops zero entries, to compare counters. */
export function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== 0));
}
