import { createEmptyDocument, type FlowDocument } from '../../core';
import {
  classifyStorageError, storageErrorText, type DesignListEntry, type DesignsPersistence,
} from '../../persistence/designs';
import { newDesignId, uniqueDesignName } from '../designIds';
import type { SliceCreator } from '../sliceTypes';
import { createDesignSession } from './designSession';
import type { DesignConflict, DesignsDeps, RecoveredEdits, StorageFault } from './designTypes';
import type { ReplayReport } from './replayJournals';
import { createTabFollower } from './followOtherTabs';
import { openFirstDesign } from './openFirstDesign';
import type { RecoveryActions } from './recoveryActions';

/** Saved designs: which one is open, its sync with other tabs and with the disk, and the list's verbs. */
export interface DesignsSlice extends RecoveryActions {
  /** False until the first design is open. */
  designsReady: boolean;
  /** The open design has edits that cannot be saved until the user chooses (another tab changed or deleted it). */
  conflict: DesignConflict | null;
  /** Unsaved edits of gone tabs that could not simply be saved, waiting for the user's choice. */
  recoveredEdits: RecoveredEdits[];
  /** The disk is full: editing is paused, export works, nothing more is written until a retry succeeds. */
  storageReadOnly: boolean;
  /** The designs database cannot be used at all: the recovery screen shows. */
  storageFault: StorageFault | null;
  /** Opens the design that was open last (replaying gone tabs' journals first); on a first visit, the example. */
  initDesigns(): Promise<void>;
  switchDesign(id: string): Promise<void>;
  /** Creates an empty design and opens it. */
  createDesign(): Promise<void>;
  renameDesign(id: string, name: string): Promise<void>;
  duplicateDesign(id: string): Promise<void>;
  /** Deletes a design (a tombstone stays); if it was open, opens the most recent other one (or a new empty one). */
  deleteDesign(id: string): Promise<void>;
  /** Saves a document as a NEW design (fresh id, unique name) and opens it; the current one is kept. */
  openDesign(doc: FlowDocument): Promise<void>;
  /** Every design for the list (damaged ones as damaged); a live query may call it. */
  listDesigns(): Promise<DesignListEntry[]>;
  /** Empties a design's run (its tables); run mode then starts a new one from the design. */
  deleteDesignRun(designId: string): Promise<void>;
  /** Hears every change of the saved designs (this tab's and other tabs'); returns the unsubscribe. */
  subscribeDesigns(listener: () => void): () => void;
  /** A saved design's document, or undefined when it is gone or damaged. */
  loadDesignDocument(id: string): Promise<FlowDocument | undefined>;
  /** A design's stored row as JSON text, exactly as stored (for a damaged design's download). */
  rawDesignJson(id: string): Promise<string>;
  /** Saves pending changes now. */
  flushAutosave(): Promise<void>;
  /** The page is being hidden or closed: backs unsaved edits up synchronously, and starts saving them. */
  saveBeforePageHide(): void;
}

/** The verbs' words for an error, in a toast. */
function failureText(what: string, error: unknown): string {
  const kind = classifyStorageError(error);
  if (kind === 'quota') return `${what} failed: this browser's storage for the app is full. Free space (delete designs you no longer need) and try again.`;
  return `${what} failed: ${storageErrorText(error)}`;
}

export function createDesignsSlice(deps: DesignsDeps): SliceCreator<DesignsSlice> {
  return (set, get, api) => {
    let persistenceInstance: DesignsPersistence | undefined;
    const persistence = (): DesignsPersistence => {
      if (persistenceInstance) return persistenceInstance;
      const p = deps.persistence();
      persistenceInstance = p;
      p.channel.subscribe((message) => void onMessage(message));
      p.onDatabaseLost((loss) => loseDatabase(loss));
      return p;
    };
    const repo = () => persistence().repository;
    const tabId = () => persistence().tabs.tabId;

    const session = createDesignSession({
      persistence,
      currentDoc: () => get().doc,
      savingBlocked: () => get().conflict !== null || get().storageReadOnly || get().storageFault !== null,
      now: deps.now,
      delayMs: deps.autosaveDelayMs,
      events: {
        progress: (state) => get().setSaveState(state),
        refused: (outcome) => enterConflict(outcome.status === 'deleted' ? 'deleted' : 'changed'),
        storageError: (error) => onStorageError(error),
      },
    });

    // Loading a document is not an edit: the subscription below must not journal or save it.
    let loading = false;
    const showDocument = (doc: FlowDocument, revision: number, unsaved = false) => {
      loading = true;
      try {
        session.opened(doc, revision, unsaved);
        get().loadDocument(doc);
      } finally {
        loading = false;
      }
    };

    api.subscribe((state, previous) => {
      if (loading) return;
      const dragging = state.history.lastEdit?.key.startsWith('move:') === true;
      if (state.doc && previous.doc && state.doc !== previous.doc && state.doc.id === previous.doc.id) {
        session.edited(state.doc, dragging);
      } else if (state.history.lastEdit !== previous.history.lastEdit && !dragging) {
        session.flushJournal();
      }
    });

    const enterConflict = (kind: DesignConflict['kind']) => {
      // The name the design has in the list (the stored one), not the half-typed one on screen.
      set({ conflict: { kind, designName: session.storedName } });
      get().setSaveState('conflict');
    };

    const enterReadOnly = () => {
      if (get().storageReadOnly) return;
      const entry = session.currentEntry();
      if (entry && session.hasUnsavedEdits()) persistence().journal.backup(entry);
      set({ storageReadOnly: true });
      get().setSaveState('read-only');
    };

    const loseDatabase = (loss: StorageFault['kind']) => {
      const entry = session.currentEntry();
      if (entry) persistence().journal.backup(entry);
      const detail = {
        deleted: 'The designs database was deleted while this page was open.',
        closed: 'The browser closed the designs database while this page was open.',
        replaced: 'Another tab opened the designs database with a newer version of Event Flow Designer.',
      }[loss as 'deleted' | 'closed' | 'replaced'] ?? loss;
      set({ storageFault: { kind: loss, detail } });
      get().setSaveState('offline');
    };

    function onStorageError(error: unknown) {
      const kind = classifyStorageError(error);
      if (get().storageFault) return;
      if (kind === 'quota') return enterReadOnly();
      if (kind === 'closed') return loseDatabase('closed');
      get().setSaveState('error');
      get().showToast(`Could not save the design: ${storageErrorText(error)}`);
    }

    /** Opens a stored design in this tab; remembering it as last opened is a convenience (a full disk may refuse it). */
    const open = (doc: FlowDocument, revision: number, unsaved = false) => {
      showDocument(doc, revision, unsaved);
      set({ designsReady: true, conflict: null });
      get().setSaveState(get().storageReadOnly ? 'read-only' : unsaved ? 'pending' : 'saved');
      persistence().tabMemory.set(doc.id);
      // Opening never needs a write; this one is a convenience, and its failure on a full disk is
      // the first sign of it: the app then says so at once instead of at the first edit.
      void repo().setLastOpenedId(doc.id).catch((error: unknown) => {
        if (classifyStorageError(error) === 'quota') enterReadOnly();
      });
    };

    /** Stores a new design and opens it; on a full disk it opens unsaved, in read-only mode. */
    const createAndOpen = async (doc: FlowDocument) => {
      await session.flush();
      try {
        const outcome = await repo().saveDesign(doc, { baseRevision: 0, journal: { tabId: tabId(), seq: session.seq } });
        if (outcome.status !== 'saved') throw new Error('a design with this id exists already');
        persistence().channel.post({ kind: 'saved', designId: doc.id, revision: outcome.revision, tabId: tabId() });
        open(doc, outcome.revision);
      } catch (error) {
        if (classifyStorageError(error) !== 'quota') throw error;
        enterReadOnly();
        open(doc, 0, true);
      }
    };

    /** The most recent healthy design other than `except`, loaded. */
    const mostRecentOther = async (except?: string) => {
      for (const entry of await repo().listDesigns()) {
        if (entry.status !== 'ok' || entry.id === except) continue;
        const loaded = await repo().loadDesign(entry.id);
        if (loaded.status === 'ok') return loaded.design;
      }
      return undefined;
    };

    const openMostRecentOrNew = async (except?: string) => {
      const next = await mostRecentOther(except);
      if (next) open(next.doc, next.revision);
      else await get().createDesign();
    };

    const takenNames = async () => (await repo().listDesigns()).map((d) => d.name);

    /** Runs a verb of the list; a failure is told in plain words instead of escaping. */
    const guarded = async (what: string, verb: () => Promise<void>) => {
      try {
        await verb();
      } catch (error) {
        if (classifyStorageError(error) === 'quota') enterReadOnly();
        get().showToast(failureText(what, error));
      }
    };

    // The verbs of the conflict banner, the recovered-edits dialog, the read-only banner and the
    // recovery screen load the first time one is used: a first visit needs none of them.
    let recoveryLoad: Promise<RecoveryActions> | undefined;
    const loadRecovery = () => (recoveryLoad ??= import('./recoveryActions').then((m) => m.createRecoveryActions({
      get, set, persistence, session, deps, open, openMostRecentOrNew, enterReadOnly, guarded, takenNames,
    })));
    const recovery: RecoveryActions = {
      keepMineAsCopy: async () => (await loadRecovery()).keepMineAsCopy(),
      takeTheirs: async () => (await loadRecovery()).takeTheirs(),
      keepRecoveredAsCopy: async (edits) => (await loadRecovery()).keepRecoveredAsCopy(edits),
      discardRecovered: async (edits) => (await loadRecovery()).discardRecovered(edits),
      retrySaving: async () => (await loadRecovery()).retrySaving(),
      readableBackup: async () => (await loadRecovery()).readableBackup(),
      resetDesignsDatabase: async () => (await loadRecovery()).resetDesignsDatabase(),
    };
    const onMessage = createTabFollower({ get, session, persistence, showDocument, enterConflict, guarded, openMostRecentOrNew });
    const openAtStart = (unsaved: ReplayReport['unsaved']) => openFirstDesign({
      get, persistence, deps, open, mostRecentOther, createAndOpen, unsaved,
    });

    return {
      designsReady: false,
      conflict: null,
      recoveredEdits: [],
      storageReadOnly: false,
      storageFault: null,
      ...recovery,

      async initDesigns() {
        try {
          const usage = await deps.estimateStorage();
          if (usage && usage.quota > 0 && usage.usage >= usage.quota) set({ storageReadOnly: true });
          // Edits left by tabs that are gone; the replay's code loads only when there are some.
          const entries = await persistence().journal.readAll();
          const replay: ReplayReport = entries.length === 0
            ? { recovered: [], unsaved: [] }
            : await (await import('./replayJournals')).replayJournals(persistence(), entries);
          if (replay.unsaved.length > 0) set({ storageReadOnly: true });
          set({ recoveredEdits: replay.recovered });
          await openAtStart(replay.unsaved);
        } catch (error) {
          const kind = classifyStorageError(error);
          if (get().storageFault) return;
          set({ storageFault: { kind: kind === 'quota' || kind === 'closed' ? 'other' : kind, detail: storageErrorText(error) } });
        }
      },

      async switchDesign(id) {
        if (get().doc?.id === id) return;
        if (get().conflict) {
          get().showToast('First choose what happens to your edits: keep them as a copy, or take the other version.');
          return;
        }
        await guarded('Opening the design', async () => {
          await session.flush();
          const loaded = await repo().loadDesign(id);
          if (loaded.status === 'ok') return open(loaded.design.doc, loaded.design.revision);
          if (loaded.status === 'damaged') {
            get().showToast(`“${loaded.design.name}” cannot be opened: ${loaded.design.problem}. Download its raw JSON or delete it from the list.`);
          } else {
            get().showToast('That design no longer exists (it was deleted, perhaps in another tab).');
          }
        });
      },

      async createDesign() {
        await guarded('Creating a design', async () => {
          const name = uniqueDesignName(await takenNames(), 'Untitled design');
          await createAndOpen(createEmptyDocument(newDesignId(), name));
        });
      },

      async renameDesign(id, name) {
        const trimmed = name.trim();
        if (!trimmed) return;
        if (get().doc?.id === id) {
          get().setDesignInfo({ name: trimmed });
          await session.flush();
          return;
        }
        await guarded('Renaming the design', async () => {
          const outcome = await repo().renameDesign(id, trimmed);
          if (outcome.status === 'saved') persistence().channel.post({ kind: 'saved', designId: id, revision: outcome.revision, tabId: tabId() });
        });
      },

      async duplicateDesign(id) {
        await guarded('Duplicating the design', async () => {
          await session.flush();
          const current = get().doc;
          const loaded = current?.id === id ? undefined : await repo().loadDesign(id);
          const source = current?.id === id ? current : loaded?.status === 'ok' ? loaded.design.doc : undefined;
          if (!source) {
            get().showToast('That design cannot be duplicated: it is damaged or gone.');
            return;
          }
          const name = uniqueDesignName(await takenNames(), `${source.name} copy`);
          await createAndOpen({ ...source, id: newDesignId(), name });
        });
      },

      async deleteDesign(id) {
        await guarded('Deleting the design', async () => {
          const wasOpen = get().doc?.id === id;
          if (wasOpen) session.abandon();
          await repo().deleteDesign(id, tabId());
          persistence().channel.post({ kind: 'deleted', designId: id, tabId: tabId() });
          // A design's run is keyed by its id: it goes with the design, or it would outlive it unseen.
          await deps.deleteRun(id).catch(() => undefined);
          if (!wasOpen) return;
          set({ conflict: null });
          await openMostRecentOrNew(id);
        });
      },

      async openDesign(doc) {
        await guarded('Opening the file as a new design', async () => {
          const name = uniqueDesignName(await takenNames(), doc.name.trim() || 'Imported design');
          await createAndOpen({ ...doc, id: newDesignId(), name });
        });
      },

      subscribeDesigns(listener) {
        return persistence().onDesignsChanged(listener);
      },
      async loadDesignDocument(id) {
        const loaded = await repo().loadDesign(id);
        return loaded.status === 'ok' ? loaded.design.doc : undefined;
      },
      deleteDesignRun(designId) {
        return deps.deleteRun(designId);
      },
      listDesigns() {
        return repo().listDesigns();
      },

      async rawDesignJson(id) {
        const [{ toRawJson }, raw] = await Promise.all([import('../../persistence/designs/rawJson'), repo().readRawDesign(id)]);
        return toRawJson(raw);
      },

      flushAutosave() {
        return session.flush();
      },

      saveBeforePageHide() {
        const entry = session.currentEntry();
        if (entry && session.hasUnsavedEdits()) persistence().journal.backup(entry);
        void session.flush();
      },
    };

  };
}
