import { allNodes, getOwn, type FlowDocument } from '../core';
import { nodeAriaLabel, nodeView, type CanvasNode } from './flowElements';

export interface MeasuredSize {
  width: number;
  height: number;
}

interface CacheEntry {
  signature: string;
  node: CanvasNode;
}

/**
 * Builds the canvas nodes from the document, reusing the previous object of every node whose
 * inputs did not change: React Flow re-renders only the nodes that really changed.
 */
export class CanvasNodeCache {
  private entries = new Map<string, CacheEntry>();

  build(
    doc: FlowDocument,
    selected: ReadonlySet<string>,
    problemCounts: ReadonlyMap<string, number>,
    measured: ReadonlyMap<string, MeasuredSize>,
  ): CanvasNode[] {
    const next = new Map<string, CacheEntry>();
    const nodes = allNodes(doc).map((node) => {
      const view = nodeView(doc, node);
      const position = getOwn(doc.layout.positions, node.id) ?? { x: 0, y: 0 };
      const size = measured.get(node.id);
      const isSelected = selected.has(node.id);
      const problemCount = problemCounts.get(node.id) ?? 0;
      const previous = this.entries.get(node.id);
      // Identity of the domain node and position, plus the resolved view as text: cheap and exact.
      const signature = JSON.stringify([view, isSelected, problemCount, size, position.x, position.y]);
      if (previous && previous.node.data.node === node && previous.signature === signature) {
        next.set(node.id, previous);
        return previous.node;
      }
      const canvasNode: CanvasNode = {
        id: node.id,
        type: node.kind,
        position,
        data: { node, view, problemCount },
        selected: isSelected,
        ariaLabel: nodeAriaLabel(node),
        ...(size ? { measured: size } : {}),
      };
      next.set(node.id, { signature, node: canvasNode });
      return canvasNode;
    });
    this.entries = next;
    return nodes;
  }
}
