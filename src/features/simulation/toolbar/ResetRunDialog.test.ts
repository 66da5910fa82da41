import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulationEngine, type FlowDocument } from '../../../core';
import { SimulationDb, createDexieSimulationStore } from '../../../persistence/simulation';
import { resetLosses } from './ResetRunDialog';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;

describe('what a reset loses', () => {
  it('given a fresh run, then nothing; given a run to quiet, then its commands, events, rows and trace, counted', async () => {
    const db = new SimulationDb('reset-losses');
    const engine = createSimulationEngine(createDexieSimulationStore(db));
    const fresh = await engine.startRun(example);
    expect(resetLosses(fresh)).toEqual([]);
    await engine.fireMany(example.id, { count: 3 });
    const { run } = await engine.runUntilQuiet(example.id);
    const rows = (await db.projectionRows.toArray()).length;
    expect(resetLosses(run)).toEqual([
      '3 fired commands',
      `${(await db.events.count()).toLocaleString('en')} events in the event store`,
      `${rows} projection rows`,
      `${(await db.handlings.count()).toLocaleString('en')} logged handlings`,
      `the trace of ${(await db.trace.count()).toLocaleString('en')} steps`,
    ]);
    db.close();
  });
});
