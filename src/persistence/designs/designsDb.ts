import Dexie, { type EntityTable } from 'dexie';
import type { FlowDocument } from '../../core';

/** One saved design: the flow document plus what the designs list shows. */
export interface DesignRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  document: FlowDocument;
}

/** Small key/value settings of the editor, e.g. which design was open last. */
export interface SettingRecord {
  key: string;
  value: string;
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

  constructor(name: string = DESIGNS_DB_NAME) {
    super(name);
    this.version(1).stores({
      designs: 'id, updatedAt, name',
      settings: 'key',
    });
  }
}
