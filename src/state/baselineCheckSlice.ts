import type { FlowDocument, Problem } from '../core';
import type { SliceCreator } from './sliceTypes';

/** The comparison of a design's contracts with its baseline (see `baselineProblems` in the core). */
export type BaselineCheck = (doc: FlowDocument) => Problem[];

/**
 * The baseline comparison of the problems list, loaded on first need: it brings the contract
 * planning of the exporters and the compatibility rules, which a first visit never needs (a design
 * has a baseline only after an export or a chosen comparison). Version-history problems need none
 * of it and are always there.
 */
export interface BaselineCheckSlice {
  /** The loaded comparison; null until a design with a baseline asks for it. */
  baselineCheck: BaselineCheck | null;
  /** Loads the comparison once (later calls share the first load). */
  loadBaselineCheck(): Promise<void>;
}

let loading: Promise<void> | undefined;

export const createBaselineCheckSlice: SliceCreator<BaselineCheckSlice> = (set, get) => ({
  baselineCheck: null,
  loadBaselineCheck() {
    loading ??= import('../core/evolution/evolutionProblems').then(
      ({ baselineProblems }) => set({ baselineCheck: baselineProblems }),
      (error: unknown) => {
        get().showToast(`The compatibility check could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return loading;
  },
});
