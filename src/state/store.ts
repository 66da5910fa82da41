import { create } from 'zustand';
import { createDesignsPersistence, estimateStorage } from '../persistence/designs';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createDesignsSlice, type DesignsSlice } from './designs/designsSlice';
import type { DesignsDeps } from './designs/designTypes';
import { createSimulationSlice, type SimulationSlice } from './simulationSlice';
import { fetchExampleDesign } from './exampleDesign';
import { createBaselineCheckSlice, type BaselineCheckSlice } from './baselineCheckSlice';
import { hasBaselineCheck } from '../core';

/** The whole app state: one bound store of typed slices. */
export type AppState = DocumentSlice & SelectionSlice & UiSlice & DesignsSlice & SimulationSlice & BaselineCheckSlice;

/** The app's own dependencies: its IndexedDB databases, created on first use. */
const appDeps: DesignsDeps = {
  persistence: () => createDesignsPersistence(),
  // Loaded on use: the simulation engine is not part of the first visit.
  deleteRun: async (designId) => (await import('../persistence/simulation')).openSimulationEngine().deleteRun(designId),
  fetchExample: fetchExampleDesign,
  estimateStorage,
  now: () => Date.now(),
};

/**
 * Builds an app store. The app has one (`useAppStore`); a test builds its own with its own
 * database (`createAppStore({ persistence: () => createDesignsPersistence({ dbName }) })`).
 */
export function createAppStore(deps: Partial<DesignsDeps> = {}) {
  const all: DesignsDeps = { ...appDeps, ...deps };
  const store = create<AppState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
    ...createDesignsSlice(all)(...a),
    ...createSimulationSlice(...a),
    ...createBaselineCheckSlice(...a),
  }));
  // A design with a baseline (after an export, or a chosen comparison) loads the baseline check.
  store.subscribe((state) => {
    if (state.doc && state.baselineCheck === null && hasBaselineCheck(state.doc)) void state.loadBaselineCheck();
  });
  return store;
}

/** The app store. Read it with the selectors of `selectors.ts` (declared at module scope). */
export const useAppStore = createAppStore();
