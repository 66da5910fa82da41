import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAppStore } from '../state/store';
import { computeAutoLayout } from './autoLayout';
import { fitViewOptionsFor } from './fitViewOptions';
import type { MeasuredSize } from './nodeCache';

/** Lays the open design out left to right as one undoable step, then fits it into view. */
export function useAutoLayout(): () => Promise<void> {
  const { getNodes, fitView } = useReactFlow();
  return useCallback(async () => {
    const { doc } = useAppStore.getState();
    if (!doc) return;
    const sizes = new Map<string, MeasuredSize>();
    for (const node of getNodes()) {
      if (node.measured?.width && node.measured.height) sizes.set(node.id, { width: node.measured.width, height: node.measured.height });
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
  }, [getNodes, fitView]);
}
