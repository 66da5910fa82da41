import { memo } from 'react';
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { EdgeKind } from '../../core';
import { useEdgeActive } from '../RunOverlayContext';

export type SemanticEdgeType = Edge<{ kind: EdgeKind }, 'flow'>;

/** emits / subscribes / updates, coloured by kind; animated while a run moves a message on it. */
export const SemanticEdge = memo(function SemanticEdge(props: EdgeProps<SemanticEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data } = props;
  const active = useEdgeActive(id);
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const kind = data?.kind ?? 'emits';
  const className = `flow-edge flow-edge--${kind}${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`;
  return (
    <BaseEdge id={id} path={path} className={className} markerEnd={`url(#arrow-${active ? 'active' : kind})`}
      interactionWidth={16} />
  );
});
