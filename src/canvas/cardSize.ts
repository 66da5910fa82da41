import { Position, type NodeHandle } from '@xyflow/react';
import type { FlowNode } from '../core';
import type { NodeView } from './flowElements';
import type { MeasuredSize } from './nodeCache';

/** Header (kind row, name, subtitle) and body padding of a card, and one listed line, in px. */
const HEADER = 62;
const BODY_PADDING = 16;
const LINE = 18;
const WIDTH = 240;
/** The connection handles: 12 px dots centred on the card's left and right edges (canvas.css). */
const HANDLE = 12;

function lines(view: NodeView, node: FlowNode): number {
  switch (view.kind) {
    case 'event': return Math.max(1, view.fields.length);
    case 'producer': return Math.max(1, view.commands.reduce((n, c) => n + 1 + c.emits.length, 0));
    case 'consumer': return Math.max(1, view.handlers.reduce((n, h) => n + 1 + h.effects.length + h.emits.length, 0));
    case 'projection': return node.kind === 'projection' ? Math.max(1, node.columns.length) : 1;
  }
}

/**
 * A card's size before it was ever drawn (a large design draws only what is on screen): React Flow
 * uses it for the nodes it has not measured yet — fitting the view, the minimap, which nodes are
 * visible. Close, not exact; the real size replaces it once the card is drawn. Pure.
 */
export function estimateCardSize(view: NodeView, node: FlowNode): MeasuredSize {
  return { width: WIDTH, height: HEADER + BODY_PADDING + lines(view, node) * LINE };
}

/**
 * Where a card's handles are, for a card React Flow has not drawn: its edges can then be drawn to
 * it all the same. The same places canvas.css gives the real handles. Pure.
 */
export function estimatedHandles(kind: FlowNode['kind'], size: MeasuredSize): NodeHandle[] {
  const y = size.height / 2 - HANDLE / 2;
  const handles: NodeHandle[] = [];
  if (kind !== 'producer') handles.push({ id: 'in', type: 'target', position: Position.Left, x: -HANDLE / 2, y, width: HANDLE, height: HANDLE });
  if (kind !== 'projection') handles.push({ id: 'out', type: 'source', position: Position.Right, x: size.width - HANDLE / 2, y, width: HANDLE, height: HANDLE });
  return handles;
}
