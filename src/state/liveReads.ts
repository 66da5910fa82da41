import type { FlowDocument, RunSnapshot } from '../core';
import { designRepository, type DesignSummary } from '../persistence/designs';
import { readRunSnapshot, runExists, useLiveRead } from '../persistence/reads';
import { simulationDb } from '../persistence/simulation';

export type { DesignSummary };

/**
 * What features read from IndexedDB outside the store, live: they call these instead of reaching
 * into src/persistence. Each hook re-renders when the rows it read change.
 */

/** Every saved design, most recent first; undefined while loading. */
export function useSavedDesigns(): DesignSummary[] | undefined {
  return useLiveRead(() => designRepository.listDesigns(), []);
}

/** True when the design has a run (false while loading or without a design). */
export function useHasRun(designId: string | undefined): boolean {
  return useLiveRead(async () => (designId ? runExists(simulationDb(), designId) : false), [designId], false);
}

/** Every row of the design's run that the exports need, in one read; undefined when it has no run. */
export function readRunSnapshotOf(designId: string): Promise<RunSnapshot | undefined> {
  return readRunSnapshot(simulationDb(), designId);
}

/** A saved design's document (restored), e.g. to compare contracts with; undefined when gone. */
export function loadSavedDesign(designId: string): Promise<FlowDocument | undefined> {
  return designRepository.loadDesign(designId);
}
