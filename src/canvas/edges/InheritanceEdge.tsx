import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';

/** Shorter lines carry no label: it would cover the nodes' handles. */
const MIN_LABELLED_LENGTH = 90;

/** `extends`: a dashed line from an event type to its base; not selectable, not deletable. */
export const InheritanceEdge = memo(function InheritanceEdge(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} className="flow-edge flow-edge--extends" markerEnd="url(#arrow-extends)" />
      {Math.hypot(targetX - sourceX, targetY - sourceY) > MIN_LABELLED_LENGTH && (
        <text x={labelX} y={labelY} className="flow-edge__label" textAnchor="middle" dy={-4}>extends</text>
      )}
    </>
  );
});
