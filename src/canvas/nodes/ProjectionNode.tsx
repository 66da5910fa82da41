import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../flowElements';
import { NodeFrame } from './NodeFrame';

/** A projection (read model): its key and columns. */
export const ProjectionNode = memo(function ProjectionNode({ id, data, selected }: NodeProps<CanvasNode>) {
  const { node, problemCount } = data;
  if (node.kind !== 'projection') return null;
  return (
    <NodeFrame id={id} kind="projection" name={node.name} problemCount={problemCount} selected={selected}
      hasInput hasOutput={false} subtitle={<>key <strong>{node.key || '—'}</strong></>}>
      {node.columns.length === 0 ? <div className="flow-node__empty">No columns</div> : (
        <ul className="field-list">
          {node.columns.map((column) => (
            <li key={column.name}>
              <span className="field-list__name">
                {column.name === node.key && <span className="key-badge" title="Key column">key</span>}
                {column.name}
              </span>
              <span className="field-list__type">{column.type}</span>
            </li>
          ))}
        </ul>
      )}
    </NodeFrame>
  );
});
