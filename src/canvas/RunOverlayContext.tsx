import { createContext, useContext, type ReactNode } from 'react';

/**
 * What a simulation run draws over the canvas. The run workspace provides it; the editor's
 * nodes render `renderNodeBadges?.(nodeId)` and its edges light up when their id is active.
 */
export interface RunOverlay {
  /** Live badges for a node (outbox pending, inbox processed…); nothing when undefined. */
  renderNodeBadges?: (nodeId: string) => ReactNode;
  /** Ids of edges a message is travelling on right now (edge ids as in `deriveEdges`). */
  activeEdgeIds: ReadonlySet<string>;
  /** What the run switched for a node, against its design (its card shows the run's value, marked "run"). */
  overridesOf?: (nodeId: string) => RunOverrides | undefined;
}

/** A node's patterns as a run overrides them (only the switched ones are set). */
export interface RunOverrides {
  /** How it publishes in this run. */
  publish?: 'outbox' | 'dual-write' | 'publish-first';
  inbox?: boolean;
  emittedIds?: 'derived' | 'fresh';
  idempotencyKey?: boolean;
}

const noActiveEdges: ReadonlySet<string> = new Set();

/** The design-mode overlay: no badges, no active edges. */
export const emptyRunOverlay: RunOverlay = { activeEdgeIds: noActiveEdges };

export const RunOverlayContext = createContext<RunOverlay>(emptyRunOverlay);

/** The run overlay around the canvas (empty outside a run). */
export function useRunOverlay(): RunOverlay {
  return useContext(RunOverlayContext);
}
