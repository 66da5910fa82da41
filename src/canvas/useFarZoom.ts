import { useStore, type ReactFlowState } from '@xyflow/react';

/**
 * Below this zoom a card's text is a few pixels high: nobody reads it, yet the browser paints every
 * glyph of every card on each frame of a drag or pan. The canvas then shows the cards' frames and
 * names only (same sizes, so nothing moves), and their full content again when zoomed in.
 */
export const FAR_ZOOM = 0.4;

const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/** True while the canvas is zoomed out below FAR_ZOOM. */
export function useFarZoom(): boolean {
  return useStore(isFar);
}
