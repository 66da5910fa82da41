import { allNodes, deriveEdges, setOwn, type FlowDocument, type Position } from '../core';
import type { MeasuredSize } from './nodeCache';
import { runBadgeReserve } from './runBadgeReserve';

/** A card not measured yet (e.g. never rendered): a typical card, with room for its run badges. */
const DEFAULT_CARD: MeasuredSize = { width: 240, height: 140 };

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'false',
};

/**
 * Left-to-right positions for every node, computed by ELK's layered algorithm from the
 * semantic edges (emits, subscribes, updates) and `extends`, with each node's measured size.
 * ELK is loaded on first use, so it stays out of the main bundle.
 */
export async function computeAutoLayout(
  doc: FlowDocument,
  sizes: ReadonlyMap<string, MeasuredSize>,
): Promise<Record<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const nodes = allNodes(doc);
  const semantic = deriveEdges(doc).map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] }));
  // A base type sits before the types that extend it, like a producer before what it emits.
  const inheritance = doc.eventTypes
    .filter((event) => event.extends !== undefined && nodes.some((n) => n.id === event.extends))
    .map((event) => ({ id: `extends:${event.id}`, sources: [event.extends as string], targets: [event.id] }));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: nodes.map((node) => ({
      id: node.id,
      ...(sizes.get(node.id) ?? { ...DEFAULT_CARD, height: DEFAULT_CARD.height + runBadgeReserve(node.kind, node.kind === 'consumer' ? node.instances : undefined) }),
    })),
    edges: [...semantic, ...inheritance],
  });
  const positions: Record<string, Position> = {};
  for (const child of graph.children ?? []) {
    setOwn(positions, child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}
