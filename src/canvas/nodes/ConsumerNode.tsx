import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode, ConsumerView } from '../flowElements';
import { NodeFrame } from './NodeFrame';
import { PublishModeChip } from './PublishModeChip';

/** A consumer: inbox on/off, retry limit, and per subscribed event what its handler does. */
export const ConsumerNode = memo(function ConsumerNode({ id, data, selected }: NodeProps<CanvasNode>) {
  const { node, problemCount } = data;
  const view = data.view as ConsumerView;
  if (node.kind !== 'consumer') return null;
  const emitsAny = node.handlers.some((h) => h.emits.length > 0);
  const chips = (
    <>
      {node.useInbox
        ? <span className="chip chip--good" title="Deduplicates deliveries with an inbox">INBOX on</span>
        : <span className="chip chip--warn" title="No inbox: a redelivered event is applied again">INBOX off</span>}
      <span className="chip" title="Deliveries attempted before dead-lettering">retry {node.retryLimit}</span>
      {emitsAny && <PublishModeChip mode={node.publishMode} />}
    </>
  );
  return (
    <NodeFrame id={id} kind="consumer" name={node.name} problemCount={problemCount} selected={selected}
      hasInput hasOutput subtitle={<span className="chip-row">{chips}</span>}>
      {view.handlers.length === 0 ? <div className="flow-node__empty">Subscribed to nothing</div> : (
        <ul className="item-list">
          {view.handlers.map((handler, index) => (
            <li key={`${handler.eventName}-${index}`}>
              <span className="item-list__head">on {handler.eventName}</span>
              {handler.effects.map((effect, i) => <span key={`e${i}`} className="item-list__detail">{effect}</span>)}
              {handler.emits.map((eventName, i) => <span key={`m${i}`} className="item-list__detail">→ emit {eventName}</span>)}
            </li>
          ))}
        </ul>
      )}
    </NodeFrame>
  );
});
