import { getOwn, type FlowDocument, type FlowNode, type Position } from '../core';
import { estimateCardSize, estimatedHandles } from './cardSize';
import { indexNodes, nodeAriaLabel, nodeView, type CanvasNode, type FlowNodeData, type NodeIndex, type NodeView } from './flowElements';
import { nodeListsOf, sameNodeLists, type NodeLists } from './nodeLists';

export interface MeasuredSize {
  width: number;
  height: number;
}

/** What a node shows, resolved against the design; rebuilt only when the node lists change. */
interface Content {
  node: FlowNode;
  view: NodeView;
  /** The view as text: a view that reads the same keeps its object. */
  signature: string;
}

const ORIGIN: Position = { x: 0, y: 0 };

/**
 * Builds the React Flow nodes of a design, keeping the object of every node whose visible inputs
 * did not change, so React Flow re-renders only the nodes that really changed:
 * - content (the node and its view: names, fields, commands) is resolved through an id → node
 *   index once per change of the node lists; a drag, which changes only the layout, resolves nothing;
 * - a node gets a new object only when its content, position, selection or problem count changed;
 * - measured sizes are remembered, not rendered: React Flow keeps them on its own nodes, and a node
 *   object built later carries the last size so React Flow does not measure it again;
 * - a node never measured (on a large design only what is on screen is drawn) carries an estimated
 *   size and handles, so that React Flow can fit, show in the minimap and connect it undrawn.
 */
export class CanvasNodeCache {
  private lists: NodeLists | undefined;
  private index: NodeIndex = new Map();
  private content = new Map<string, Content>();
  private nodes = new Map<string, CanvasNode>();
  private list: CanvasNode[] = [];
  private readonly measured = new Map<string, MeasuredSize>();

  /** The id → node index of the design last built (valid until its node lists change). */
  nodeIndex(doc: FlowDocument): NodeIndex {
    this.refreshContent(doc);
    return this.index;
  }

  /** React Flow measured a node. Changes no node object (and so renders nothing). */
  rememberSize(id: string, size: MeasuredSize): void {
    this.measured.set(id, size);
  }

  build(doc: FlowDocument, selected: ReadonlySet<string>, problemCounts: ReadonlyMap<string, number>): CanvasNode[] {
    this.refreshContent(doc);
    const next = new Map<string, CanvasNode>();
    const list: CanvasNode[] = [];
    let changed = this.content.size !== this.nodes.size;
    for (const [id, content] of this.content) {
      const previous = this.nodes.get(id);
      const position = getOwn(doc.layout.positions, id) ?? ORIGIN;
      const isSelected = selected.has(id);
      const problemCount = problemCounts.get(id) ?? 0;
      const data = previous?.data.node === content.node && previous.data.view === content.view && previous.data.problemCount === problemCount
        ? previous.data
        : { node: content.node, view: content.view, problemCount } satisfies FlowNodeData;
      const same = previous !== undefined && previous.data === data && previous.selected === isSelected
        && previous.position.x === position.x && previous.position.y === position.y;
      const node = same ? previous : this.nodeObject(id, content.node, position, data, isSelected);
      changed ||= node !== previous;
      next.set(id, node);
      list.push(node);
    }
    this.nodes = next;
    if (changed) this.list = list;
    return this.list;
  }

  private nodeObject(id: string, node: FlowNode, position: Position, data: FlowNodeData, selected: boolean): CanvasNode {
    const size = this.measured.get(id);
    const base = { id, type: node.kind, position, data, selected, ariaLabel: nodeAriaLabel(node) };
    if (size) return { ...base, measured: size };
    const estimate = estimateCardSize(data.view, node);
    return { ...base, initialWidth: estimate.width, initialHeight: estimate.height, handles: estimatedHandles(node.kind, estimate) };
  }

  private refreshContent(doc: FlowDocument): void {
    const lists = nodeListsOf(doc);
    if (sameNodeLists(this.lists, lists)) return;
    this.lists = lists;
    this.index = indexNodes(doc);
    const next = new Map<string, Content>();
    for (const node of this.index.values()) {
      const view = nodeView(doc, node, this.index);
      const signature = JSON.stringify(view);
      const previous = this.content.get(node.id);
      next.set(node.id, previous && previous.signature === signature
        ? { node, view: previous.view, signature }
        : { node, view, signature });
    }
    this.content = next;
    for (const id of this.measured.keys()) if (!next.has(id)) this.measured.delete(id);
  }
}
