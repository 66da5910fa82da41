import { useCallback } from 'react';
import type { FlowNode } from '../../core';
import { useAppStore } from '../../state/store';

/**
 * Returns `update(next, key?)` for the inspector: replaces the node in the design as an
 * undoable edit; edits with the same key in a quick burst (typing) become one undo step.
 */
export function useNodeUpdater<T extends FlowNode>(node: T): (next: T, coalesceKey?: string) => void {
  const updateNode = useAppStore((s) => s.updateNode);
  return useCallback(
    (next: T, coalesceKey?: string) => updateNode(next, coalesceKey ? { coalesceKey: `${node.id}:${coalesceKey}` } : undefined),
    [updateNode, node.id],
  );
}
