import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode, ProducerView } from '../flowElements';
import { NodeFrame } from './NodeFrame';
import { PublishModeChip } from './PublishModeChip';

/** A producer: its aggregate, publish mode (OUTBOX / DUAL WRITE) and commands with what they emit. */
export const ProducerNode = memo(function ProducerNode({ id, data, selected }: NodeProps<CanvasNode>) {
  const { node, problemCount } = data;
  const view = data.view as ProducerView;
  if (node.kind !== 'producer') return null;
  return (
    <NodeFrame id={id} kind="producer" name={node.name} problemCount={problemCount} selected={selected}
      hasInput={false} hasOutput chips={<PublishModeChip mode={node.publishMode} nodeId={id} />}
      subtitle={<>aggregate <strong>{node.aggregate || '—'}</strong></>}>
      {view.commands.length === 0 ? <div className="flow-node__empty">No commands</div> : (
        <ul className="item-list">
          {view.commands.map((command) => (
            <li key={command.id}>
              <span className="item-list__head" title="Command">▸ {command.name}</span>
              {command.emits.map((eventName) => (
                <span key={eventName} className="item-list__detail">→ {eventName}</span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </NodeFrame>
  );
});
