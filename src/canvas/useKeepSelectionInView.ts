import { useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAppStore } from '../state/store';
import { selectSelectedNodeIds } from '../state/selectors';

const MARGIN = 24;

/**
 * Selecting a node opens the side panel, which narrows the canvas; this pans just enough
 * that the selected node stays in view instead of hiding under the panel.
 */
export function useKeepSelectionInView(container: RefObject<HTMLElement | null>): void {
  const selected = useAppStore(selectSelectedNodeIds);
  const { getInternalNode, getViewport, setViewport } = useReactFlow();
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
      if (dx !== 0 || dy !== 0) void setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
    }));
    return () => cancelAnimationFrame(frame);
  }, [only, container, getInternalNode, getViewport, setViewport]);
}
