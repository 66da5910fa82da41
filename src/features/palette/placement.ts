import { findNode, type FlowDocument, type NodeKind, type Position } from '../../core';

/** A grid cell: a node at its widest plus a gap, so nodes placed on it never touch. */
export const PLACEMENT_CELL = { width: 270, height: 180 };

/** Where each kind lands around the view centre, in reading order: producer, event, consumer, projection. */
const KIND_COLUMN: Record<NodeKind, number> = { producer: -1.5, event: -0.5, consumer: 0.5, projection: 1.5 };

/**
 * Where a node added by a click goes: in its kind's column around `center` (the middle of the
 * view, in flow coordinates), on the free grid cell nearest to it, preferring to stack within the
 * column, so a new node never covers another and a fresh design reads left to right.
 */
export function placeNewNode(doc: FlowDocument, kind: NodeKind, center: Position): Position {
  const at = {
    x: Math.round(center.x + KIND_COLUMN[kind] * PLACEMENT_CELL.width - PLACEMENT_CELL.width / 2),
    y: Math.round(center.y - PLACEMENT_CELL.height / 2),
  };
  const taken = Object.entries(doc.layout.positions).filter(([id]) => findNode(doc, id)).map(([, p]) => p);
  const overlaps = (spot: Position) => taken.some((p) =>
    Math.abs(p.x - spot.x) < PLACEMENT_CELL.width && Math.abs(p.y - spot.y) < PLACEMENT_CELL.height);
  const cells: Position[] = [];
  for (let dx = -4; dx <= 4; dx++) for (let dy = -4; dy <= 4; dy++) cells.push({ x: dx, y: dy });
  cells.sort((a, b) => Math.hypot(a.x * 2, a.y) - Math.hypot(b.x * 2, b.y));
  for (const cell of cells) {
    const spot = { x: at.x + cell.x * PLACEMENT_CELL.width, y: at.y + cell.y * PLACEMENT_CELL.height };
    if (!overlaps(spot)) return spot;
  }
  return at;
}
