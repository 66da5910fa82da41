/** Nodes whose left edges are this close share a column for the Tab order. */
export const COLUMN_TOLERANCE = 80;

interface Placed {
  id: string;
  x: number;
  y: number;
}

interface Connection {
  id: string;
  source: string;
  target: string;
}

/**
 * The Tab order of the canvas: every node first, by position — column by column from left to
 * right (a design flows left to right), top to bottom within a column — then every edge, in the
 * order of its source node, then of its target node. Pure.
 */
export function canvasTabOrder(nodes: readonly Placed[], edges: readonly Connection[]): string[] {
  const byX = [...nodes].sort((a, b) => a.x - b.x || a.y - b.y);
  const columns: Placed[][] = [];
  let columnX = Number.NEGATIVE_INFINITY;
  for (const node of byX) {
    if (node.x - columnX > COLUMN_TOLERANCE || columns.length === 0) {
      columns.push([]);
      columnX = node.x;
    }
    columns[columns.length - 1]!.push(node);
  }
  const nodeOrder = columns.flatMap((column) => column.sort((a, b) => a.y - b.y || a.x - b.x)).map((n) => n.id);
  const rank = new Map(nodeOrder.map((id, i) => [id, i]));
  const at = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const edgeOrder = [...edges].sort((a, b) => at(a.source) - at(b.source) || at(a.target) - at(b.target)).map((e) => e.id);
  return [...nodeOrder, ...edgeOrder];
}
