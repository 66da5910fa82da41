import { useMemo } from 'react';
import type { TraceRecord } from '../../../core';
import { knownCount, traceSource } from '../queries';
import { StatusPill, VirtualTable, type Column } from '../table/VirtualTable';
import { usePanelScope } from './PanelScope';

const KIND_WORDS: Record<TraceRecord['kind'], string> = {
  load: 'load',
  command: 'command',
  'relay-publish': 'relay publish',
  'relay-mark-sent': 'mark sent',
  'direct-publish': 'direct publish',
  deliver: 'deliver',
  handle: 'handle',
  'handle-failed': 'handle failed',
  ack: 'ack',
  redeliver: 'redeliver',
  read: 'read',
  conflict: 'conflict',
  'lock-wait': 'lock wait',
  instance: 'instance',
  cache: 'cache',
  wait: 'wait',
};

/** Every micro-step in plain words; steps touching the selected node or event are highlighted. */
export function TracePanel() {
  const { db, runId, run, nodeId, eventId, onlyEvent, selectEvent } = usePanelScope();
  const followed = onlyEvent && eventId ? eventId : undefined;
  const source = useMemo(() => traceSource(db, runId, followed), [db, runId, followed]);
  const columns = useMemo<Column<TraceRecord>[]>(() => [
    { key: 'step', header: 'Step', width: 60, mono: true, render: (r) => r.step },
    { key: 'kind', header: 'What', width: 120, render: (r) => <StatusPill status={KIND_WORDS[r.kind]} tone={r.kind === 'handle-failed' ? 'bad' : 'neutral'} /> },
    { key: 'text', header: 'What happened', width: 420, grow: true, render: (r) => r.text, title: (r) => r.text },
    { key: 'fault', header: 'Fault', width: 150, render: (r) => (r.fault ? <StatusPill status={r.fault} tone="bad" /> : '') },
  ], []);
  return (
    <VirtualTable
      label="Trace"
      source={source}
      count={!followed ? knownCount(run, 'trace') : undefined}
      columns={columns}
      rowId={(r) => String(r.step)}
      isHighlighted={(r) => (eventId !== null && r.eventId === eventId) || (nodeId !== null && r.nodeIds.includes(nodeId))}
      onRowClick={(r) => r.eventId && selectEvent(r.eventId === eventId ? null : r.eventId)}
      emptyText="No step taken yet. Fire a command, then Step."
      followTail
    />
  );
}
