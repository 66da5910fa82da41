import { memo } from 'react';
import { BaseEdge, getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';

/** Shorter lines carry no label: it would cover the nodes' handles. */
const MIN_LABELLED_LENGTH = 90;
/** How far a bracket (both ends on the same side) stands off the cards. */
const BRACKET_OFFSET = 16;

/**
 * `extends`: a dashed line from an event type to its base; not selectable, not deletable.
 * Between stacked nodes both ends sit on the same side and the line is drawn as a bracket
 * beside the column, never through the cards in between (the nodes say "extends X" themselves).
 */
export const InheritanceEdge = memo(function InheritanceEdge(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const bracket = sourcePosition === targetPosition;
  const [path, labelX, labelY] = bracket
    ? getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, offset: BRACKET_OFFSET, borderRadius: 8 })
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} className="flow-edge flow-edge--extends" markerEnd="url(#arrow-extends)" />
      {!bracket && Math.hypot(targetX - sourceX, targetY - sourceY) > MIN_LABELLED_LENGTH && (
        <text x={labelX} y={labelY} className="flow-edge__label" textAnchor="middle" dy={-4}>extends</text>
      )}
    </>
  );
});
