import { useMemo, useState } from 'react';
import type { BusinessRowRecord, CommandRecord, OutboxRecord } from '../../../core';
import { businessRowSource, commandSource, knownCount, knownNodeCount, outboxSource } from '../queries';
import { StatusPill, VirtualTable, type Column } from '../table/VirtualTable';
import { EventId, formatPayload, stepText } from './cells';
import { followEventRows, nodeKindOf, nodeName, usePanelScope } from './PanelScope';
import { ViewPickerToolbar, type PanelView } from './ViewPickerToolbar';

type OutboxView = 'outbox' | 'business' | 'commands';

/** Outbox rows (pending / publishing / sent) per producer or consumer, and the producers' business rows. */
export function OutboxPanel() {
  const scope = usePanelScope();
  const { db, runId, run, flow, eventId, onlyEvent, selectEvent } = scope;
  const [view, setView] = useState<OutboxView>('outbox');
  const kind = nodeKindOf(flow, scope.nodeId);
  const ownerId = kind === 'producer' || kind === 'consumer' ? (scope.nodeId ?? undefined) : undefined;
  const followed = onlyEvent && eventId ? eventId : undefined;
  const outbox = useMemo(() => outboxSource(db, runId, { ownerId, eventId: followed }), [db, runId, ownerId, followed]);
  const producerId = kind === 'producer' ? (scope.nodeId ?? undefined) : undefined;
  const business = useMemo(() => businessRowSource(db, runId, producerId), [db, runId, producerId]);
  const commands = useMemo(() => commandSource(db, runId, producerId), [db, runId, producerId]);

  const outboxColumns = useMemo<Column<OutboxRecord>[]>(() => [
    { key: 'seq', header: '#', width: 56, mono: true, render: (r) => r.seq },
    { key: 'owner', header: 'Owner', width: 140, render: (r) => nodeName(flow, r.ownerId) },
    { key: 'event', header: 'Event id', width: 90, mono: true, render: (r) => <EventId id={r.eventId} /> },
    { key: 'type', header: 'Event type', width: 190, render: (r) => r.eventTypeName },
    { key: 'status', header: 'Status', width: 100, render: (r) => <StatusPill status={r.status} /> },
    { key: 'created', header: 'Written at step', width: 124, render: (r) => r.createdStep },
    { key: 'sent', header: 'Sent at step', width: 100, grow: true, render: (r) => stepText(r.sentStep) },
  ], [flow]);
  const businessColumns = useMemo<Column<BusinessRowRecord>[]>(() => [
    { key: 'producer', header: 'Producer', width: 140, render: (r) => nodeName(flow, r.producerId) },
    { key: 'aggregate', header: 'Aggregate id', width: 290, mono: true, render: (r) => r.aggregateId },
    { key: 'version', header: 'Version', width: 70, render: (r) => r.version },
    { key: 'columns', header: 'Columns', width: 300, grow: true, mono: true, render: (r) => formatPayload(r.columns), title: (r) => formatPayload(r.columns) },
    { key: 'step', header: 'Changed at step', width: 120, render: (r) => r.updatedStep },
  ], [flow]);
  const commandColumns = useMemo<Column<CommandRecord>[]>(() => [
    { key: 'id', header: 'Command', width: 84, mono: true, render: (r) => r.id },
    { key: 'producer', header: 'Producer', width: 130, render: (r) => nodeName(flow, r.producerId) },
    { key: 'name', header: 'Name', width: 170, render: (r) => r.commandName, title: (r) => r.commandName },
    { key: 'status', header: 'Status', width: 90, render: (r) => <StatusPill status={r.status} tone={r.status === 'handled' ? 'ok' : r.status === 'rejected' || r.status === 'crashed' ? 'bad' : 'wait'} /> },
    { key: 'request', header: 'Request', headerTitle: 'The caller\'s request: retries of one request share it (attempt number after the slash)', width: 90, mono: true, render: (r) => `${r.requestId}/${r.attempt}` },
    { key: 'events', header: 'Events', width: 90, mono: true, render: (r) => r.eventIds?.join(', ') ?? '—' },
    { key: 'payload', header: 'Payload or reason', width: 240, grow: true, mono: true, render: (r) => r.reason ?? (r.answeredFrom ? `answered from ${r.answeredFrom} (idempotency key)` : formatPayload(r.payload)), title: (r) => r.reason ?? formatPayload(r.payload) },
    { key: 'fired', header: 'Fired at step', width: 104, render: (r) => r.firedStep },
  ], [flow]);

  return (
    <>
      <ViewPickerToolbar views={OUTBOX_VIEWS} value={view} onChange={setView} label="Outbox panel shows" />
      {view === 'outbox' ? (
        <VirtualTable
          label="Outbox"
          source={outbox}
          count={followed ? undefined : ownerId ? knownNodeCount(run, 'outbox', ownerId) : knownCount(run, 'outbox')}
          columns={outboxColumns}
          rowId={(r) => `${r.runId}:${r.seq}`}
          {...followEventRows({ eventId, selectEvent })}
          emptyText={ownerId ? `No outbox rows for ${nodeName(flow, ownerId)} yet.` : 'No outbox rows yet. Fire a command.'}
        />
      ) : view === 'commands' ? (
        <VirtualTable
          label="Commands"
          source={commands}
          count={!producerId ? knownCount(run, 'commands') : undefined}
          columns={commandColumns}
          rowId={(r) => r.id}
          isHighlighted={(r) => eventId !== null && (r.eventIds?.includes(eventId) ?? false)}
          onRowClick={(r) => { const first = r.eventIds?.[0]; if (first) selectEvent(first === eventId ? null : first); }}
          emptyText="No command fired yet."
        />
      ) : (
        <VirtualTable
          label="Business rows"
          source={business}
          columns={businessColumns}
          rowId={(r) => `${r.producerId}:${r.aggregateId}`}
          emptyText="No business rows yet. Fire a command."
        />
      )}
    </>
  );
}

const OUTBOX_VIEWS: Record<OutboxView, PanelView> = {
  outbox: {
    label: 'Outbox rows',
    hint: 'Written with the business row in one transaction; the relay publishes pending rows and marks them sent.',
  },
  business: {
    label: 'Business rows (aggregates)',
    hint: "The producer's business table: one row per aggregate, with its version.",
  },
  commands: {
    label: 'Commands fired',
    hint: 'Commands queue at their producer; a Step handles the next one (business row + outbox in one transaction).',
  },
};
