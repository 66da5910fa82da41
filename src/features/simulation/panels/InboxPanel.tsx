import { useMemo } from 'react';
import type { InboxRecord } from '../../../core';
import { inboxSource, knownNodeCount } from '../queries';
import { countOf, getOwn, total } from '../../../core';
import { VirtualTable, type Column } from '../table/VirtualTable';
import { EventId } from './cells';
import { followEventRows, nodeKindOf, nodeName, usePanelScope } from './PanelScope';

/** Per consumer: the inbox (processed event ids) and the duplicates it skipped, with retries and dead letters. */
export function InboxPanel() {
  const { db, runId, run, flow, nodeId, eventId, selectEvent } = usePanelScope();
  const consumerId = nodeKindOf(flow, nodeId) === 'consumer' ? (nodeId ?? undefined) : undefined;
  const source = useMemo(() => inboxSource(db, runId, consumerId), [db, runId, consumerId]);
  const columns = useMemo<Column<InboxRecord>[]>(() => [
    { key: 'consumer', header: 'Consumer', width: 140, render: (r) => nodeName(flow, r.consumerId) },
    { key: 'seq', header: '#', width: 56, mono: true, render: (r) => r.seq },
    { key: 'event', header: 'Event id', width: 90, mono: true, render: (r) => <EventId id={r.eventId} /> },
    { key: 'type', header: 'Event type', width: 200, render: (r) => r.eventTypeName },
    { key: 'step', header: 'Processed at step', width: 150, render: (r) => r.processedStep },
    { key: 'dups', header: 'Duplicates skipped', width: 140, grow: true, render: (r) => r.duplicatesSkipped },
  ], [flow]);
  const consumers = consumerId ? flow.consumers.filter((c) => c.id === consumerId) : flow.consumers;

  return (
    <>
      <div className="panel-toolbar" aria-label="Inbox summary">
        {consumers.map((c) => {
          // The run's switch, else the design's choice (as in Faults & patterns).
          const inboxOff = !(getOwn(run.settings.patterns.inbox, c.id) ?? c.useInbox);
          return (
            <span key={c.id} className="inbox-summary">
              <strong>{c.name}</strong>{inboxOff ? ' (inbox off)' : ''}: {countOf(run.stats.inboxProcessed, c.id)} processed,{' '}
              {countOf(run.stats.duplicatesSkipped, c.id)} duplicates skipped, {countOf(run.stats.retries, c.id)} retries,{' '}
              {countOf(run.stats.dead, c.id)} dead
            </span>
          );
        })}
      </div>
      <VirtualTable
        label="Inbox"
        source={source}
        count={consumerId ? knownNodeCount(run, 'inbox', consumerId) : total(run.stats.inboxProcessed)}
        columns={columns}
        rowId={(r) => `${r.consumerId}:${r.eventId}`}
        {...followEventRows({ eventId, selectEvent })}
        emptyText={consumerId ? `${nodeName(flow, consumerId)} has processed nothing yet.` : 'No consumer has processed an event yet.'}
      />
    </>
  );
}
