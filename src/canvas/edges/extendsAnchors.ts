/** A node's box in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Side = 'left' | 'right';

export interface Anchor {
  x: number;
  y: number;
  side: Side;
}

/** Where an `extends` line meets a card: level with the header, on its left or right edge. */
export const EXTENDS_ANCHOR_Y = 26;

const OPPOSITE: Record<Side, Side> = { left: 'right', right: 'left' };

const anchorOn = (box: Box, side: Side): Anchor => ({
  x: side === 'left' ? box.x : box.x + box.width,
  y: box.y + Math.min(EXTENDS_ANCHOR_Y, box.height / 2),
  side,
});

/**
 * Where an `extends` line from an event type (`child`) to its base attaches. Side by side: the
 * sides that face each other. Stacked (one above the other): both right sides, so the line runs as
 * a bracket in the gap beside the column instead of through the cards between a base and its lower
 * children. Computed from the boxes when drawn, so the cards need no anchor handles. Pure.
 */
export function extendsAnchors(child: Box, base: Box): { source: Anchor; target: Anchor } {
  const dx = base.x - child.x;
  const dy = base.y - child.y;
  if (Math.abs(dy) * 1.5 >= Math.abs(dx)) return { source: anchorOn(child, 'right'), target: anchorOn(base, 'right') };
  const side: Side = dx < 0 ? 'left' : 'right';
  return { source: anchorOn(child, side), target: anchorOn(base, OPPOSITE[side]) };
}
