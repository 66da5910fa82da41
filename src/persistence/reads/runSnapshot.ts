import type { Table } from 'dexie';
import type { RunSnapshot } from '../../core';
import { readRunRow, type SimulationDb } from '../simulation';
import { wherePrefix } from './prefixRange';

/**
 * Every row of one run that the trace and fixture exports need, read in one read transaction
 * (so the tables agree with each other); undefined when the design has no run.
 */
export async function readRunSnapshot(db: SimulationDb, runId: string): Promise<RunSnapshot | undefined> {
  const all = <T>(table: Table<T, unknown>, index: string) => wherePrefix(table, index, [runId]).toArray();
  return db.transaction('r', [db.runs, db.runDesigns, db.commands, db.events, db.projectionRows, db.trace, db.anomalies], async () => {
    const run = await readRunRow(db, runId);
    if (!run) return undefined;
    const [commands, events, trace, anomalies, projectionRows] = await Promise.all([
      all(db.commands as Table<RunSnapshot['commands'][number], unknown>, '[runId+seq]'),
      all(db.events as Table<RunSnapshot['events'][number], unknown>, '[runId+position]'),
      all(db.trace as Table<RunSnapshot['trace'][number], unknown>, '[runId+step]'),
      all(db.anomalies as Table<RunSnapshot['anomalies'][number], unknown>, '[runId+seq]'),
      all(db.projectionRows as Table<RunSnapshot['projectionRows'][number], unknown>, '[runId+projectionId+key]'),
    ]);
    return { run, commands, events, projectionRows, trace, anomalies };
  });
}

/** True when the design has a run in the simulation database. */
export async function runExists(db: SimulationDb, runId: string): Promise<boolean> {
  return (await db.runs.get(runId)) !== undefined;
}
