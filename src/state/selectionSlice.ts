import { allNodes, copyNodes, describeDeletion, findNode, getOwn, pasteNodes, type ClipboardPayload } from '../core';
import type { SliceCreator } from './sliceTypes';

/** How far each paste of the same clipboard shifts from the copied nodes. */
export const PASTE_OFFSET = 40;

/** A deletion that removes more than the selection: it waits for the user to confirm it. */
export interface PendingDeletion {
  nodeIds: string[];
  edgeIds: string[];
  /** The names of the selected nodes that go. */
  names: string[];
  /** What else goes, one line each (describeDeletion). */
  consequences: string[];
}

/** What is selected on the canvas, and the in-app clipboard. */
export interface SelectionSlice {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  clipboard: { payload: ClipboardPayload; origin: { x: number; y: number }; pastes: number } | null;
  pendingDeletion: PendingDeletion | null;
  /** Selects; a selection that gains a node or connection shows the inspector (also over the problems list). */
  setSelection(nodeIds: string[], edgeIds: string[]): void;
  selectNode(id: string): void;
  clearSelection(): void;
  selectAll(): void;
  /** Deletes the selection at once. */
  deleteSelection(): void;
  /**
   * Deletes the selection, or, when that removes more than the selected nodes and their
   * connections (handlers, emissions, effects, base types of other nodes), asks first
   * (`pendingDeletion`) with what else goes.
   */
  requestDeleteSelection(): void;
  confirmPendingDeletion(): void;
  cancelPendingDeletion(): void;
  copySelection(): void;
  /** Pastes the clipboard, shifted a bit more each time, and selects the copies. */
  paste(): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  clipboard: null,
  pendingDeletion: null,

  setSelection(nodeIds, edgeIds) {
    const { selectedNodeIds, selectedEdgeIds } = get();
    if (sameIds(selectedNodeIds, nodeIds) && sameIds(selectedEdgeIds, edgeIds)) return;
    const gains = nodeIds.some((id) => !selectedNodeIds.includes(id)) || edgeIds.some((id) => !selectedEdgeIds.includes(id));
    set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds, ...(gains ? { sidePanel: 'inspector' as const } : {}) });
  },
  selectNode(id) {
    set({ selectedNodeIds: [id], selectedEdgeIds: [], sidePanel: 'inspector' });
  },
  clearSelection() {
    get().setSelection([], []);
  },
  selectAll() {
    const { doc } = get();
    if (doc) set({ selectedNodeIds: allNodes(doc).map((n) => n.id), selectedEdgeIds: [] });
  },
  deleteSelection() {
    const { selectedNodeIds, selectedEdgeIds } = get();
    get().deleteElements(selectedNodeIds, selectedEdgeIds);
  },
  requestDeleteSelection() {
    const { doc, selectedNodeIds, selectedEdgeIds } = get();
    if (!doc) return;
    const consequences = describeDeletion(doc, selectedNodeIds);
    if (consequences.length === 0) {
      get().deleteSelection();
      return;
    }
    const names = selectedNodeIds.map((id) => findNode(doc, id)?.name ?? id);
    set({ pendingDeletion: { nodeIds: [...selectedNodeIds], edgeIds: [...selectedEdgeIds], names, consequences } });
  },
  confirmPendingDeletion() {
    const pending = get().pendingDeletion;
    if (!pending) return;
    set({ pendingDeletion: null });
    get().deleteElements(pending.nodeIds, pending.edgeIds);
  },
  cancelPendingDeletion() {
    set({ pendingDeletion: null });
  },
  copySelection() {
    const { doc, selectedNodeIds } = get();
    if (!doc || selectedNodeIds.length === 0) return;
    const payload = copyNodes(doc, selectedNodeIds);
    const positions = selectedNodeIds.map((id) => getOwn(doc.layout.positions, id)).filter((p) => p !== undefined);
    const origin = { x: Math.min(...positions.map((p) => p.x)), y: Math.min(...positions.map((p) => p.y)) };
    set({ clipboard: { payload, origin, pastes: 0 } });
    get().showToast(`Copied ${payload.nodes.length} node${payload.nodes.length === 1 ? '' : 's'}`, 'info');
  },
  paste() {
    const { doc, clipboard } = get();
    if (!doc || !clipboard) return;
    const shift = PASTE_OFFSET * (clipboard.pastes + 1);
    const offset = { x: clipboard.origin.x + shift, y: clipboard.origin.y + shift };
    let newIds: string[] = [];
    get().applyEdit((d) => {
      const result = pasteNodes(d, clipboard.payload, offset);
      newIds = result.newIds;
      return result.doc;
    });
    if (newIds.length > 0) set({ clipboard: { ...clipboard, pastes: clipboard.pastes + 1 }, selectedNodeIds: newIds, selectedEdgeIds: [] });
  },
});

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
