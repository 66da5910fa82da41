import { deriveEdges, findNode, hasBaselineCheck, validateFlow, versionHistoryProblems, type FlowDocument, type Problem } from '../core';
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
export const selectStorageFault = (s: AppState) => s.storageFault;
export const selectStorageReadOnly = (s: AppState) => s.storageReadOnly;
export const selectConflict = (s: AppState) => s.conflict;
export const selectRecoveredEdits = (s: AppState) => s.recoveredEdits;

/** The one selected node, or undefined when none or several are selected. */
export const selectSingleSelectedNode = (s: AppState) => {
  if (!s.doc || s.selectedNodeIds.length !== 1) return undefined;
  const [id] = s.selectedNodeIds;
  return id === undefined ? undefined : findNode(s.doc, id);
};

/** The same semantics: node lists, envelope and schema library (what validation and the inspector read). */
const sameNodeLists = (a: FlowDocument, b: FlowDocument) =>
  a.eventTypes === b.eventTypes && a.producers === b.producers && a.consumers === b.consumers && a.projections === b.projections
  && a.envelope === b.envelope && a.schemaLibrary === b.schemaLibrary && a.evolution === b.evolution;

/**
 * Memoises a derivation of the open design: it is recomputed only when `same` says the design
 * changed, not when nodes move or the view pans (those only touch `layout`).
 */
function memoOnDoc<T>(same: (a: FlowDocument, b: FlowDocument) => boolean, derive: (doc: FlowDocument) => T, empty: T) {
  let last: FlowDocument | null = null;
  let lastValue = empty;
  return (s: AppState): T => {
    if (!(s.doc === last || (s.doc !== null && last !== null && same(s.doc, last)))) lastValue = s.doc ? derive(s.doc) : empty;
    last = s.doc;
    return lastValue;
  };
}

export const selectEdges = memoOnDoc(sameNodeLists, deriveEdges, []);
const designProblems = memoOnDoc(sameNodeLists, (doc) => [...validateFlow(doc), ...versionHistoryProblems(doc)], []);
let lastDesignProblems: Problem[] = [];
let lastCheck: AppState['baselineCheck'] = null;
let lastBaselineDoc: FlowDocument | null = null;
let lastProblems: Problem[] = [];

/**
 * The validator's problems and the schema-evolution ones: version histories always, breaking
 * changes against the baseline once the baseline check has loaded (it loads when a design has a
 * baseline). Recomputed only when the design's content changes or the check arrives.
 */
export const selectProblems = (s: AppState): Problem[] => {
  const own = designProblems(s);
  const doc = s.doc;
  const baselineDoc = doc && s.baselineCheck && hasBaselineCheck(doc) ? doc : null;
  const sameBaseline = baselineDoc === lastBaselineDoc || (baselineDoc !== null && lastBaselineDoc !== null && sameNodeLists(baselineDoc, lastBaselineDoc));
  if (own === lastDesignProblems && s.baselineCheck === lastCheck && sameBaseline) return lastProblems;
  lastDesignProblems = own;
  lastCheck = s.baselineCheck;
  lastBaselineDoc = baselineDoc;
  lastProblems = baselineDoc && s.baselineCheck ? [...own, ...s.baselineCheck(baselineDoc)] : own;
  return lastProblems;
};
/**
 * The open design for editors that never read its layout (the inspector): the same object while
 * only positions or the viewport change, so a node drag does not re-render them on every frame.
 * Its `layout` may therefore be stale.
 */
export const selectDocContent = memoOnDoc<FlowDocument | null>(
  (a, b) => sameNodeLists(a, b) && a.id === b.id && a.name === b.name && a.description === b.description,
  (doc) => doc,
  null,
);
export const selectOverlay = (s: AppState) => s.overlay;
export const selectPendingDeletion = (s: AppState) => s.pendingDeletion;
