import { useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAppStore } from '../state/store';
import { selectSelectedNodeIds } from '../state/selectors';

const MARGIN = 24;
/** Below this zoom a card's text stops being readable: the view pans instead of zooming out further. */
const READABLE_ZOOM = 0.6;

/**
 * Selecting a node opens the side panel, which narrows the canvas; this keeps the selected node in
 * view instead of hiding under the panel. When the whole design still fits at a readable zoom it
 * zooms out to show all of it (so building a design node by node never pushes the first nodes
 * off screen); otherwise it pans just enough.
 */
export function useKeepSelectionInView(container: RefObject<HTMLElement | null>): void {
  const selected = useAppStore(selectSelectedNodeIds);
  const { getInternalNode, getViewport, setViewport, getNodes, getNodesBounds, fitView } = useReactFlow();
  const only = selected.length === 1 ? selected[0] : undefined;
  useEffect(() => {
    if (!only) return undefined;
    // Wait for the panel to open and the canvas to take its new size.
    const frame = requestAnimationFrame(() => requestAnimationFrame(() => {
      const node = getInternalNode(only);
      const box = container.current?.getBoundingClientRect();
      if (!node || !box) return;
      const { x, y, zoom } = getViewport();
      const left = x + node.internals.positionAbsolute.x * zoom;
      const top = y + node.internals.positionAbsolute.y * zoom;
      const right = left + (node.measured.width ?? 0) * zoom;
      const bottom = top + (node.measured.height ?? 0) * zoom;
      const dx = right > box.width - MARGIN ? box.width - MARGIN - right : left < MARGIN ? MARGIN - left : 0;
      const dy = bottom > box.height - MARGIN && top > MARGIN ? Math.max(box.height - MARGIN - bottom, MARGIN - top) : top < 0 ? MARGIN - top : 0;
      if (dx === 0 && dy === 0) return;
      const all = getNodesBounds(getNodes());
      const fitZoom = Math.min(zoom, (box.width - 2 * MARGIN) / all.width, (box.height - 2 * MARGIN) / all.height);
      if (fitZoom >= READABLE_ZOOM) void fitView({ maxZoom: zoom, padding: MARGIN / Math.min(box.width, box.height), duration: 200, includeHiddenNodes: true });
      else void setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
    }));
    return () => cancelAnimationFrame(frame);
  }, [only, container, getInternalNode, getViewport, setViewport, getNodes, getNodesBounds, fitView]);
}
