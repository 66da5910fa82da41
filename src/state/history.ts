import type { FlowDocument } from '../core';

/** How long a burst of same-keyed edits (typing, dragging) stays one undo step. */
export const COALESCE_WINDOW_MS = 1000;
/** Undo steps kept per design session. */
export const HISTORY_LIMIT = 200;

/** The undo/redo history of documents: past and future snapshots around the present one. */
export interface History {
  past: FlowDocument[];
  future: FlowDocument[];
  /** The key and time of the last edit, so a burst of edits with one key merges into one step. */
  lastEdit: { key: string; at: number } | null;
}

export const emptyHistory: History = { past: [], future: [], lastEdit: null };

/**
 * The history after `present` was replaced by an edit. An edit with the same `coalesceKey` as
 * the previous one, within the window, merges into the previous undo step.
 */
export function recordEdit(history: History, present: FlowDocument, coalesceKey: string | undefined, now: number): History {
  const merges = coalesceKey !== undefined && history.lastEdit?.key === coalesceKey
    && now - history.lastEdit.at <= COALESCE_WINDOW_MS;
  const lastEdit = coalesceKey === undefined ? null : { key: coalesceKey, at: now };
  if (merges) return { past: history.past, future: [], lastEdit };
  return { past: [...history.past, present].slice(-HISTORY_LIMIT), future: [], lastEdit };
}

/** Keeps the live viewport when stepping through history: the view is not an edit. */
function withViewportOf(doc: FlowDocument, current: FlowDocument): FlowDocument {
  return current.layout.viewport === doc.layout.viewport ? doc : { ...doc, layout: { ...doc.layout, viewport: current.layout.viewport } };
}

/** One step back: the previous document and the history around it, or null when there is none. */
export function undoStep(history: History, present: FlowDocument): { doc: FlowDocument; history: History } | null {
  const previous = history.past[history.past.length - 1];
  if (!previous) return null;
  return {
    doc: withViewportOf(previous, present),
    history: { past: history.past.slice(0, -1), future: [present, ...history.future], lastEdit: null },
  };
}

/** One step forward again, or null when nothing was undone. */
export function redoStep(history: History, present: FlowDocument): { doc: FlowDocument; history: History } | null {
  const next = history.future[0];
  if (!next) return null;
  return {
    doc: withViewportOf(next, present),
    history: { past: [...history.past, present], future: history.future.slice(1), lastEdit: null },
  };
}
