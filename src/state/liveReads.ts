import type { RunSnapshot } from '../core';
import type { DamagedDesignSummary, DesignListEntry, DesignSummary } from '../persistence/designs';
import { readRunSnapshot, runExists, useLiveRead } from '../persistence/reads';
import { simulationDb } from '../persistence/simulation';
import { useAppStore } from './store';

export type { DamagedDesignSummary, DesignListEntry, DesignSummary };

/**
 * What features read from IndexedDB outside the store, live: they call these instead of reaching
 * into src/persistence. Each hook re-renders when the rows it read change.
 */

/** Every saved design, most recent first, damaged ones listed as damaged; undefined while loading. */
export function useSavedDesigns(): DesignListEntry[] | undefined {
  const listDesigns = useAppStore((s) => s.listDesigns);
  // A database that cannot be read lists nothing here; the recovery screen says why.
  return useLiveRead(() => listDesigns().catch((): DesignListEntry[] => []), [listDesigns]);
}

/** True when the design has a run (false while loading or without a design). */
export function useHasRun(designId: string | undefined): boolean {
  return useLiveRead(async () => (designId ? runExists(simulationDb(), designId) : false), [designId], false);
}

/** Every row of the design's run that the exports need, in one read; undefined when it has no run. */
export function readRunSnapshotOf(designId: string): Promise<RunSnapshot | undefined> {
  return readRunSnapshot(simulationDb(), designId);
}
