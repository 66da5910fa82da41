import type { RunRecord } from '../../core';
import { joinRunRow, namesDesign } from './runDesigns';
import type { SimulationDb } from './simulationDb';

/**
 * A run row with its design snapshot joined (see runDesigns.ts), read in one transaction: what a
 * reader outside the engine gets (run mode's first check, exports). Unchecked: `checkRunRecord`
 * tells a damaged one (a missing snapshot reads as a run without `flow`).
 */
export function readRunRow(db: SimulationDb, runId: string): Promise<RunRecord | undefined> {
  return db.transaction('r', [db.runs, db.runDesigns], async () => {
    const row = await db.runs.get(runId);
    if (!row) return undefined;
    return joinRunRow(row, namesDesign(row) ? await db.runDesigns.get(runId) : undefined);
  });
}
