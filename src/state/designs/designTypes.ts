import type { FlowDocument } from '../../core';
import type { DesignsPersistence, StorageUsage } from '../../persistence/designs';

export type { DesignSummary, DamagedDesignSummary, DesignListEntry } from '../../persistence/designs';

/**
 * The open design cannot be saved as it is, and the user chooses:
 * - `changed`: another tab saved a newer version while this tab had unsaved edits;
 * - `deleted`: another tab deleted the design while this tab had unsaved edits.
 */
export interface DesignConflict {
  kind: 'changed' | 'deleted';
  designName: string;
}

/**
 * Unsaved edits found in the journal of a tab that is gone, which could not simply be saved:
 * the design changed since (`changed`), was deleted (`deleted`), or its stored row is damaged (`damaged`).
 */
export interface RecoveredEdits {
  designId: string;
  tabId: string;
  name: string;
  /** When the last of these edits was made (epoch ms). */
  at: number;
  reason: 'changed' | 'deleted' | 'damaged';
  doc: FlowDocument;
}

/**
 * The designs database cannot be used, and the app shows the recovery screen:
 * - `deleted` / `closed`: it went away under the page;
 * - `replaced`: another tab opened it with a newer version of the app;
 * - `upgrade`: it could not be opened at this version (written by another version, or its upgrade failed);
 * - `unavailable`: this browser does not let the page use IndexedDB;
 * - `other`: opening failed for another reason.
 */
export interface StorageFault {
  kind: 'deleted' | 'closed' | 'replaced' | 'upgrade' | 'unavailable' | 'other';
  /** The error's own words. */
  detail: string;
}

/** What the designs slice needs from the outside world; tests pass their own. */
export interface DesignsDeps {
  /** The designs persistence, created on first use (no database is opened at import time). */
  persistence: () => DesignsPersistence;
  /** Deletes a design's run (the simulation keeps one per design). */
  deleteRun(designId: string): Promise<void>;
  /** The built-in example, opened on a first visit. */
  fetchExample(): Promise<FlowDocument>;
  /** The origin's storage usage and quota, when known. */
  estimateStorage(): Promise<StorageUsage | undefined>;
  now(): number;
  autosaveDelayMs?: number;
}
