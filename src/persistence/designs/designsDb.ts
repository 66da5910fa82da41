import Dexie, { type EntityTable, type Table } from 'dexie';
import type { FlowDocument } from '../../core';

/**
 * One saved design: the flow document plus what the designs list shows. Rows are read back as
 * `unknown` and checked (checkDesignRecord.ts): anything may be in a database a user kept for weeks.
 */
export interface DesignRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /**
   * Bumped by every save; a save names the revision it was based on and is refused when the
   * stored one moved on (another tab saved first). Rows written before version 2 have none (= 0).
   */
  revision: number;
  /**
   * The tab (page load) and its edit counter that wrote this revision: a journal row of that tab
   * with a later counter already contains this revision and may be saved over it.
   */
  savedBy?: { tabId: string; seq: number };
  document: FlowDocument;
}

/** Small key/value settings of the editor, e.g. which design was open last. */
export interface SettingRecord {
  key: string;
  value: string;
}

/** Left behind by a delete, so a tab that still has the design open cannot save it back to life. */
export interface TombstoneRecord {
  id: string;
  name: string;
  deletedAt: number;
}

/**
 * The unsaved edits of one design in one tab (page load): written with every edit, deleted by the
 * save that stores them. A row whose tab is gone is replayed on the next start.
 */
export interface JournalRecord {
  designId: string;
  tabId: string;
  /** The revision the edits were made on. */
  baseRevision: number;
  /** Edit counter of the tab; a save clears the row only if no later edit was journalled. */
  seq: number;
  at: number;
  doc: FlowDocument;
}

/** The name of the editor's own IndexedDB database (the simulation keeps its own). */
export const DESIGNS_DB_NAME = 'efd-designs';

/**
 * The designs database. Every `version(n)` stays here forever; a later change adds
 * `version(n + 1)` with an `.upgrade()` that moves the data.
 */
export class DesignsDb extends Dexie {
  designs!: EntityTable<DesignRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  tombstones!: EntityTable<TombstoneRecord, 'id'>;
  journal!: Table<JournalRecord, [string, string]>;

  constructor(name: string = DESIGNS_DB_NAME, options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(name, options);
    this.version(1).stores({
      designs: 'id, updatedAt, name',
      settings: 'key',
    });
    // Version 2: revisions (a missing one reads as 0, so no data moves), tombstones, the edit journal.
    this.version(2).stores({
      designs: 'id, updatedAt, name',
      settings: 'key',
      tombstones: 'id',
      journal: '[designId+tabId], tabId',
    });
  }
}
