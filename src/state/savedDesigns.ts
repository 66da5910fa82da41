import { useEffect, useState } from 'react';
import type { FlowDocument } from '../core';
import type { DamagedDesignSummary, DesignListEntry, DesignSummary } from '../persistence/designs';
import { useAppStore } from './store';

export type { DamagedDesignSummary, DesignListEntry, DesignSummary };

/**
 * Every saved design, most recent first, damaged ones listed as damaged; undefined while loading.
 * Live: read again after each change of the saved designs, this tab's or another tab's (the designs
 * database is plain IndexedDB, so the store says when it changed). Reads never overlap: a change
 * during a read reads once more after it.
 */
export function useSavedDesigns(): DesignListEntry[] | undefined {
  const listDesigns = useAppStore((s) => s.listDesigns);
  const subscribeDesigns = useAppStore((s) => s.subscribeDesigns);
  const [designs, setDesigns] = useState<DesignListEntry[]>();
  useEffect(() => {
    let alive = true;
    let reading = false;
    let again = false;
    const read = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      do {
        again = false;
        // A database that cannot be read lists nothing here; the recovery screen says why.
        const list = await listDesigns().catch((): DesignListEntry[] => []);
        if (alive) setDesigns(list);
      } while (again && alive);
      reading = false;
    };
    void read();
    const unsubscribe = subscribeDesigns(() => void read());
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [listDesigns, subscribeDesigns]);
  return designs;
}

/** A saved design's document (restored), e.g. to compare contracts with; undefined when gone or damaged. */
export function loadSavedDesign(designId: string): Promise<FlowDocument | undefined> {
  return useAppStore.getState().loadDesignDocument(designId);
}
