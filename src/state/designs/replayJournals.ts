import { classifyStorageError, type DesignsPersistence, type JournalEntry } from '../../persistence/designs';
import type { RecoveredEdits } from './designTypes';

/** What replaying one gone tab's journal entry did. */
export type ReplayResult =
  | { kind: 'saved'; designId: string; revision: number }
  | { kind: 'stale' }
  | { kind: 'recovered'; edits: RecoveredEdits }
  /** The edits could be saved, but the disk is full: they open unsaved, on top of revision `base`. */
  | { kind: 'unsaved'; entry: JournalEntry; base: number }
  /** The tab is still alive: its edits are its own business. */
  | { kind: 'alive' };

const sameContent = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Replays one journal entry of a tab that is gone (closed, crashed, killed), holding that tab's lock:
 * - the design is at the revision the edits were made on, or was last saved by that same tab at an
 *   earlier edit: the edits are saved (compare-and-set), which clears the journal row;
 * - that tab saved these edits already: the row is stale and dropped;
 * - the design changed in another tab since, was deleted, or is damaged: the edits are kept and
 *   offered to the user ("keep as a copy" or "discard").
 * A save refused by a full disk leaves the edits to be opened unsaved; other errors throw.
 */
export async function replayJournalEntry(persistence: DesignsPersistence, entry: JournalEntry): Promise<ReplayResult> {
  const { repository, journal, tabs, channel } = persistence;
  const result = await tabs.whileTabIsGone(entry.tabId, async (): Promise<ReplayResult> => {
    const recovered = (reason: RecoveredEdits['reason']): ReplayResult => ({
      kind: 'recovered',
      edits: { designId: entry.designId, tabId: entry.tabId, name: entry.doc.name, at: entry.at, reason, doc: entry.doc },
    });
    const loaded = await repository.loadDesign(entry.designId);
    if (loaded.status === 'deleted') return recovered('deleted');
    if (loaded.status === 'damaged') return recovered('damaged');
    let base = 0;
    if (loaded.status === 'ok') {
      const { design } = loaded;
      const byThatTab = design.savedBy?.tabId === entry.tabId ? design.savedBy.seq : undefined;
      if (byThatTab !== undefined && byThatTab >= entry.seq) {
        await journal.discard(entry.designId, entry.tabId);
        return { kind: 'stale' };
      }
      const descends = design.revision === entry.baseRevision || byThatTab !== undefined;
      if (!descends) {
        if (!sameContent(design.doc, entry.doc)) return recovered('changed');
        await journal.discard(entry.designId, entry.tabId);
        return { kind: 'stale' };
      }
      base = design.revision;
    }
    let outcome;
    try {
      outcome = await repository.saveDesign(entry.doc, { baseRevision: base, journal: { tabId: entry.tabId, seq: entry.seq } });
    } catch (error) {
      if (classifyStorageError(error) === 'quota') return { kind: 'unsaved', entry, base };
      throw error;
    }
    if (outcome.status === 'deleted') return recovered('deleted');
    if (outcome.status === 'conflict') return recovered('changed');
    journal.dropBackup(entry.designId, entry.tabId, entry.seq);
    channel.post({ kind: 'saved', designId: entry.designId, revision: outcome.revision, tabId: tabs.tabId });
    return { kind: 'saved', designId: entry.designId, revision: outcome.revision };
  });
  return result ?? { kind: 'alive' };
}

/** What replaying every gone tab's journal left for the user. */
export interface ReplayReport {
  /** Edits that need the user's choice (keep as a copy, or discard). */
  recovered: RecoveredEdits[];
  /** Edits a full disk kept from being saved: shown unsaved when their design opens. */
  unsaved: { entry: JournalEntry; base: number }[];
}

/** Replays every gone tab's journal (`entries`: the journal as already read, if it was). */
export async function replayJournals(persistence: DesignsPersistence, read?: readonly JournalEntry[]): Promise<ReplayReport> {
  const entries = read ?? await persistence.journal.readAll();
  const report: ReplayReport = { recovered: [], unsaved: [] };
  for (const entry of entries) {
    const result = await replayJournalEntry(persistence, entry);
    if (result.kind === 'recovered') report.recovered.push(result.edits);
    if (result.kind === 'unsaved') report.unsaved.push({ entry: result.entry, base: result.base });
  }
  report.recovered.sort((a, b) => b.at - a.at);
  report.unsaved.sort((a, b) => b.entry.at - a.entry.at);
  return report;
}
