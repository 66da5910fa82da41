/**
 * The simulation database's upgrades keep the runs of older versions readable: a run written by an
 * app of version 3 (no lock table) or 4 (the design snapshot inside the run row) opens, reads back
 * as it was, and the engine continues it.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createMemorySimulationStore, createSimulationEngine, SIMULATION_SCHEMA } from '../../core';
import { pipelineFlow } from '../../core/engine/testing/smallFlows';
import { createDexieSimulationStore } from './dexieSimulationStore';
import { readRunRow } from './readRunRow';
import { createSimulationDb } from './simulationDb';
import { watchWrites } from './testEngine';

/** A run of the pipeline flow with one command fired, as the rows an older app would have stored. */
async function runWithOneCommand() {
  const memory = createMemorySimulationStore();
  const before = createSimulationEngine(memory);
  const flow = pipelineFlow();
  await before.startRun(flow, { seed: 4 });
  await before.fire(flow.id, { producerId: 'shop', commandId: 'create', payload: { itemId: 'i-1', owner: 'ann', state: 'a' } });
  const rows = await memory.transaction('r', ['runs', 'commands'], async (tx) => ({
    run: await tx.get('runs', flow.id), commands: await tx.query('commands', ':id', { prefix: [flow.id] }),
  }));
  return { flow, rows };
}

describe('simulation database upgrades (version 4: lock table; version 5: design snapshots apart)', () => {
  it('given a run stored by version 3, when the app of version 5 opens the database, then the run reads back unchanged and runs on', async () => {
    const name = 'efd-simulation-upgrade-test';
    const { flow, rows } = await runWithOneCommand();

    const { locks: _locks, cacheEntries: _cache, ...v3 } = SIMULATION_SCHEMA;
    const old = new Dexie(name);
    old.version(3).stores(v3);
    await old.table('runs').put(rows.run);
    await old.table('commands').bulkPut(rows.commands);
    old.close();

    const db = createSimulationDb(name);
    try {
      expect(await readRunRow(db, flow.id)).toEqual(rows.run);
      expect(db.verno).toBe(5);
      expect(await db.locks.count()).toBe(0);
      const engine = createSimulationEngine(createDexieSimulationStore(db));
      const result = await engine.runUntilQuiet(flow.id);
      expect(result.quiet).toBe(true);
      expect((await engine.report(flow.id)).ok).toBe(true);
    } finally {
      db.close();
      await db.delete();
    }
  });
});

describe('design snapshots apart from the run row (version 5)', () => {
  it('given a run stored by version 4 (snapshot inside the run row), when version 5 opens it, then the snapshot is its own row, the run reads back unchanged and runs on', async () => {
    const name = 'efd-simulation-upgrade-v5-test';
    const { flow, rows } = await runWithOneCommand();
    const old = new Dexie(name);
    old.version(4).stores(SIMULATION_SCHEMA);
    await old.table('runs').put(rows.run);
    await old.table('commands').bulkPut(rows.commands);
    old.close();

    const db = createSimulationDb(name);
    try {
      expect(await readRunRow(db, flow.id)).toEqual(rows.run);
      const stored = await db.runs.get(flow.id);
      expect(Object.keys(stored ?? {})).not.toContain('flow');
      expect(await db.runDesigns.get(flow.id)).toEqual({ runId: flow.id, key: stored?.designKey, flow: rows.run?.flow });
      const engine = createSimulationEngine(createDexieSimulationStore(db));
      expect((await engine.runUntilQuiet(flow.id)).quiet).toBe(true);
      expect((await engine.report(flow.id)).ok).toBe(true);
    } finally {
      db.close();
      await db.delete();
    }
  });

  it('given a run, then steps, fires, batches and new settings keep its one snapshot row (never rewritten), and a reset with a newer design or a new seed writes a new one', async () => {
    const db = createSimulationDb('efd-simulation-design-apart-test');
    const writes = watchWrites(['runDesigns']);
    // The snapshot rows written (a reset also deletes the run's earlier one, if any).
    const puts = () => writes.seen.filter((w) => w.method !== 'delete').map((w) => (w.value as { key?: string } | undefined)?.key ?? w.method);
    try {
      const engine = createSimulationEngine(createDexieSimulationStore(db));
      const flow = pipelineFlow();
      await engine.startRun(flow, { seed: 4 });
      const key = (await db.runs.get(flow.id))?.designKey;
      expect(puts()).toEqual([key]);
      await engine.fireMany(flow.id, { count: 5 });
      await engine.step(flow.id);
      await engine.step(flow.id);
      await engine.runSteps(flow.id, 40, { stepsPerTransaction: 7 });
      await engine.updateSettings(flow.id, { faults: { duplicateDelivery: 0.5 } });
      await engine.step(flow.id);
      // A second engine (another tab) reads the snapshot once and steps without writing it.
      const other = createSimulationEngine(createDexieSimulationStore(db));
      await other.step(flow.id);
      await engine.step(flow.id);
      expect(puts()).toEqual([key]);
      expect((await db.runs.get(flow.id))?.designKey).toBe(key);
      expect((await engine.getRun(flow.id))?.flow).toEqual(flow);

      const newer = { ...flow, name: 'pipeline, renamed' };
      await engine.startRun(newer, { seed: 4 });
      await engine.updateSettings(flow.id, { seed: 9 });
      expect(puts()).toHaveLength(3);
      expect((await engine.getRun(flow.id))?.flow).toEqual(newer);
      expect((await other.getRun(flow.id))?.flow).toEqual(newer);
      await engine.deleteRun(flow.id);
      expect(await db.runDesigns.count()).toBe(0);
    } finally {
      writes.stop();
      db.close();
      await db.delete();
    }
  });
});
