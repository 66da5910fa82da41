import { useCallback } from 'react';
import { replaceNodeCarryingRenames, type FlowNode } from '../../core';
import { useAppStore } from '../../state/store';

/**
 * Returns `update(next, key?)` for the inspector: replaces the node in the design as an
 * undoable edit; edits with the same key in a quick burst (typing) become one undo step.
 * Renaming a field, column or command input carries the new name to what read the old one.
 */
export function useNodeUpdater<T extends FlowNode>(node: T): (next: T, coalesceKey?: string) => void {
  const applyEdit = useAppStore((s) => s.applyEdit);
  return useCallback(
    (next: T, coalesceKey?: string) => applyEdit(
      (doc) => replaceNodeCarryingRenames(doc, next),
      coalesceKey ? { coalesceKey: `${node.id}:${coalesceKey}` } : undefined,
    ),
    [applyEdit, node.id],
  );
}
