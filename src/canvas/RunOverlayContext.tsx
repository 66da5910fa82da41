import { createContext, useContext, useSyncExternalStore } from 'react';
import { RunOverlayStore, type RunBadge, type RunOverrides, type RunTransaction } from './runOverlayStore';

export type { RunOverrides } from './runOverlayStore';

/** The design-mode overlay: no badges, no active edges, no overrides (never updated). */
export const emptyRunOverlay = new RunOverlayStore();

/**
 * What a simulation run draws over the canvas. The run workspace provides a store and keeps it
 * up to date; outside a run the canvas gets the empty one.
 */
export const RunOverlayContext = createContext<RunOverlayStore>(emptyRunOverlay);

/** The live badges of one node; re-renders only when they change. */
export function useNodeRunBadges(nodeId: string): readonly RunBadge[] {
  const overlay = useContext(RunOverlayContext);
  return useSyncExternalStore(overlay.subscribe, () => overlay.badgesOf(nodeId));
}

/** What the run switched for a node against its design (undefined: as designed); re-renders only when that changes. */
export function useNodeRunOverrides(nodeId: string): RunOverrides | undefined {
  const overlay = useContext(RunOverlayContext);
  return useSyncExternalStore(overlay.subscribe, () => overlay.overridesOf(nodeId));
}

/** The last micro-step's transaction boundary (null: none); re-renders only when it changes. */
export function useRunTransaction(): RunTransaction | null {
  const overlay = useContext(RunOverlayContext);
  return useSyncExternalStore(overlay.subscribe, overlay.transactionNow);
}

/** Whether a message is travelling on this edge right now; re-renders only when that changes. */
export function useEdgeActive(edgeId: string): boolean {
  const overlay = useContext(RunOverlayContext);
  return useSyncExternalStore(overlay.subscribe, () => overlay.isEdgeActive(edgeId));
}
