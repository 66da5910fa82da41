import { memo } from 'react';
import { useNodeRunOverrides } from '../RunOverlayContext';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode, ConsumerView } from '../flowElements';
import { NodeFrame } from './NodeFrame';
import { PublishModeChip } from './PublishModeChip';

/** A consumer: inbox on/off, retry limit, and per subscribed event what its handler does. */
export const ConsumerNode = memo(function ConsumerNode({ id, data, selected }: NodeProps<CanvasNode>) {
  const { node, problemCount } = data;
  const view = data.view as ConsumerView;
  const overrides = useNodeRunOverrides(id);
  if (node.kind !== 'consumer') return null;
  const emitsAny = node.handlers.some((h) => h.emits.length > 0);
  const chips = (
    <>
      <InboxChip design={node.useInbox} run={overrides?.inbox} />
      <span className="chip" title="Retries after a failed handling before the message is dead-lettered (0 = no retry)">retry {node.retryLimit}</span>
      {emitsAny && <PublishModeChip mode={node.publishMode} nodeId={id} />}
      {emitsAny && overrides?.emittedIds && (
        <span className={`chip chip--run ${overrides.emittedIds === 'derived' ? 'chip--good' : 'chip--warn'}`}
          title="Ids of the events it emits, switched for this run in Faults & patterns">{overrides.emittedIds === 'derived' ? 'DERIVED IDS' : 'FRESH IDS'} (run)</span>
      )}
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

/** INBOX on/off as designed, or as this run switched it (marked "(run)"). */
function InboxChip({ design, run }: { design: boolean; run: boolean | undefined }) {
  const on = run ?? design;
  const mark = run !== undefined ? ' (run)' : '';
  const note = run !== undefined ? ' — switched for this run in Faults & patterns; the design says otherwise' : '';
  return on
    ? <span className={`chip chip--good${mark ? ' chip--run' : ''}`} title={`Deduplicates deliveries with an inbox${note}`}>INBOX on{mark}</span>
    : <span className={`chip chip--warn${mark ? ' chip--run' : ''}`} title={`No inbox: a redelivered event is applied again${note}`}>INBOX off{mark}</span>;
}
