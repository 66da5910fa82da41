import { restoreFlowDocument, type FlowDocument } from '../../core';

/**
 * A synchronous safety net for the last edits: when the page is hidden or closed with an
 * autosave still pending, the document is written here at once (IndexedDB writes started while
 * a page unloads may never finish); the next start moves it into the designs database.
 */
const JOURNAL_KEY = 'efd-unsaved-design';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** Remembers a document whose save did not finish yet. Returns false when storage refused it. */
export function writeUnsavedDesign(doc: FlowDocument): boolean {
  try {
    storage()?.setItem(JOURNAL_KEY, JSON.stringify(doc));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the journal (the design is safely in IndexedDB). */
export function clearUnsavedDesign(): void {
  storage()?.removeItem(JOURNAL_KEY);
}

/** The journalled document, restored and checked, if there is one; it stays until cleared. */
export function readUnsavedDesign(): FlowDocument | undefined {
  const text = storage()?.getItem(JOURNAL_KEY);
  if (!text) return undefined;
  try {
    const restored = restoreFlowDocument(JSON.parse(text));
    return restored.ok ? restored.doc : undefined;
  } catch {
    return undefined;
  }
}
