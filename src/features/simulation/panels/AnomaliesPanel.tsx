import { useMemo } from 'react';
import type { AnomalyRecord } from '../../../core';
import { anomalySource } from '../queries';
import { StatusPill, TWO_LINE_ROW_HEIGHT, VirtualTable, type Column } from '../table/VirtualTable';
import { nodeName, usePanelScope } from './PanelScope';

const KIND_WORDS: Record<AnomalyRecord['kind'], string> = {
  lost: 'lost event',
  'duplicate-effect': 'duplicate effect',
  'out-of-order': 'out of order',
  'stuck-outbox': 'stuck outbox',
};

/** The invariant report as it happens; a click follows the event(s) across every panel. */
export function AnomaliesPanel() {
  const { db, runId, flow, eventId, selectEvent } = usePanelScope();
  const source = useMemo(() => anomalySource(db, runId), [db, runId]);
  const columns = useMemo<Column<AnomalyRecord>[]>(() => [
    { key: 'kind', header: 'Kind', width: 124, render: (r) => <StatusPill status={KIND_WORDS[r.kind]} tone={r.kind === 'stuck-outbox' ? 'warn' : 'bad'} /> },
    { key: 'message', header: 'What went wrong', width: 420, grow: true, wrap: true, render: (r) => r.message, title: (r) => r.message },
    { key: 'nodes', header: 'Where', width: 200, wrap: true, render: (r) => r.nodeIds.map((id) => nodeName(flow, id)).join(', '), title: (r) => r.nodeIds.map((id) => nodeName(flow, id)).join(', ') },
    { key: 'step', header: 'Step', headerTitle: 'Step at which it was found', width: 64, render: (r) => r.step },
  ], [flow]);
  return (
    <VirtualTable
      label="Anomalies"
      source={source}
      columns={columns}
      rowHeight={TWO_LINE_ROW_HEIGHT}
      rowId={(r) => r.id}
      isHighlighted={(r) => eventId !== null && r.eventIds.includes(eventId)}
      onRowClick={(r) => {
        const first = r.eventIds[0] ?? null;
        selectEvent(first === eventId ? null : first);
      }}
      emptyText="No anomaly. With the outbox and inbox on, faults cause retries and duplicates on the wire, but no lost event and no double effect."
    />
  );
}
