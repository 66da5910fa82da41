import {
  addNode as addNodeToDoc, canConnect, deriveEdges, connect as connectInDoc, deleteNodes as deleteNodesFromDoc, disconnect as disconnectInDoc,
  findNode, moveNodes as moveNodesInDoc, newNodeId, replaceNodeCarryingRenames, FlowOperationError,
  type ConnectionCheck, type FlowDocument, type FlowNode, type NodeKind, type Position,
} from '../core';
import { emptyHistory, recordEdit, redoStep, undoStep, type History } from './history';
import type { SliceCreator } from './sliceTypes';
import type { AppState } from './store';

export interface EditOptions {
  /** Edits with the same key in quick succession (typing, dragging) are one undo step. */
  coalesceKey?: string;
}

/** The design being edited and its undo history. Every action is a verb delegating to core. */
export interface DocumentSlice {
  doc: FlowDocument | null;
  history: History;
  /** Starts editing a document; the history starts empty. */
  loadDocument(doc: FlowDocument): void;
  /** Applies a pure edit to the document as one undo step (or merged into the last one). */
  applyEdit(edit: (doc: FlowDocument) => FlowDocument, options?: EditOptions): void;
  /** Adds a node of a kind at a flow position; returns its id. */
  addNode(kind: NodeKind, position: Position, name?: string): string | undefined;
  /**
   * Replaces a node by id: the inspector's one edit path. Renaming a field, column or command
   * input carries the new name to what read the old one, in the same undo step. Edits of one node
   * with the same `coalesceKey` in a quick burst (typing) are one undo step; the key is scoped to
   * the node, so typing in two nodes never merges.
   */
  updateNode(node: FlowNode, options?: EditOptions): void;
  /** Moves nodes; while `dragging`, the moves of one gesture merge into one undo step. */
  moveNodes(positions: Record<string, Position>, dragging: boolean): void;
  /** Deletes nodes (with their edges) and edges as one undo step. */
  deleteElements(nodeIds: string[], edgeIds: string[]): void;
  /** Connects two nodes; returns the check, whose reason says why an illegal one was refused. */
  connect(sourceId: string, targetId: string): ConnectionCheck;
  setDesignInfo(info: { name?: string; description?: string }, options?: EditOptions): void;
  /** Remembers the canvas viewport with the design; not an undoable edit. */
  setViewport(viewport: { x: number; y: number; zoom: number }): void;
  /** Ends the current burst: the next edit is a new undo step even with the same key. */
  endCoalescing(): void;
  undo(): void;
  redo(): void;
}

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => ({
  doc: null,
  history: emptyHistory,

  loadDocument(doc) {
    set({ doc, history: emptyHistory, selectedNodeIds: [], selectedEdgeIds: [] });
  },

  applyEdit(edit, options = {}) {
    const { doc, history } = get();
    if (!doc) return;
    if (editingPaused(get())) return;
    let next: FlowDocument;
    try {
      next = edit(doc);
    } catch (error) {
      if (error instanceof FlowOperationError) {
        get().showToast(error.message, 'error');
        return;
      }
      throw error;
    }
    if (next === doc) return;
    set({ doc: next, history: recordEdit(history, doc, options.coalesceKey, Date.now()) });
  },

  addNode(kind, position, name) {
    const { doc } = get();
    if (!doc) return undefined;
    const id = newNodeId(doc, kind);
    get().applyEdit((d) => addNodeToDoc(d, kind, { id, name, position }));
    return id;
  },

  updateNode(node, options) {
    const coalesceKey = options?.coalesceKey === undefined ? undefined : `node:${node.id}:${options.coalesceKey}`;
    get().applyEdit((d) => replaceNodeCarryingRenames(d, node), { coalesceKey });
  },

  moveNodes(positions, dragging) {
    const key = `move:${Object.keys(positions).sort().join(',')}`;
    get().applyEdit((d) => moveNodesInDoc(d, positions), { coalesceKey: key });
    if (!dragging) get().endCoalescing();
  },

  deleteElements(nodeIds, edgeIds) {
    if (nodeIds.length === 0 && edgeIds.length === 0) return;
    get().applyEdit((d) => {
      const doomed = new Set(nodeIds);
      const standalone = deriveEdges(d)
        .filter((edge) => edgeIds.includes(edge.id) && !doomed.has(edge.source) && !doomed.has(edge.target));
      let next = d;
      for (const edge of standalone) next = disconnectInDoc(next, edge.id);
      return nodeIds.length > 0 ? deleteNodesFromDoc(next, nodeIds) : next;
    });
    const { selectedNodeIds, selectedEdgeIds } = get();
    set({
      selectedNodeIds: selectedNodeIds.filter((id) => !nodeIds.includes(id)),
      selectedEdgeIds: selectedEdgeIds.filter((id) => !edgeIds.includes(id)),
    });
  },

  connect(sourceId, targetId) {
    const { doc } = get();
    if (!doc) return { ok: false, reason: 'No design is open' };
    const check = canConnect(doc, sourceId, targetId);
    if (check.ok) get().applyEdit((d) => connectInDoc(d, sourceId, targetId));
    return check;
  },

  setDesignInfo(info, options) {
    get().applyEdit((d) => ({ ...d, ...info }), options);
  },

  setViewport(viewport) {
    const { doc } = get();
    if (!doc) return;
    const current = doc.layout.viewport;
    if (current && current.x === viewport.x && current.y === viewport.y && current.zoom === viewport.zoom) return;
    set({ doc: { ...doc, layout: { ...doc.layout, viewport: { ...viewport } } } });
  },

  endCoalescing() {
    const { history } = get();
    if (history.lastEdit) set({ history: { ...history, lastEdit: null } });
  },

  undo() {
    if (editingPaused(get())) return;
    const { doc, history } = get();
    const step = doc && undoStep(history, doc);
    if (step) set({ ...step, ...selectionWithin(get(), step.doc) });
  },

  redo() {
    if (editingPaused(get())) return;
    const { doc, history } = get();
    const step = doc && redoStep(history, doc);
    if (step) set({ ...step, ...selectionWithin(get(), step.doc) });
  },
});

/** While nothing can be saved (full disk, lost database), edits are refused with a word why. */
function editingPaused(state: AppState): boolean {
  if (!state.storageReadOnly && !state.storageFault) return false;
  state.showToast('Editing is paused because nothing can be saved right now. Export keeps working; see the message at the top.');
  return true;
}

/** The selection restricted to nodes that exist in `doc` (after undo/redo some may be gone). */
function selectionWithin(state: { selectedNodeIds: string[] }, doc: FlowDocument) {
  return { selectedNodeIds: state.selectedNodeIds.filter((id) => findNode(doc, id)), selectedEdgeIds: [] };
}
