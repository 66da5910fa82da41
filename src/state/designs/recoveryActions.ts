import { exportBaseName, restoreFlowDocument, serializeFlowDocument, type FlowDocument } from '../../core';
import { classifyStorageError, type DesignsPersistence } from '../../persistence/designs';
// Straight from their files, not the barrel: they load with this chunk, never on a first visit.
import { deleteDatabase, readDatabaseRaw } from '../../persistence/designs/rawExport';
import { toRawJson } from '../../persistence/designs/rawJson';
import { newDesignId, uniqueDesignName } from '../designIds';
import type { AppState } from '../store';
import type { DesignSession } from './designSession';
import type { DesignsDeps, RecoveredEdits } from './designTypes';

/** One file of the recovery download. */
export interface RecoveryFile {
  path: string;
  text: string;
}

/** The verbs of the conflict banner, the recovered-edits dialog, the read-only banner and the recovery screen. */
export interface RecoveryActions {
  /** Conflict: saves this tab's version as a new design and opens it; the original keeps the other version. */
  keepMineAsCopy(): Promise<void>;
  /** Conflict: drops this tab's unsaved edits and shows the other tab's version (or, if deleted, another design). */
  takeTheirs(): Promise<void>;
  /** Saves a gone tab's edits as a new design and opens it. */
  keepRecoveredAsCopy(edits: RecoveredEdits): Promise<void>;
  /** Forgets a gone tab's edits (the user chose to). */
  discardRecovered(edits: RecoveredEdits): Promise<void>;
  /** Full disk: tries to write again; leaves read-only mode when it works. */
  retrySaving(): Promise<void>;
  /**
   * Everything this page can still read, as files: every readable design of the database (one
   * `.flow.json` each), unsaved edits kept in this browser, the design open in this page, and the
   * database's raw records.
   */
  readableBackup(): Promise<RecoveryFile[]>;
  /** Deletes the designs database (the recovery screen's reset, after the download); the page then reloads. */
  resetDesignsDatabase(): Promise<void>;
}

type SetState = (partial: Partial<AppState>) => void;

interface RecoveryContext {
  get: () => AppState;
  set: SetState;
  persistence: () => DesignsPersistence;
  session: DesignSession;
  deps: DesignsDeps;
  open(doc: FlowDocument, revision: number, unsaved?: boolean): void;
  openMostRecentOrNew(except?: string): Promise<void>;
  enterReadOnly(): void;
  guarded(what: string, verb: () => Promise<void>): Promise<void>;
  takenNames(): Promise<string[]>;
}

const fileBase = (doc: Pick<FlowDocument, 'name' | 'id'>) => exportBaseName(doc).slice(0, 60);

export function createRecoveryActions(c: RecoveryContext): RecoveryActions {
  const repo = () => c.persistence().repository;
  const tabId = () => c.persistence().tabs.tabId;

  /** Stores `doc` as a new design, clearing the journal row `from` in the same transaction; returns its revision. */
  async function saveCopy(doc: FlowDocument, from: { designId: string; tabId: string; seq: number }): Promise<number> {
    const outcome = await repo().saveDesign(doc, { baseRevision: 0, journal: from });
    if (outcome.status !== 'saved') throw new Error('the copy could not be stored');
    c.persistence().journal.dropBackup(from.designId, from.tabId, from.seq);
    c.persistence().channel.post({ kind: 'saved', designId: doc.id, revision: outcome.revision, tabId: tabId() });
    return outcome.revision;
  }

  return {
    async keepMineAsCopy() {
      const { doc, conflict } = c.get();
      if (!doc || !conflict) return;
      await c.guarded('Saving your edits as a copy', async () => {
        const base = conflict.kind === 'deleted' ? doc.name : `${doc.name} (my copy)`;
        const copy = { ...doc, id: newDesignId(), name: uniqueDesignName(await c.takenNames(), base) };
        const revision = await saveCopy(copy, { designId: doc.id, tabId: tabId(), seq: c.session.seq });
        c.session.abandon();
        c.set({ conflict: null });
        c.open(copy, revision);
        const other = conflict.kind === 'deleted' ? '' : ` “${doc.name}” keeps the version from the other tab.`;
        c.get().showToast(`Your edits are saved as “${copy.name}”.${other}`, 'info');
      });
    },

    async takeTheirs() {
      const { doc, conflict } = c.get();
      if (!doc || !conflict) return;
      await c.guarded('Taking the other version', async () => {
        const loaded = conflict.kind === 'changed' ? await repo().loadDesign(doc.id) : undefined;
        await c.persistence().journal.discard(doc.id, tabId());
        c.session.abandon();
        c.set({ conflict: null });
        if (loaded?.status === 'ok') {
          c.open(loaded.design.doc, loaded.design.revision);
          return;
        }
        await c.openMostRecentOrNew(doc.id);
      });
    },

    async keepRecoveredAsCopy(edits) {
      await c.guarded('Saving the recovered edits', async () => {
        const base = edits.reason === 'deleted' ? edits.name : `${edits.name} (recovered)`;
        const copy = { ...edits.doc, id: newDesignId(), name: uniqueDesignName(await c.takenNames(), base) };
        await c.session.flush();
        const revision = await saveCopy(copy, { designId: edits.designId, tabId: edits.tabId, seq: Number.MAX_SAFE_INTEGER });
        c.set({ recoveredEdits: c.get().recoveredEdits.filter((e) => e !== edits) });
        if (!c.get().conflict) c.open(copy, revision);
        c.get().showToast(`The recovered edits are saved as “${copy.name}”.`, 'info');
      });
    },

    async discardRecovered(edits) {
      await c.guarded('Discarding the recovered edits', async () => {
        await c.persistence().journal.discard(edits.designId, edits.tabId);
        c.set({ recoveredEdits: c.get().recoveredEdits.filter((e) => e !== edits) });
      });
    },

    async retrySaving() {
      const doc = c.get().doc;
      try {
        if (doc) await repo().setLastOpenedId(doc.id);
      } catch (error) {
        if (classifyStorageError(error) === 'quota') {
          c.get().showToast('The storage is still full. Delete designs you no longer need (☰ Designs), or free space on the disk, then try again.');
          return;
        }
        throw error;
      }
      c.set({ storageReadOnly: false });
      c.get().setSaveState(c.session.hasUnsavedEdits() ? 'pending' : 'saved');
      await c.session.flush();
      if (!c.get().storageReadOnly) c.get().showToast('Saving works again.', 'info');
    },

    async readableBackup() {
      const files: RecoveryFile[] = [];
      const used = new Set<string>();
      const add = (folder: string, doc: FlowDocument) => {
        let path = `${folder}/${fileBase(doc)}.flow.json`;
        for (let n = 2; used.has(path); n++) path = `${folder}/${fileBase(doc)}-${n}.flow.json`;
        used.add(path);
        files.push({ path, text: serializeFlowDocument(doc) });
      };
      const open = c.get().doc;
      if (open) add('open-in-this-page', open);
      try {
        for (const entry of await c.persistence().journal.readAll()) add('unsaved-edits', entry.doc);
      } catch {
        // The journal's database rows may be unreadable too; what localStorage had is in the raw dump below.
      }
      const raw = await readDatabaseRaw(c.persistence().db.name);
      const designs = raw.stores.find((s) => s.name === 'designs');
      for (const record of designs?.records ?? []) {
        const value = record.value as { document?: unknown } | null;
        const restored = restoreFlowDocument(value?.document);
        if (restored.ok) add('designs', restored.doc);
      }
      files.push({ path: `raw/${raw.name}.json`, text: toRawJson(raw) });
      return files;
    },

    async resetDesignsDatabase() {
      // What this page has open survives the reset: it is backed up and replayed on the next start.
      const entry = c.session.currentEntry();
      if (entry) c.persistence().journal.backup({ ...entry, baseRevision: 0 });
      const name = c.persistence().db.name;
      c.persistence().close();
      await deleteDatabase(name);
    },
  };
}
