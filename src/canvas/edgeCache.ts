import type { Edge } from '@xyflow/react';
import { deriveEdges, type EdgeKind, type FlowDocument } from '../core';
import { nameIn, type NodeIndex } from './flowElements';
import { nodeListsOf, sameNodeLists, type NodeLists } from './nodeLists';

const EDGE_VERB: Record<EdgeKind, string> = { emits: 'emits', subscribes: 'is consumed by', updates: 'updates' };

/** What an edge shows; an edge whose signature did not change keeps its object. */
const signatureOf = (edge: Edge) => `${edge.type}|${edge.source}|${edge.target}|${edge.ariaLabel}|${edge.selected === true}`;

/**
 * The canvas edges of a design: the derived semantic edges plus dashed, inert `extends` edges.
 * Edges do not depend on where nodes sit (the `extends` edge finds its ends when drawn), so a drag
 * rebuilds nothing here; an edit or a selection rebuilds the edges that changed and keeps the
 * objects of all others, so React Flow re-renders only those (and, on a move, the moved node's own).
 */
export class CanvasEdgeCache {
  private lists: NodeLists | undefined;
  private selected: readonly string[] | undefined;
  private byId = new Map<string, { signature: string; edge: Edge }>();
  private edges: Edge[] = [];

  build(doc: FlowDocument, index: NodeIndex, selectedEdgeIds: readonly string[]): Edge[] {
    const lists = nodeListsOf(doc);
    if (sameNodeLists(this.lists, lists) && this.selected === selectedEdgeIds) return this.edges;
    this.lists = lists;
    this.selected = selectedEdgeIds;
    const selected = new Set(selectedEdgeIds);
    const next = new Map<string, { signature: string; edge: Edge }>();
    let changed = false;
    const keep = (edge: Edge): Edge => {
      const signature = signatureOf(edge);
      const previous = this.byId.get(edge.id);
      const entry = previous?.signature === signature ? previous : { signature, edge };
      changed ||= entry !== previous;
      next.set(edge.id, entry);
      return entry.edge;
    };
    const inheritance = doc.eventTypes
      .filter((event) => event.extends !== undefined && index.has(event.extends))
      .map((event) => keep({
        id: `extends:${event.id}->${event.extends}`,
        source: event.id,
        target: event.extends as string,
        type: 'inheritance',
        selectable: false,
        deletable: false,
        focusable: false,
        ariaLabel: `${event.name} extends ${nameIn(index, event.extends as string)}`,
      }));
    const semantic = deriveEdges(doc).map((edge) => keep({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: 'out',
      targetHandle: 'in',
      type: 'flow',
      data: { kind: edge.kind },
      selected: selected.has(edge.id),
      ariaLabel: `${nameIn(index, edge.source)} ${EDGE_VERB[edge.kind]} ${nameIn(index, edge.target)}`,
    }));
    changed ||= next.size !== this.byId.size;
    this.byId = next;
    if (changed) this.edges = [...inheritance, ...semantic];
    return this.edges;
  }
}
