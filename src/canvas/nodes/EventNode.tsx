import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode, EventView } from '../flowElements';
import { NodeFrame } from './NodeFrame';

/** An event type: its version, base type and every field, inherited ones marked. */
export const EventNode = memo(function EventNode({ id, data, selected }: NodeProps<CanvasNode>) {
  const { node, problemCount } = data;
  const view = data.view as EventView;
  if (node.kind !== 'event') return null;
  const chips = (
    <>
      <span className="chip" title="Schema version">v{node.version}</span>
      {node.abstract && <span className="chip chip--muted" title="Abstract: a base type, never emitted on its own">abstract</span>}
    </>
  );
  return (
    <NodeFrame id={id} kind="event" name={node.name} chips={chips} problemCount={problemCount} selected={selected}
      hasInput hasOutput subtitle={view.baseName ? <>extends <strong>{view.baseName}</strong></> : undefined}>
      {view.fields.length === 0 ? <div className="flow-node__empty">No fields</div> : (
        <ul className="field-list">
          {view.fields.map((field) => (
            <li key={field.path} className={field.inheritedFrom ? 'is-inherited' : undefined}
              style={field.depth > 1 ? { paddingLeft: (field.depth - 1) * 10 } : undefined}
              title={field.inheritedFrom ? `Inherited from ${field.inheritedFrom}` : field.description || undefined}>
              <span className="field-list__name">
                {field.depth > 1 && <span className="field-list__nest" aria-hidden="true">└ </span>}
                {field.isAggregateId && <span className="key-badge" title="Aggregate id">id</span>}
                {field.name}{field.required && <span className="field-list__req" title="Required">*</span>}
              </span>
              <span className="field-list__type">{field.summary}{field.inheritedFrom && <span className="field-list__from"> ↑</span>}</span>
            </li>
          ))}
          {view.hiddenFields > 0 && (
            <li className="field-list__more">+ {view.hiddenFields.toLocaleString('en')} more (see the inspector)</li>
          )}
        </ul>
      )}
    </NodeFrame>
  );
});
