import type { FlowDocument } from '../../core';
import { movedSince, type DesignsPersistence, type JournalEntry, type JournalMoves, type SaveOutcome } from '../../persistence/designs';

/** Debounce of autosave after the last edit. */
export const AUTOSAVE_DELAY_MS = 300;

/** What the session tells the store. */
export interface SessionEvents {
  /** Edits wait for the debounce, are being saved, or are all stored. */
  progress(state: 'pending' | 'saving' | 'saved'): void;
  /** A save was refused: another tab saved first, or the design was deleted. */
  refused(outcome: Exclude<SaveOutcome, { status: 'saved' }>): void;
  /** IndexedDB refused a write (a full disk, a lost database, …). */
  storageError(error: unknown): void;
}

export interface SessionOptions {
  persistence: () => DesignsPersistence;
  /** The document on screen now. */
  currentDoc(): FlowDocument | null;
  /** True while saving must not be tried (conflict, full disk, lost database). */
  savingBlocked(): boolean;
  events: SessionEvents;
  now: () => number;
  delayMs?: number;
}

/**
 * The open design's durability in this tab: every edit is journalled at once (per design, per tab),
 * then saved by compare-and-set after a debounce; a save names the revision it is based on, and the
 * journal row it stores is deleted in the same transaction. Pure shell logic, no React.
 */
export interface DesignSession {
  /** The open design's id, or null before the first is open. */
  readonly designId: string | null;
  /** The stored revision the open document is based on (0: not stored yet). */
  readonly revision: number;
  /** The open design's name as stored at that revision. */
  readonly storedName: string;
  /** Starts tracking a document that was just loaded or stored as `revision` (not an edit). */
  opened(doc: FlowDocument, revision: number, unsaved?: boolean): void;
  /** The open document changed by an edit; `dragging` while nodes are being dragged. */
  edited(doc: FlowDocument, dragging: boolean): void;
  /** Writes a journal row a drag left waiting. */
  flushJournal(): void;
  /** Saves now what is unsaved, and waits for it. */
  flush(): Promise<void>;
  /** True when an edit is not stored yet (waiting, being saved, or refused). */
  hasUnsavedEdits(): boolean;
  /** The journal entry of what is on screen, for a synchronous backup or a copy. */
  currentEntry(): JournalEntry | null;
  /** Forgets pending work on this design (it is being deleted, or the user took the other version). */
  abandon(): void;
  /** Number of the newest edit (for a save that clears the journal up to it). */
  readonly seq: number;
}

export function createDesignSession(options: SessionOptions): DesignSession {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  let designId: string | null = null;
  let revision = 0;
  let storedName = '';
  let seq = 0;
  let savedSeq = 0;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** A drag's journal write in flight; while it is, the newest position waits (and replaces an older one waiting). */
  let dragWrite: Promise<void> | null = null;
  let journalWaiting: JournalMoves | null = null;
  /** The drag's first position, journalled in full: its seq and positions (the moves are written against it). */
  let dragBase: { seq: number; positions: FlowDocument['layout']['positions'] } | null = null;
  let inFlight: Promise<void> | null = null;

  const tabId = () => options.persistence().tabs.tabId;

  const entryFor = (doc: FlowDocument): JournalEntry => ({
    designId: doc.id, tabId: tabId(), baseRevision: revision, seq, at: options.now(), doc,
  });

  const writeJournal = (entry: JournalEntry): Promise<void> => {
    const { journal } = options.persistence();
    return journal.record(entry).catch((error: unknown) => {
      // IndexedDB refused (a full disk): keep the edits in localStorage, which has its own quota.
      journal.backup(entry);
      options.events.storageError(error);
    });
  };

  const writeMoves = (moves: JournalMoves): Promise<void> => {
    const { journal } = options.persistence();
    return journal.recordMoves(moves).catch((error: unknown) => {
      const entry = options.currentDoc();
      if (entry && entry.id === designId) journal.backup(entryFor(entry));
      options.events.storageError(error);
    });
  };

  /**
   * A position of a drag: the moved nodes' positions (a small row, never the whole document),
   * written at once when no drag write is in flight, else kept as the one waiting (a newer position
   * replaces it) and written as soon as the write in flight committed. So the journal holds the
   * position on screen a few milliseconds after it was shown, as often as IndexedDB commits, with
   * one write in flight at most and no timer to wait for.
   */
  const writeDragJournal = (moves: JournalMoves) => {
    if (dragWrite) {
      journalWaiting = moves;
      return;
    }
    const written = writeMoves(moves).finally(() => {
      if (dragWrite !== written) return;
      dragWrite = null;
      const next = journalWaiting;
      journalWaiting = null;
      if (next) writeDragJournal(next);
    });
    dragWrite = written;
  };

  const endDrag = () => {
    dragBase = null;
    journalWaiting = null;
    dragWrite = null;
  };

  /** A drag ended (or a save starts): the document as it is now is journalled in full, after what is in flight (IndexedDB's order). */
  const flushJournal = () => {
    if (!dragBase) return;
    endDrag();
    const doc = options.currentDoc();
    if (doc && doc.id === designId && seq !== savedSeq) void writeJournal(entryFor(doc));
  };

  const saveOnce = async (): Promise<void> => {
    const doc = options.currentDoc();
    if (!doc || doc.id !== designId || seq === savedSeq || options.savingBlocked()) return;
    const mySeq = seq;
    const id = doc.id;
    const persistence = options.persistence();
    options.events.progress('saving');
    let outcome: SaveOutcome;
    try {
      outcome = await persistence.repository.saveDesign(doc, { baseRevision: revision, journal: { tabId: tabId(), seq: mySeq } });
    } catch (error) {
      options.events.storageError(error);
      return;
    }
    if (designId !== id) return;
    if (outcome.status !== 'saved') {
      options.events.refused(outcome);
      return;
    }
    revision = outcome.revision;
    storedName = doc.name;
    savedSeq = mySeq;
    persistence.journal.dropBackup(id, tabId(), mySeq);
    persistence.channel.post({ kind: 'saved', designId: id, revision, tabId: tabId() });
    options.events.progress(seq !== savedSeq ? 'pending' : 'saved');
    if (seq !== savedSeq) schedule();
  };

  const flush = async (): Promise<void> => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    flushJournal();
    // One save at a time: a second waits for the first, then saves whatever is newest.
    while (inFlight) await inFlight;
    if (seq === savedSeq || options.savingBlocked()) return;
    inFlight = saveOnce().finally(() => { inFlight = null; });
    await inFlight;
  };

  function schedule() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void flush(), delayMs);
  }

  return {
    get designId() { return designId; },
    get revision() { return revision; },
    get storedName() { return storedName; },
    get seq() { return seq; },

    opened(doc, newRevision, unsaved = false) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      flushJournal();
      designId = doc.id;
      revision = newRevision;
      storedName = doc.name;
      if (unsaved) {
        seq += 1;
        void writeJournal(entryFor(doc));
      } else {
        savedSeq = seq;
      }
    },

    edited(doc, dragging) {
      if (doc.id !== designId) return;
      seq += 1;
      if (dragging && dragBase && savedSeq < dragBase.seq) {
        writeDragJournal({
          designId: doc.id, tabId: tabId(), baseSeq: dragBase.seq, seq, at: options.now(), moves: movedSince(dragBase.positions, doc),
        });
      } else {
        // An edit, or a drag's first position: the whole document (a drag's moves are written against it).
        endDrag();
        if (dragging) dragBase = { seq, positions: doc.layout.positions };
        void writeJournal(entryFor(doc));
      }
      if (options.savingBlocked()) return;
      options.events.progress('pending');
      schedule();
    },

    flushJournal,
    flush,

    hasUnsavedEdits() {
      return seq !== savedSeq || inFlight !== null;
    },

    currentEntry() {
      const doc = options.currentDoc();
      return doc && doc.id === designId ? entryFor(doc) : null;
    },

    abandon() {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      endDrag();
      savedSeq = seq;
    },
  };
}
