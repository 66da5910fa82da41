import { memo } from 'react';
import { BaseEdge, getBezierPath, getSmoothStepPath, Position, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { extendsAnchors, type Box, type Side } from './extendsAnchors';

/** Shorter lines carry no label: it would cover the nodes' handles. */
const MIN_LABELLED_LENGTH = 90;
/** How far a bracket (both ends on the same side) stands off the cards. */
const BRACKET_OFFSET = 16;
const POSITION: Record<Side, Position> = { left: Position.Left, right: Position.Right };

const boxOf = (node: InternalNode): Box => ({
  ...node.internals.positionAbsolute,
  width: node.measured.width ?? 0,
  height: node.measured.height ?? 0,
});

/**
 * `extends`: a dashed line from an event type to its base; not selectable, not deletable.
 * Its ends are computed from the two cards' boxes (see extendsAnchors), not from handles.
 * Between stacked nodes both ends sit on the same side and the line is drawn as a bracket
 * beside the column, never through the cards in between (the nodes say "extends X" themselves).
 */
export const InheritanceEdge = memo(function InheritanceEdge({ id, source, target }: EdgeProps) {
  const child = useInternalNode(source);
  const base = useInternalNode(target);
  if (!child || !base) return null;
  const { source: from, target: to } = extendsAnchors(boxOf(child), boxOf(base));
  const bracket = from.side === to.side;
  const geometry = {
    sourceX: from.x, sourceY: from.y, targetX: to.x, targetY: to.y,
    sourcePosition: POSITION[from.side], targetPosition: POSITION[to.side],
  };
  const [path, labelX, labelY] = bracket
    ? getSmoothStepPath({ ...geometry, offset: BRACKET_OFFSET, borderRadius: 8 })
    : getBezierPath(geometry);
  return (
    <>
      <BaseEdge id={id} path={path} className="flow-edge flow-edge--extends" markerEnd="url(#arrow-extends)" />
      {!bracket && Math.hypot(to.x - from.x, to.y - from.y) > MIN_LABELLED_LENGTH && (
        <text x={labelX} y={labelY} className="flow-edge__label" textAnchor="middle" dy={-4}>extends</text>
      )}
    </>
  );
});
