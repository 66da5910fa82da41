import type { FlowDocument } from '../core';
import { designRepository, type DesignSummary } from '../persistence/designs';
import { useLiveRead } from '../persistence/reads/live';

export type { DesignSummary };

/**
 * Every saved design, most recent first; undefined while loading. Live. Apart from liveReads.ts so
 * that the live-query hook loads with the designs list, not on the first visit.
 */
export function useSavedDesigns(): DesignSummary[] | undefined {
  return useLiveRead(() => designRepository.listDesigns(), []);
}

/** A saved design's document (restored), e.g. to compare contracts with; undefined when gone. */
export function loadSavedDesign(designId: string): Promise<FlowDocument | undefined> {
  return designRepository.loadDesign(designId);
}
