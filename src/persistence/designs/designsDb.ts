import type { FlowDocument } from '../../core';
import { IdbDatabase, type Table } from './idb';

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

/** The rows of each store. */
export interface DesignsStores extends Record<string, unknown> {
  designs: DesignRecord;
  settings: SettingRecord;
  tombstones: TombstoneRecord;
  journal: JournalRecord;
}

/**
 * The database's version. Versions 10 and 20 were written by Dexie (its `version(1)` and
 * `version(2)`): 10 had designs and settings; 20 added tombstones and the journal. A later change
 * bumps the version and says here what its upgrade adds; the upgrade creates what is missing, so
 * every older database opens.
 */
export const DESIGNS_DB_VERSION = 20;

/**
 * The designs database, opened on first use. Revisions need no migration (a missing one reads as
 * 0); a design's primary key is its id; the journal's is [designId, tabId], with an index by tab.
 */
export class DesignsDb extends IdbDatabase<DesignsStores> {
  readonly designs: Table<DesignRecord>;
  readonly settings: Table<SettingRecord>;
  readonly tombstones: Table<TombstoneRecord>;
  readonly journal: Table<JournalRecord>;

  constructor(name: string = DESIGNS_DB_NAME, options?: { indexedDB?: IDBFactory }) {
    const factory = options?.indexedDB;
    super(name, DESIGNS_DB_VERSION, {
      designs: { keyPath: 'id', indexes: ['updatedAt', 'name'] },
      settings: { keyPath: 'key' },
      tombstones: { keyPath: 'id' },
      journal: { keyPath: ['designId', 'tabId'], indexes: ['tabId'] },
    }, factory ? () => factory : undefined);
    this.designs = this.table('designs');
    this.settings = this.table('settings');
    this.tombstones = this.table('tombstones');
    this.journal = this.table('journal');
  }
}
