import type { SliceCreator } from './sliceTypes';

export type EditorMode = 'design' | 'run';
export type ToastTone = 'error' | 'info';
/**
 * What the save indicator says: all stored, waiting, being stored, failed (other reasons),
 * refused because another tab changed or deleted the design, the disk is full, or the database
 * went away.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'conflict' | 'read-only' | 'offline';
/** A modal layer over the editor that actions open: the command palette or the shortcuts help. */
export type Overlay = 'palette' | 'shortcuts';

/** View state of the editor shell (never saved with the design). */
export interface UiSlice {
  mode: EditorMode;
  toast: { id: number; message: string; tone: ToastTone } | null;
  /** A request to select and center a node on the canvas (the problems list makes these). */
  focusRequest: { nodeId: string; seq: number } | null;
  sidePanel: 'inspector' | 'problems';
  /** The side panel stays open without a selection (the user opened it). */
  panelPinned: boolean;
  saveState: SaveState;
  overlay: Overlay | null;
  setMode(mode: EditorMode): void;
  /** Opens the command palette or the shortcuts help (null closes it). */
  setOverlay(overlay: Overlay | null): void;
  showToast(message: string, tone?: ToastTone): void;
  dismissToast(): void;
  focusNode(nodeId: string): void;
  /** Shows a tab of the side panel and keeps the panel open. */
  setSidePanel(panel: UiSlice['sidePanel']): void;
  setPanelPinned(pinned: boolean): void;
  setSaveState(state: SaveState): void;
}

let toastSeq = 0;

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  mode: 'design',
  toast: null,
  focusRequest: null,
  sidePanel: 'inspector',
  panelPinned: false,
  saveState: 'saved',
  overlay: null,
  setMode(mode) {
    set({ mode });
  },
  setOverlay(overlay) {
    set({ overlay });
  },
  showToast(message, tone = 'error') {
    set({ toast: { id: ++toastSeq, message, tone } });
  },
  dismissToast() {
    set({ toast: null });
  },
  focusNode(nodeId) {
    set({ focusRequest: { nodeId, seq: (get().focusRequest?.seq ?? 0) + 1 }, selectedNodeIds: [nodeId], selectedEdgeIds: [] });
  },
  setSidePanel(sidePanel) {
    set({ sidePanel, panelPinned: true });
  },
  setPanelPinned(panelPinned) {
    set({ panelPinned });
  },
  setSaveState(saveState) {
    if (get().saveState !== saveState) set({ saveState });
  },
});
