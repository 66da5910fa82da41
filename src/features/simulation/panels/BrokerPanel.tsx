import { useMemo, useState } from 'react';
import type { DeliveryRecord, PublicationRecord } from '../../../core';
import { deliverySource, knownCount, knownNodeCount, publicationSource } from '../queries';
import { StatusPill, VirtualTable, type Column } from '../table/VirtualTable';
import { EventId, stepText } from './cells';
import { followEventRows, nodeKindOf, nodeName, usePanelScope } from './PanelScope';
import { ViewPickerToolbar, type PanelView } from './ViewPickerToolbar';
import { PartitionsView } from '../scale/PartitionsView';

type BrokerView = 'deliveries' | 'publications' | 'partitions';

/** The broker: what was published per event type, and per subscriber what is queued, delivered, acked. */
export function BrokerPanel() {
  const { db, runId, run, flow, nodeId, eventId, onlyEvent, selectEvent } = usePanelScope();
  const kind = nodeKindOf(flow, nodeId);
  const [chosen, setView] = useState<BrokerView>('deliveries');
  // An event type node is about publications; anything else about deliveries, unless the user chose.
  const view: BrokerView = kind === 'event' ? 'publications' : chosen;
  const followed = onlyEvent && eventId ? eventId : undefined;
  const consumerId = kind === 'consumer' ? (nodeId ?? undefined) : undefined;
  const eventTypeId = kind === 'event' ? (nodeId ?? undefined) : undefined;
  const deliveries = useMemo(() => deliverySource(db, runId, { consumerId, eventId: followed }), [db, runId, consumerId, followed]);
  const publications = useMemo(() => publicationSource(db, runId, { eventTypeId, eventId: followed }), [db, runId, eventTypeId, followed]);

  const deliveryColumns = useMemo<Column<DeliveryRecord>[]>(() => [
    { key: 'seq', header: '#', width: 48, mono: true, render: (r) => r.seq },
    { key: 'event', header: 'Event id', width: 74, mono: true, render: (r) => <EventId id={r.eventId} /> },
    { key: 'type', header: 'Event type', width: 160, render: (r) => r.eventTypeName },
    { key: 'subscriber', header: 'Subscriber', width: 112, render: (r) => nodeName(flow, r.consumerId) },
    { key: 'status', header: 'Status', width: 84, render: (r) => <StatusPill status={r.status} /> },
    { key: 'attempts', header: 'Tries', headerTitle: 'Deliveries to the consumer so far (a redelivery after an ack timeout or a failure counts again)', width: 50, render: (r) => r.attempts },
    { key: 'failures', header: 'Fails', headerTitle: 'Failed handlings so far (the retry limit counts these)', width: 50, render: (r) => r.failures },
    { key: 'outcome', header: 'Outcome', width: 124, render: (r) => (r.outcome ? <StatusPill status={r.outcome} tone={r.outcome === 'applied' ? 'ok' : 'warn'} /> : '—') },
    { key: 'dup', header: 'Copy of', headerTitle: 'The delivery this one duplicates (duplicate-delivery fault)', width: 74, mono: true, render: (r) => (r.duplicateOf === undefined ? '—' : `#${r.duplicateOf}`) },
    { key: 'queued', header: 'Queued', headerTitle: 'Step at which it was queued', width: 74, render: (r) => r.queuedStep },
    { key: 'delivered', header: 'Delivered', headerTitle: 'Step of the latest delivery', width: 88, render: (r) => stepText(r.deliveredStep) },
    { key: 'acked', header: 'Acked', headerTitle: 'Step at which the consumer acknowledged it', width: 60, grow: true, render: (r) => stepText(r.ackedStep) },
  ], [flow]);
  const publicationColumns = useMemo<Column<PublicationRecord>[]>(() => [
    { key: 'seq', header: '#', width: 56, mono: true, render: (r) => r.seq },
    { key: 'event', header: 'Event id', width: 90, mono: true, render: (r) => <EventId id={r.eventId} /> },
    { key: 'type', header: 'Event type', width: 190, render: (r) => r.eventTypeName },
    { key: 'publisher', header: 'Publisher', width: 140, render: (r) => nodeName(flow, r.publisherId) },
    { key: 'via', header: 'Via', width: 70, render: (r) => r.via },
    { key: 'again', header: 'Again?', width: 110, render: (r) => (r.republished ? <StatusPill status="duplicate" /> : 'first time') },
    { key: 'subs', header: 'Fanned out to', width: 240, grow: true, render: (r) => r.subscriberIds.map((id) => nodeName(flow, id)).join(', ') || 'no subscriber' },
    { key: 'step', header: 'Step', width: 56, render: (r) => r.step },
  ], [flow]);

  return (
    <>
      <ViewPickerToolbar views={BROKER_VIEWS} value={view} onChange={setView} label="Broker panel shows" disabled={kind === 'event'} />
      {view === 'partitions' ? <PartitionsView consumerId={consumerId} /> : view === 'deliveries' ? (
        <VirtualTable
          label="Broker deliveries"
          source={deliveries}
          count={followed ? undefined : consumerId ? knownNodeCount(run, 'deliveries', consumerId) : knownCount(run, 'deliveries')}
          columns={deliveryColumns}
          rowId={(r) => String(r.seq)}
          {...followEventRows({ eventId, selectEvent })}
          emptyText="Nothing on the broker yet."
        />
      ) : (
        <VirtualTable
          label="Broker publications"
          source={publications}
          count={!eventTypeId && !followed ? knownCount(run, 'publications') : undefined}
          columns={publicationColumns}
          rowId={(r) => String(r.seq)}
          {...followEventRows({ eventId, selectEvent })}
          emptyText="Nothing published yet."
        />
      )}
    </>
  );
}

const BROKER_VIEWS: Record<BrokerView, PanelView> = {
  deliveries: {
    label: 'Deliveries per subscriber',
    hint: 'Each published message becomes one delivery per subscriber: queued → in flight (handed to the consumer, ack deadline running) → acked; kept in order per stream.',
  },
  partitions: {
    label: 'Partitions per subscriber',
    hint: 'Partitioned subscriptions (issue 13): each partition is owned by one instance, delivered in order, and blocked by its unacknowledged message; end offset, acked (committed) offset and lag.',
  },
  publications: {
    label: 'Publications per event type',
    hint: 'Every message put on the broker; a republish of the same event id is a duplicate on the wire.',
  },
};
