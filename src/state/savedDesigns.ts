import type { DamagedDesignSummary, DesignListEntry, DesignSummary } from '../persistence/designs';
import { useLiveRead } from '../persistence/reads/live';
import { useAppStore } from './store';

export type { DamagedDesignSummary, DesignListEntry, DesignSummary };

/**
 * Every saved design, most recent first, damaged ones listed as damaged; undefined while loading.
 * Live. Apart from liveReads.ts so that the live-query hook loads with the designs list, not on the
 * first visit.
 */
export function useSavedDesigns(): DesignListEntry[] | undefined {
  const listDesigns = useAppStore((s) => s.listDesigns);
  // A database that cannot be read lists nothing here; the recovery screen says why.
  return useLiveRead(() => listDesigns().catch((): DesignListEntry[] => []), [listDesigns]);
}
