import Dexie from 'dexie';
import type { RunSnapshot } from '../../core';
import type { SimulationDb } from '../../persistence/simulation';

/** Every row (keys `[runId]` up to `[runId, []]`: arrays sort after every other key)  of one run that the trace and fixture exports need, read in one read transaction; undefined when no run exists. */
export async function readRunSnapshot(db: SimulationDb, runId: string): Promise<RunSnapshot | undefined> {
  const range = <T>(table: Dexie.Table<T, unknown>, index: string) =>
    table.where(index).between([runId], [runId, []]).toArray();
  return db.transaction('r', [db.runs, db.commands, db.events, db.projectionRows, db.trace, db.anomalies], async () => {
    const run = await db.runs.get(runId);
    if (!run) return undefined;
    const [commands, events, trace, anomalies] = await Promise.all([
      range(db.commands as Dexie.Table<RunSnapshot['commands'][number], unknown>, '[runId+seq]'),
      range(db.events as Dexie.Table<RunSnapshot['events'][number], unknown>, '[runId+position]'),
      range(db.trace as Dexie.Table<RunSnapshot['trace'][number], unknown>, '[runId+step]'),
      range(db.anomalies as Dexie.Table<RunSnapshot['anomalies'][number], unknown>, '[runId+seq]'),
    ]);
    const projectionRows = await range(db.projectionRows as Dexie.Table<RunSnapshot['projectionRows'][number], unknown>, '[runId+projectionId+key]');
    return { run, commands, events, projectionRows, trace, anomalies };
  });
}
