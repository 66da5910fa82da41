import { useMemo } from 'react';
import type { DeadLetterRecord } from '../../../core';
import { deadLetterSource, knownCount } from '../queries';
import { VirtualTable, type Column } from '../table/VirtualTable';
import { RedriveAllButton, RedriveCell } from '../redrive/RedriveControls';
import { EventId } from './cells';
import { followEventRows, nodeKindOf, nodeName, usePanelScope } from './PanelScope';

/** Messages a consumer gave up on after its retry limit; they do not block the others. */
export function DeadLettersPanel() {
  const { db, runId, run, flow, nodeId, eventId, selectEvent } = usePanelScope();
  const consumerId = nodeKindOf(flow, nodeId) === 'consumer' ? (nodeId ?? undefined) : undefined;
  const source = useMemo(() => deadLetterSource(db, runId, consumerId), [db, runId, consumerId]);
  const columns = useMemo<Column<DeadLetterRecord>[]>(() => [
    { key: 'seq', header: '#', width: 56, mono: true, render: (r) => r.seq },
    { key: 'consumer', header: 'Consumer', width: 140, render: (r) => nodeName(flow, r.consumerId) },
    { key: 'event', header: 'Event id', width: 90, mono: true, render: (r) => <EventId id={r.eventId} /> },
    { key: 'type', header: 'Event type', width: 190, render: (r) => r.eventTypeName },
    { key: 'attempts', header: 'Tries', headerTitle: 'Deliveries attempted before giving up', width: 56, render: (r) => r.attempts },
    { key: 'reason', header: 'Reason', width: 280, grow: true, render: (r) => r.reason, title: (r) => r.reason },
    { key: 'step', header: 'Step', width: 56, render: (r) => r.step },
    { key: 'redrive', header: 'Redrive', headerTitle: 'Put the message back to its consumer as a new delivery', width: 130, render: (r) => <RedriveCell row={r} /> },
  ], [flow]);
  const dead = knownCount(run, 'deadLetters');
  return (
    <>
      <div className="panel-toolbar">
        <span className="sim-hint">A dead letter waits for an operator: fix the cause (e.g. switch the poison value off), then redrive it.</span>
        <RedriveAllButton disabled={dead === 0} />
      </div>
      <VirtualTable
        label="Dead letters"
        source={source}
        count={!consumerId ? knownCount(run, 'deadLetters') : undefined}
        columns={columns}
        rowId={(r) => String(r.seq)}
        {...followEventRows({ eventId, selectEvent })}
        emptyText="No dead letters. Turn on consumer failures or a poison value in Faults & patterns to see some."
      />
    </>
  );
}
