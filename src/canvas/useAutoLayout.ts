import { useCallback } from 'react';
import { useReactFlow, type Node } from '@xyflow/react';
import type { NodeKind } from '../core';
import { useAppStore } from '../state/store';
import { computeAutoLayout } from './autoLayout';
import { fitViewOptionsFor } from './fitViewOptions';
import type { MeasuredSize } from './nodeCache';
import { runBadgeReserve } from './runBadgeReserve';

/** The run badges a card shows now (0 outside a run): laid out in place of the reserve, not besides it. */
function badgeStripHeight(node: Node): number {
  const strip = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(node.id)}"] .flow-node__badges`);
  return strip?.offsetHeight ?? 0;
}

/**
 * Lays the open design out left to right as one undoable step, then fits it into view. Each card
 * counts with the room its run badges can take (runBadgeReserve), in design mode as in run mode.
 */
export function useAutoLayout(): () => Promise<void> {
  const { getNodes, getInternalNode, fitView } = useReactFlow();
  return useCallback(async () => {
    const { doc } = useAppStore.getState();
    if (!doc) return;
    const sizes = new Map<string, MeasuredSize>();
    const instances = new Map(doc.consumers.map((c) => [c.id, c.instances]));
    for (const node of getNodes()) {
      // The measured size lives on React Flow's node; a node never drawn has its estimate.
      const measured = getInternalNode(node.id)?.measured;
      const width = measured?.width ?? node.initialWidth;
      const height = measured?.height ?? node.initialHeight;
      if (!width || !height) continue;
      const card = height - badgeStripHeight(node);
      sizes.set(node.id, { width, height: card + runBadgeReserve(node.type as NodeKind, instances.get(node.id)) });
    }
    try {
      const positions = await computeAutoLayout(doc, sizes);
      const state = useAppStore.getState();
      if (state.doc?.id !== doc.id) return;
      state.moveNodes(positions, false);
      requestAnimationFrame(() => void fitView({ ...fitViewOptionsFor(state.mode), duration: 300 }));
    } catch (error) {
      useAppStore.getState().showToast(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [getNodes, getInternalNode, fitView]);
}
