import { createEmptyDocument, type FlowDocument } from '../core';
import { clearUnsavedDesign, designRepository, readUnsavedDesign, writeUnsavedDesign } from '../persistence/designs';
import { createAutosave } from './autosave';
import { newDesignId, uniqueDesignName } from './designIds';
import { fetchExampleDesign } from './exampleDesign';
import type { SliceCreator } from './sliceTypes';

/** Saved designs: which one is open, and the verbs of the designs list. */
export interface DesignsSlice {
  /** False until the first design is open. */
  designsReady: boolean;
  designsError: string | null;
  /** Opens the design that was open last; on a first visit, the built-in example. */
  initDesigns(): Promise<void>;
  switchDesign(id: string): Promise<void>;
  /** Creates an empty design and opens it. */
  createDesign(): Promise<void>;
  renameDesign(id: string, name: string): Promise<void>;
  duplicateDesign(id: string): Promise<void>;
  /** Deletes a design; if it was open, opens the most recent other one (or a new empty one). */
  deleteDesign(id: string): Promise<void>;
  /** Saves a document as a NEW design (fresh id, unique name) and opens it; the current one is kept. */
  openDesign(doc: FlowDocument): Promise<void>;
  /** Saves pending changes now. */
  flushAutosave(): Promise<void>;
  /**
   * The page is being hidden or closed: journals pending changes synchronously (recovered on the
   * next start) and starts saving them.
   */
  saveBeforePageHide(): void;
  /** Saves this document soon (debounced); the store calls it on every change of the open design. */
  scheduleAutosave(doc: FlowDocument): void;
}

export const createDesignsSlice: SliceCreator<DesignsSlice> = (set, get) => {
  const autosave = createAutosave(
    (doc) => designRepository.saveDesign(doc),
    (state, error) => {
      get().setSaveState(state);
      if (state === 'saved') clearUnsavedDesign();
      if (error) get().showToast(`Could not save the design: ${error instanceof Error ? error.message : String(error)}`);
    },
  );

  const open = async (doc: FlowDocument) => {
    get().loadDocument(doc);
    set({ designsReady: true, designsError: null });
    await designRepository.setLastOpenedId(doc.id);
  };

  const saveAndOpen = async (doc: FlowDocument) => {
    await autosave.flush();
    await designRepository.saveDesign(doc);
    await open(doc);
  };

  const takenNames = async () => (await designRepository.listDesigns()).map((d) => d.name);

  return {
    designsReady: false,
    designsError: null,

    async initDesigns() {
      try {
        const unsaved = readUnsavedDesign();
        if (unsaved) {
          await designRepository.saveDesign(unsaved);
          clearUnsavedDesign();
        }
        const lastId = await designRepository.getLastOpenedId();
        const last = lastId ? await designRepository.loadDesign(lastId) : undefined;
        if (last) return await open(last);
        const [recent] = await designRepository.listDesigns();
        const fallback = recent ? await designRepository.loadDesign(recent.id) : undefined;
        if (fallback) return await open(fallback);
        await saveAndOpen(await fetchExampleDesign());
      } catch (error) {
        set({ designsError: error instanceof Error ? error.message : String(error) });
      }
    },

    async switchDesign(id) {
      if (get().doc?.id === id) return;
      await autosave.flush();
      const doc = await designRepository.loadDesign(id);
      if (doc) await open(doc);
      else get().showToast('That design could not be opened');
    },

    async createDesign() {
      const name = uniqueDesignName(await takenNames(), 'Untitled design');
      await saveAndOpen(createEmptyDocument(newDesignId(), name));
    },

    async renameDesign(id, name) {
      const trimmed = name.trim();
      if (!trimmed) return;
      if (get().doc?.id === id) {
        get().setDesignInfo({ name: trimmed });
        await autosave.flush();
      } else {
        await designRepository.renameDesign(id, trimmed);
      }
    },

    async duplicateDesign(id) {
      await autosave.flush();
      const source = await designRepository.loadDesign(id);
      if (!source) return;
      const name = uniqueDesignName(await takenNames(), `${source.name} copy`);
      await saveAndOpen({ ...source, id: newDesignId(), name });
    },

    async deleteDesign(id) {
      autosave.cancel(id);
      await designRepository.deleteDesign(id);
      // A design's run is keyed by its id: it goes with the design, or it would outlive it unseen.
      // Loaded on use: the simulation engine is not part of the first visit.
      const { openSimulationEngine } = await import('../persistence/simulation');
      await openSimulationEngine().deleteRun(id);
      if (get().doc?.id !== id) return;
      const [recent] = await designRepository.listDesigns();
      const next = recent ? await designRepository.loadDesign(recent.id) : undefined;
      if (next) await open(next);
      else await get().createDesign();
    },

    async openDesign(doc) {
      const name = uniqueDesignName(await takenNames(), doc.name.trim() || 'Imported design');
      await saveAndOpen({ ...doc, id: newDesignId(), name });
    },

    flushAutosave() {
      return autosave.flush();
    },

    saveBeforePageHide() {
      const pending = autosave.pending();
      if (pending) writeUnsavedDesign(pending);
      void autosave.flush();
    },

    scheduleAutosave(doc) {
      autosave.schedule(doc);
    },
  };
};
