import { useMemo, useRef } from 'react';
import type { Edge } from '@xyflow/react';
import type { FlowDocument } from '../core';
import { useAppStore } from '../state/store';
import { selectProblems, selectSelectedEdgeIds, selectSelectedNodeIds } from '../state/selectors';
import { canvasEdges, type CanvasNode } from './flowElements';
import { CanvasNodeCache, type MeasuredSize } from './nodeCache';

/** The React Flow nodes and edges of the open design, rebuilt only where something changed. */
export function useCanvasElements(doc: FlowDocument, measured: ReadonlyMap<string, MeasuredSize>): { nodes: CanvasNode[]; edges: Edge[] } {
  const selectedNodeIds = useAppStore(selectSelectedNodeIds);
  const selectedEdgeIds = useAppStore(selectSelectedEdgeIds);
  const problems = useAppStore(selectProblems);
  const cache = useRef<CanvasNodeCache | null>(null);

  const problemCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const problem of problems) {
      if (problem.nodeId) counts.set(problem.nodeId, (counts.get(problem.nodeId) ?? 0) + 1);
    }
    return counts;
  }, [problems]);

  const nodes = useMemo(() => {
    cache.current ??= new CanvasNodeCache();
    return cache.current.build(doc, new Set(selectedNodeIds), problemCounts, measured);
  }, [doc, selectedNodeIds, problemCounts, measured]);

  const edges = useMemo(() => canvasEdges(doc, new Set(selectedEdgeIds)), [doc, selectedEdgeIds]);
  return { nodes, edges };
}
