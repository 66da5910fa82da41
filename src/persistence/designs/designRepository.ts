import type { FlowDocument } from '../../core';
import { checkDesignRecord, revisionOf, type DamagedDesign, type HealthyDesign } from './checkDesignRecord';
import type { DesignsDb } from './designsDb';
import type { Key } from './idb';
import { movesKey } from './journalMoves';

/** What the designs list shows about a healthy design, without its document. */
export interface DesignSummary {
  status: 'ok';
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  revision: number;
  nodeCount: number;
}

/** A row of the designs list that cannot be opened: shown as damaged, with download and delete. */
export interface DamagedDesignSummary {
  status: 'damaged';
  id: string;
  name: string;
  updatedAt: number | undefined;
  problem: string;
}

export type DesignListEntry = DesignSummary | DamagedDesignSummary;

/** What reading one design found. */
export type LoadResult =
  | { status: 'ok'; design: HealthyDesign }
  | { status: 'damaged'; design: DamagedDesign }
  | { status: 'missing' }
  | { status: 'deleted' };

/** What a compare-and-set save did. */
export type SaveOutcome =
  | { status: 'saved'; revision: number }
  /** Another tab saved first: the stored revision is `revision`, nothing was written. */
  | { status: 'conflict'; revision: number }
  /** The design was deleted (a tombstone is there): nothing was written. */
  | { status: 'deleted' };

/** A save's compare-and-set condition and the journal row it clears. */
export interface SaveOptions {
  /** The revision the document was based on; 0 creates a design that must not exist yet. */
  baseRevision: number;
  /**
   * The saving tab and its edit counter: recorded as `savedBy`, and the tab's journal row of the
   * design (of `designId` when given: a copy clears the original's row) is deleted in the same
   * transaction unless a later edit was journalled.
   */
  journal?: { tabId: string; seq: number; designId?: string };
}

/** Saving, listing and loading designs. Returns domain types; IndexedDB stays inside. */
export interface DesignRepository {
  /** Every design, most recently changed first; damaged rows are listed as damaged, never thrown. */
  listDesigns(): Promise<DesignListEntry[]>;
  /** One design, checked. */
  loadDesign(id: string): Promise<LoadResult>;
  /** The stored row exactly as it is (for "download raw JSON" of a damaged design). */
  readRawDesign(id: string): Promise<unknown>;
  /** Compare-and-set: writes `doc` as revision `baseRevision + 1` only if the stored one is `baseRevision`. */
  saveDesign(doc: FlowDocument, options: SaveOptions): Promise<SaveOutcome>;
  /** Renames a design (its document's name too) at whatever revision it is. */
  renameDesign(id: string, name: string): Promise<SaveOutcome>;
  /** Deletes a design and leaves a tombstone; `tabId`'s journal row of it goes too. */
  deleteDesign(id: string, tabId?: string): Promise<void>;
  countDesigns(): Promise<number>;
  /** The id of the design that was open last, if any. */
  getLastOpenedId(): Promise<string | undefined>;
  /** Remembers the open design; a convenience, so callers may ignore its failure (full disk). */
  setLastOpenedId(id: string): Promise<void>;
}

const LAST_OPENED = 'lastOpenedDesignId';

function nodeCount(doc: FlowDocument): number {
  return doc.eventTypes.length + doc.producers.length + doc.consumers.length + doc.projections.length;
}

function toEntry(key: string, row: unknown): DesignListEntry {
  const checked = checkDesignRecord(key, row);
  if (!checked.ok) return { status: 'damaged', id: checked.id, name: checked.name, updatedAt: checked.updatedAt, problem: checked.problem };
  return {
    status: 'ok', id: checked.id, name: checked.name, createdAt: checked.createdAt, updatedAt: checked.updatedAt,
    revision: checked.revision, nodeCount: nodeCount(checked.doc),
  };
}

const keyText = (key: unknown) => (typeof key === 'string' ? key : JSON.stringify(key) ?? String(key));

/** A repository over a designs database; `now` gives the time stamps (injectable for tests). */
export function createDesignRepository(db: DesignsDb, now: () => number = () => Date.now()): DesignRepository {
  // Rows are read as `unknown`: whatever is stored goes through checkDesignRecord first.
  /** The stored key of a design id: the id itself, or a non-text key that reads the same (damaged rows). */
  async function storedKey(id: string): Promise<Key> {
    if ((await db.designs.get(id)) !== undefined) return id;
    const keys = await db.designs.primaryKeys();
    return keys.find((k) => keyText(k) === id) ?? id;
  }

  return {
    async listDesigns() {
      const [keys, values] = await db.transaction('r', ['designs'], (tx) => Promise.all([
        tx.designs.primaryKeys(), tx.designs.toArray() as Promise<unknown[]>,
      ]));
      const entries = values.map((row, i) => toEntry(keyText(keys[i]), row));
      return entries.sort((a, b) => (b.updatedAt ?? -Infinity) - (a.updatedAt ?? -Infinity));
    },

    async loadDesign(id) {
      const [row, tombstone] = await db.transaction('r', ['designs', 'tombstones'], (tx) => Promise.all([
        tx.designs.get(id) as Promise<unknown>, tx.tombstones.get(id),
      ]));
      if (row === undefined) return tombstone ? { status: 'deleted' } : { status: 'missing' };
      const design = checkDesignRecord(id, row);
      return design.ok ? { status: 'ok', design } : { status: 'damaged', design };
    },

    async readRawDesign(id) {
      return db.designs.get(await storedKey(id)) as Promise<unknown>;
    },

    async saveDesign(doc, { baseRevision, journal }) {
      return db.transaction('rw', ['designs', 'tombstones', 'journal'], async (tx): Promise<SaveOutcome> => {
        if (await tx.tombstones.get(doc.id)) return { status: 'deleted' };
        const existing: unknown = await tx.designs.get(doc.id);
        if (existing === undefined && baseRevision > 0) return { status: 'deleted' };
        const current = existing === undefined ? 0 : revisionOf(existing);
        if (current !== baseRevision) return { status: 'conflict', revision: current };
        const at = now();
        const createdAt = checkCreatedAt(existing) ?? at;
        const revision = current + 1;
        const savedBy = journal ? { tabId: journal.tabId, seq: journal.seq } : undefined;
        await tx.designs.put({ id: doc.id, name: doc.name, createdAt, updatedAt: at, revision, savedBy, document: doc });
        if (journal) {
          const key: [string, string] = [journal.designId ?? doc.id, journal.tabId];
          const row: unknown = await tx.journal.get(key);
          const seq = typeof row === 'object' && row !== null ? (row as { seq?: unknown }).seq : undefined;
          if (row !== undefined && !(typeof seq === 'number' && seq > journal.seq)) await tx.journal.delete(key);
          // A drag's moves row of the tab goes with it, unless a later position was journalled.
          const moves = movesKey(key[0], key[1]);
          const movesRow: unknown = await tx.journal.get(moves);
          const movesSeq: unknown = movesRow && typeof movesRow === 'object' ? Reflect.get(movesRow, 'seq') : undefined;
          if (movesRow !== undefined && !(typeof movesSeq === 'number' && movesSeq > journal.seq)) await tx.journal.delete(moves);
        }
        return { status: 'saved', revision };
      });
    },

    async renameDesign(id, name) {
      return db.transaction('rw', ['designs', 'tombstones'], async (tx): Promise<SaveOutcome> => {
        if (await tx.tombstones.get(id)) return { status: 'deleted' };
        const existing: unknown = await tx.designs.get(id);
        const checked = checkDesignRecord(id, existing);
        if (existing === undefined || !checked.ok) return { status: 'deleted' };
        const revision = checked.revision + 1;
        await tx.designs.put({
          id, name, createdAt: checked.createdAt, updatedAt: now(), revision, document: { ...checked.doc, name },
        });
        return { status: 'saved', revision };
      });
    },

    async deleteDesign(id, tabId) {
      const key = await storedKey(id);
      await db.transaction('rw', ['designs', 'tombstones', 'journal'], async (tx) => {
        const existing: unknown = await tx.designs.get(key);
        const name = existing !== undefined ? checkDesignRecord(id, existing).name : id;
        await tx.designs.delete(key);
        await tx.tombstones.put({ id, name, deletedAt: now() });
        if (tabId !== undefined) await tx.journal.delete([id, tabId]);
      });
    },

    countDesigns() {
      return db.designs.count();
    },

    async getLastOpenedId() {
      const row: unknown = await db.settings.get(LAST_OPENED);
      const value = typeof row === 'object' && row !== null ? (row as { value?: unknown }).value : undefined;
      return typeof value === 'string' && value !== '' ? value : undefined;
    },

    async setLastOpenedId(id) {
      await db.settings.put({ key: LAST_OPENED, value: id });
    },
  };
}

function checkCreatedAt(row: unknown): number | undefined {
  const value = typeof row === 'object' && row !== null ? (row as { createdAt?: unknown }).createdAt : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
