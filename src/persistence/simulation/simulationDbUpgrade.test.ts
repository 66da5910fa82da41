/**
 * The simulation database's version 4 (issue 13: the lock table) keeps the runs of version 3
 * readable: a run written by an app of version 3 opens, and the engine continues it.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createMemorySimulationStore, createSimulationEngine, SIMULATION_SCHEMA } from '../../core';
import { pipelineFlow } from '../../core/engine/testing/smallFlows';
import { createDexieSimulationStore } from './dexieSimulationStore';
import { createSimulationDb } from './simulationDb';

describe('simulation database upgrade to version 4 (lock table)', () => {
  it('given a run stored by version 3, when the app of version 4 opens the database, then the run reads back unchanged and runs on', async () => {
    const name = 'efd-simulation-upgrade-test';
    const memory = createMemorySimulationStore();
    const before = createSimulationEngine(memory);
    const flow = pipelineFlow();
    await before.startRun(flow, { seed: 4 });
    await before.fire(flow.id, { producerId: 'shop', commandId: 'create', payload: { itemId: 'i-1', owner: 'ann', state: 'a' } });
    const rows = await memory.transaction('r', ['runs', 'commands'], async (tx) => ({
      run: await tx.get('runs', flow.id), commands: await tx.query('commands', ':id', { prefix: [flow.id] }),
    }));

    const { locks: _locks, cacheEntries: _cache, ...v3 } = SIMULATION_SCHEMA;
    const old = new Dexie(name);
    old.version(3).stores(v3);
    await old.table('runs').put(rows.run);
    await old.table('commands').bulkPut(rows.commands);
    old.close();

    const db = createSimulationDb(name);
    try {
      expect(await db.runs.get(flow.id)).toEqual(rows.run);
      expect(db.verno).toBe(4);
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
