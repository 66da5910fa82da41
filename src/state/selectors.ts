import { deriveEdges, findNode, validateFlow, type FlowDocument } from '../core';
import type { AppState } from './store';

/** Selectors at module scope, so components subscribe to exactly what they read. */
export const selectDoc = (s: AppState) => s.doc;
export const selectDesignName = (s: AppState) => s.doc?.name ?? '';
export const selectDesignId = (s: AppState) => s.doc?.id;
export const selectCanUndo = (s: AppState) => s.history.past.length > 0;
export const selectCanRedo = (s: AppState) => s.history.future.length > 0;
export const selectSelectedNodeIds = (s: AppState) => s.selectedNodeIds;
export const selectSelectedEdgeIds = (s: AppState) => s.selectedEdgeIds;
export const selectMode = (s: AppState) => s.mode;
export const selectToast = (s: AppState) => s.toast;
export const selectFocusRequest = (s: AppState) => s.focusRequest;
export const selectSidePanel = (s: AppState) => s.sidePanel;
/**
 * The side panel shows while the user keeps it open, or in design mode while something is selected.
 * In run mode a click selects to filter the run's tables, and the canvas keeps its room.
 */
export const selectSidePanelVisible = (s: AppState) =>
  s.panelPinned || (s.mode === 'design' && (s.selectedNodeIds.length > 0 || s.selectedEdgeIds.length > 0));
export const selectSaveState = (s: AppState) => s.saveState;
export const selectDesignsReady = (s: AppState) => s.designsReady;
export const selectDesignsError = (s: AppState) => s.designsError;

/** The one selected node, or undefined when none or several are selected. */
export const selectSingleSelectedNode = (s: AppState) => {
  if (!s.doc || s.selectedNodeIds.length !== 1) return undefined;
  const [id] = s.selectedNodeIds;
  return id === undefined ? undefined : findNode(s.doc, id);
};

/**
 * Memoises a derivation of the design's semantics: it is recomputed only when a node list
 * changes, not when nodes move or the view pans (those only touch `layout`).
 */
function onSemantics<T>(derive: (doc: FlowDocument) => T, empty: T) {
  let last: FlowDocument | null = null;
  let lastValue = empty;
  const sameSemantics = (a: FlowDocument | null, b: FlowDocument | null) => a === b || (a !== null && b !== null
    && a.eventTypes === b.eventTypes && a.producers === b.producers && a.consumers === b.consumers && a.projections === b.projections);
  return (s: AppState): T => {
    if (!sameSemantics(s.doc, last)) lastValue = s.doc ? derive(s.doc) : empty;
    last = s.doc;
    return lastValue;
  };
}

export const selectEdges = onSemantics(deriveEdges, []);
export const selectProblems = onSemantics(validateFlow, []);
