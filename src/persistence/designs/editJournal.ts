import { restoreFlowDocument } from '../../core';
import type { DesignsDb, JournalRecord } from './designsDb';
import type { Table } from './idb';
import { checkJournalMoves, isMovesRow, movesKey, movesRow, withMoves, type JournalMoves } from './journalMoves';

/** The unsaved edits of one design in one tab, as journalled (the journal row's own shape). */
export type JournalEntry = JournalRecord;

/**
 * The per-design, per-tab journal of unsaved edits. Two stores, because neither survives
 * everything on its own (measured in Chromium 156):
 * - IndexedDB (`journal` table): written with every edit, in the same task; a committed
 *   transaction survives a killed browser process. It commits within a few milliseconds.
 * - localStorage: synchronous, written when the page is hidden or closed (IndexedDB writes started
 *   while a page unloads may never finish) and when IndexedDB refuses (a full disk: localStorage
 *   has its own quota). Chromium commits it to disk up to seconds later, so it does not survive a
 *   killed browser: that is what the IndexedDB row is for.
 * Entries are cleared by the save that stores them (designRepository.saveDesign), or by a user's
 * explicit choice in a conflict.
 */
export interface EditJournal {
  /** Starts writing the entry to IndexedDB now; resolves when stored, rejects when refused. */
  record(entry: JournalEntry): Promise<void>;
  /** Starts writing a drag's moves (applied on top of the entry whose seq is `baseSeq`, see journalMoves.ts). */
  recordMoves(moves: JournalMoves): Promise<void>;
  /** Writes the entry to localStorage synchronously; false when storage refused it. */
  backup(entry: JournalEntry): boolean;
  /** Drops the localStorage copy of a tab's entry if it is not newer than `upToSeq`. */
  dropBackup(designId: string, tabId: string, upToSeq: number): void;
  /** Every entry (newest per design and tab, from both stores), each checked; unreadable ones are skipped. */
  readAll(): Promise<JournalEntry[]>;
  /** Forgets a tab's entry of a design in both stores (a user chose, or its edits were saved as a copy). */
  discard(designId: string, tabId: string): Promise<void>;
}

const BACKUP_PREFIX = 'efd-journal:';
/** The single journal key of the first version (one document for every design and tab). */
export const LEGACY_JOURNAL_KEY = 'efd-unsaved-design';
/** The tab id given to the first version's journal entry. */
export const LEGACY_TAB_ID = 'legacy';

function localStore(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** A key that holds any design id and tab id, whatever characters they contain. */
function backupKey(designId: string, tabId: string): string {
  return `${BACKUP_PREFIX}${JSON.stringify([designId, tabId])}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Checks one journal row read from either store; undefined when it cannot be used. */
export function checkJournalEntry(row: unknown): JournalEntry | undefined {
  if (!isObject(row)) return undefined;
  const { designId, tabId, baseRevision, seq, at } = row;
  if (typeof designId !== 'string' || typeof tabId !== 'string' || !isCount(baseRevision) || !isCount(seq)) return undefined;
  const restored = restoreFlowDocument(row.doc);
  if (!restored.ok) return undefined;
  const doc = restored.doc.id === designId ? restored.doc : { ...restored.doc, id: designId };
  return { designId, tabId, baseRevision, seq, at: typeof at === 'number' && Number.isFinite(at) ? at : 0, doc };
}

function readBackups(storage: Storage): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key === null || (!key.startsWith(BACKUP_PREFIX) && key !== LEGACY_JOURNAL_KEY)) continue;
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? 'null');
      const entry = key === LEGACY_JOURNAL_KEY ? legacyEntry(parsed) : checkJournalEntry(parsed);
      if (entry) entries.push(entry);
    } catch {
      // An unreadable backup is skipped; the IndexedDB row of the same edits may still be there.
    }
  }
  return entries;
}

/** The first version kept one unsaved document; it is replayed like a closed tab's journal. */
function legacyEntry(doc: unknown): JournalEntry | undefined {
  const restored = restoreFlowDocument(doc);
  if (!restored.ok) return undefined;
  return { designId: restored.doc.id, tabId: LEGACY_TAB_ID, baseRevision: 0, seq: 1, at: 0, doc: restored.doc };
}

/** The newest entry per design and tab. */
function newestPerTab(entries: readonly JournalEntry[]): JournalEntry[] {
  const newest = new Map<string, JournalEntry>();
  for (const entry of entries) {
    const key = JSON.stringify([entry.designId, entry.tabId]);
    const known = newest.get(key);
    if (!known || entry.seq > known.seq) newest.set(key, entry);
  }
  return [...newest.values()];
}

/** The journal over a designs database and this page's localStorage. */
export function createEditJournal(db: DesignsDb, storage: Storage | undefined = localStore()): EditJournal {
  return {
    record(entry) {
      return db.journal.put({ ...entry }).then(() => undefined);
    },

    recordMoves(moves) {
      // The journal table holds both kinds of row; a moves row's tab id says which it is.
      return (db.journal as unknown as Table<JournalMoves>).put(movesRow(moves));
    },

    backup(entry) {
      if (!storage) return false;
      try {
        storage.setItem(backupKey(entry.designId, entry.tabId), JSON.stringify(entry));
        return true;
      } catch {
        return false;
      }
    },

    dropBackup(designId, tabId, upToSeq) {
      if (!storage) return;
      const key = backupKey(designId, tabId);
      try {
        const stored = checkJournalEntry(JSON.parse(storage.getItem(key) ?? 'null'));
        if (!stored || stored.seq <= upToSeq) storage.removeItem(key);
        if (tabId === LEGACY_TAB_ID) storage.removeItem(LEGACY_JOURNAL_KEY);
      } catch {
        storage.removeItem(key);
      }
    },

    async readAll() {
      // The localStorage copies count even when the database cannot be read (it was deleted, say).
      let rows: unknown[] = [];
      let failure: unknown;
      try {
        rows = await db.journal.toArray();
      } catch (error) {
        failure = error;
      }
      const backups = storage ? readBackups(storage) : [];
      if (failure !== undefined && backups.length === 0) throw failure;
      const fromDb = rows.filter((row) => !isMovesRow(row)).map(checkJournalEntry).filter((e): e is JournalEntry => e !== undefined);
      const moves = rows.map(checkJournalMoves).filter((m): m is JournalMoves => m !== undefined);
      return newestPerTab([...fromDb, ...backups]).map((entry) => withMoves(entry, moves));
    },

    async discard(designId, tabId) {
      try {
        storage?.removeItem(backupKey(designId, tabId));
        if (tabId === LEGACY_TAB_ID) storage?.removeItem(LEGACY_JOURNAL_KEY);
      } catch {
        // localStorage may be unavailable; the IndexedDB row is the one that matters below.
      }
      await db.journal.delete([designId, tabId]);
      await db.journal.delete(movesKey(designId, tabId));
    },
  };
}
