import { memo, type ReactNode } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeKind } from '../../core';
import { RunBadges } from './RunBadges';

const KIND_TITLE: Record<NodeKind, string> = {
  event: 'Event', producer: 'Producer', consumer: 'Consumer', projection: 'Projection',
};

interface NodeFrameProps {
  id: string;
  kind: NodeKind;
  name: string;
  /** Short status chips next to the kind, e.g. OUTBOX, INBOX on. */
  chips?: ReactNode;
  subtitle?: ReactNode;
  problemCount: number;
  selected: boolean;
  /** Accepts connections on the left (events, consumers, projections). */
  hasInput: boolean;
  /** Starts connections on the right (producers, events, consumers). */
  hasOutput: boolean;
  children?: ReactNode;
}

/** The card every node kind shares: header with kind and name, body, handles and run badges. */
export const NodeFrame = memo(function NodeFrame(props: NodeFrameProps) {
  const { id, kind, name, chips, subtitle, problemCount, selected, hasInput, hasOutput, children } = props;
  return (
    <div className={`flow-node flow-node--${kind}${selected ? ' is-selected' : ''}`}>
      {hasInput && (
        <Handle type="target" position={Position.Left} id="in" className="flow-handle" data-testid="handle.in"
          title={`Drop a connection here to connect to this ${KIND_TITLE[kind].toLowerCase()}`} />
      )}
      <header className="flow-node__header">
        <div className="flow-node__kind-row">
          <span className="flow-node__kind">{KIND_TITLE[kind]}</span>
          {chips}
          {problemCount > 0 && (
            <span className="chip chip--problem" title={`${problemCount} problem${problemCount === 1 ? '' : 's'}: see the Problems panel`}>
              ⚠ {problemCount}
            </span>
          )}
        </div>
        <div className="flow-node__name" title={name}>{name}</div>
        {subtitle && <div className="flow-node__subtitle">{subtitle}</div>}
      </header>
      {children && <div className="flow-node__body">{children}</div>}
      <RunBadges nodeId={id} />
      {hasOutput && (
        <Handle type="source" position={Position.Right} id="out" className="flow-handle" data-testid="handle.out"
          title="Drag from here to connect" />
      )}
    </div>
  );
});
