import { useMemo, useState } from 'react';
import type { Edge } from '@xyflow/react';
import type { FlowDocument } from '../core';
import { useAppStore } from '../state/store';
import { selectProblems, selectSelectedEdgeIds, selectSelectedNodeIds } from '../state/selectors';
import type { CanvasNode } from './flowElements';
import { CanvasEdgeCache } from './edgeCache';
import { CanvasNodeCache } from './nodeCache';

export interface CanvasElements {
  nodes: CanvasNode[];
  edges: Edge[];
  /** Keeps React Flow's measured size of a node for the node objects built later; renders nothing. */
  rememberSize: CanvasNodeCache['rememberSize'];
}

/** The React Flow nodes and edges of the open design, rebuilt only where something changed. */
export function useCanvasElements(doc: FlowDocument): CanvasElements {
  const selectedNodeIds = useAppStore(selectSelectedNodeIds);
  const selectedEdgeIds = useAppStore(selectSelectedEdgeIds);
  const problems = useAppStore(selectProblems);
  const [caches] = useState(() => {
    const nodeCache = new CanvasNodeCache();
    return { nodes: nodeCache, edges: new CanvasEdgeCache(), rememberSize: nodeCache.rememberSize.bind(nodeCache) };
  });

  const problemCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const problem of problems) {
      if (problem.nodeId) counts.set(problem.nodeId, (counts.get(problem.nodeId) ?? 0) + 1);
    }
    return counts;
  }, [problems]);
  const selectedNodes = useMemo(() => new Set(selectedNodeIds), [selectedNodeIds]);

  const nodes = useMemo(() => caches.nodes.build(doc, selectedNodes, problemCounts), [caches, doc, selectedNodes, problemCounts]);
  const edges = useMemo(() => caches.edges.build(doc, caches.nodes.nodeIndex(doc), selectedEdgeIds), [caches, doc, selectedEdgeIds]);
  return { nodes, edges, rememberSize: caches.rememberSize };
}
