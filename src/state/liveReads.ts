import type { RunSnapshot } from '../core';

/**
 * What features read from IndexedDB outside the store: they call these instead of reaching into
 * src/persistence. The run database and its readers load on first use (never on the first visit).
 */

const runReads = async () => {
  const [{ simulationDb }, { readRunSnapshot, runExists }] = await Promise.all([
    import('../persistence/simulation/simulationDb'),
    import('../persistence/reads/runSnapshot'),
  ]);
  return { db: simulationDb(), readRunSnapshot, runExists };
};

/** Whether the design has a run (opens the run database on first use). */
export async function designHasRun(designId: string): Promise<boolean> {
  const { db, runExists } = await runReads();
  return runExists(db, designId);
}

/** Every row of the design's run that the exports need, in one read; undefined when it has no run. */
export async function readRunSnapshotOf(designId: string): Promise<RunSnapshot | undefined> {
  const { db, readRunSnapshot } = await runReads();
  return readRunSnapshot(db, designId);
}
