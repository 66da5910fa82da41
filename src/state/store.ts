import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createDesignsSlice, type DesignsSlice } from './designsSlice';
import { createSimulationSlice, type SimulationSlice } from './simulationSlice';
import { createBaselineCheckSlice, type BaselineCheckSlice } from './baselineCheckSlice';
import { hasBaselineCheck } from '../core';

/** The whole app state: one bound store of typed slices. */
export type AppState = DocumentSlice & SelectionSlice & UiSlice & DesignsSlice & SimulationSlice & BaselineCheckSlice;

/** The app store. Read it with the selectors of `selectors.ts` (declared at module scope). */
export const useAppStore = create<AppState>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createSelectionSlice(...a),
  ...createUiSlice(...a),
  ...createDesignsSlice(...a),
  ...createSimulationSlice(...a),
  ...createBaselineCheckSlice(...a),
}));

// Autosave every change of the open design; loading another design is not a change.
useAppStore.subscribe((state, previous) => {
  if (state.doc && previous.doc && state.doc !== previous.doc && state.doc.id === previous.doc.id) {
    state.scheduleAutosave(state.doc);
  }
});

// A design with a baseline (after an export, or a chosen comparison) loads the baseline check.
useAppStore.subscribe((state) => {
  if (state.doc && state.baselineCheck === null && hasBaselineCheck(state.doc)) void state.loadBaselineCheck();
});
