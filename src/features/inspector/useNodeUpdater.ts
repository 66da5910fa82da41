import { useCallback } from 'react';
import type { FlowNode } from '../../core';
import { useAppStore } from '../../state/store';

/**
 * Returns `update(next, key?)` for the inspector: the store's `updateNode`, the one edit path of
 * the inspector (renames carried to what read the old name; a typing burst with one key is one
 * undo step — unit-tested in src/state/documentSlice.test.ts).
 */
export function useNodeUpdater<T extends FlowNode>(_node: T): (next: T, coalesceKey?: string) => void {
  const updateNode = useAppStore((s) => s.updateNode);
  return useCallback(
    (next: T, coalesceKey?: string) => updateNode(next, coalesceKey === undefined ? undefined : { coalesceKey }),
    [updateNode],
  );
}
