import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createDesignsSlice, type DesignsSlice } from './designsSlice';
import { createSimulationSlice, type SimulationSlice } from './simulationSlice';

/** The whole app state: one bound store of typed slices. */
export type AppState = DocumentSlice & SelectionSlice & UiSlice & DesignsSlice & SimulationSlice;

/** The app store. Read it with the selectors of `selectors.ts` (declared at module scope). */
export const useAppStore = create<AppState>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createSelectionSlice(...a),
  ...createUiSlice(...a),
  ...createDesignsSlice(...a),
  ...createSimulationSlice(...a),
}));

// Autosave every change of the open design; loading another design is not a change.
useAppStore.subscribe((state, previous) => {
  if (state.doc && previous.doc && state.doc !== previous.doc && state.doc.id === previous.doc.id) {
    state.scheduleAutosave(state.doc);
  }
});
