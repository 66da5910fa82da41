import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createMemorySimulationStore, createSimulationEngine, STEP_ONLY_INDEXES, type TableName } from '../../core';
import { pipelineFlow } from '../../core/engine/testing/smallFlows';
import { createDexieSimulationStore } from './dexieSimulationStore';
import { createSimulationDb, PAST_SCHEMAS } from './simulationDb';

const SETTINGS = { seed: 11, faults: { duplicateDelivery: 0.2, crashAfterPublish: 0.1 } };

/**
 * A database as the previous release left it (schema version 4, after 1–3), with a run half-way
 * through: the run is computed by today's engine in memory, and its rows are written into tables
 * of version 4 (the run row with its design snapshot inside).
 */
async function oldDatabase(name: string, flow: ReturnType<typeof pipelineFlow>): Promise<void> {
  const memory = createMemorySimulationStore();
  const engine = createSimulationEngine(memory);
  await engine.startRun(flow, SETTINGS);
  await engine.fireMany(flow.id, { count: 12 });
  await engine.runSteps(flow.id, 40);
  const old = new Dexie(name);
  PAST_SCHEMAS.forEach((schema, i) => old.version(i + 1).stores(schema));
  await old.open();
  const v3Tables = old.tables.map((t) => t.name as TableName);
  const rows = await memory.transaction('r', v3Tables, (tx) =>
    Promise.all(v3Tables.map(async (table) => [table, table === 'runs' || table === 'reports' ? [await tx.get(table, flow.id)].filter(Boolean) : await tx.query(table, ':id', { prefix: [flow.id] })] as const)));
  await old.transaction('rw', v3Tables, async () => {
    for (const [table, stored] of rows) await old.table(table).bulkPut(stored as unknown[]);
  });
  old.close();
}

describe('the simulation database upgrade', () => {
  it('given a run stored under schema version 4, when the app opens version 5, then the run reads and goes on exactly as on one version', async () => {
    const flow = pipelineFlow();
    await oldDatabase('efd-upgrade-test', flow);

    const db = createSimulationDb('efd-upgrade-test');
    await db.open();
    expect(db.verno).toBe(5);
    // The design snapshot moved out of the run row into its own row, which the run row names.
    const stored = await db.runs.get(flow.id);
    expect(stored && Object.hasOwn(stored, 'flow')).toBe(false);
    expect((await db.runDesigns.get(flow.id))?.key).toBe(stored?.designKey);
    // The step-only indexes are gone from IndexedDB; the stored rows are all there.
    for (const [table, indexes] of Object.entries(STEP_ONLY_INDEXES) as [TableName, string[]][]) {
      const names = db.table(table).schema.indexes.map((i) => i.name);
      for (const index of indexes) expect(names).not.toContain(index);
    }
    const engine = createSimulationEngine(createDexieSimulationStore(db));
    expect((await engine.getRun(flow.id))?.step).toBe(40);
    const upgraded = await engine.runUntilQuiet(flow.id);

    // The same run on a fresh database of the current version, never upgraded.
    const fresh = createSimulationDb('efd-upgrade-reference');
    const reference = createSimulationEngine(createDexieSimulationStore(fresh));
    await reference.startRun(flow, SETTINGS);
    await reference.fireMany(flow.id, { count: 12 });
    await reference.runSteps(flow.id, 40);
    const expected = await reference.runUntilQuiet(flow.id);

    expect(upgraded.quiet).toBe(true);
    expect(upgraded.run.step).toBe(expected.run.step);
    expect(await db.trace.toArray()).toEqual(await fresh.trace.toArray());
    expect(await db.deliveries.toArray()).toEqual(await fresh.deliveries.toArray());
    expect((await engine.report(flow.id)).broken).toBe(0);
    for (const d of [db, fresh]) {
      d.close();
      await d.delete();
    }
  });
});
