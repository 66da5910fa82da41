import { useMemo } from 'react';
import type { InboxRecord } from '../../../core';
import { inboxSource, knownNodeCount } from '../queries';
import { total } from '../../../core';
import { VirtualTable, type Column } from '../table/VirtualTable';
import { EventId } from './cells';
import { nodeKindOf, nodeName, usePanelScope } from './PanelScope';
import { useRunStats } from './useRunStats';

/** Per consumer: the inbox (processed event ids) and the duplicates it skipped, with retries and dead letters. */
export function InboxPanel() {
  const { db, runId, run, flow, nodeId, eventId, selectEvent } = usePanelScope();
  const stats = useRunStats();
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
          const inboxOff = stats.patterns.inbox[c.id] === false || (stats.patterns.inbox[c.id] === undefined && !c.useInbox);
          return (
            <span key={c.id} className="inbox-summary">
              <strong>{c.name}</strong>{inboxOff ? ' (inbox off)' : ''}: {stats.stats.inboxProcessed[c.id] ?? 0} processed,{' '}
              {stats.stats.duplicatesSkipped[c.id] ?? 0} duplicates skipped, {stats.stats.retries[c.id] ?? 0} retries,{' '}
              {stats.stats.dead[c.id] ?? 0} dead
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
        isHighlighted={(r) => r.eventId === eventId}
        onRowClick={(r) => selectEvent(r.eventId === eventId ? null : r.eventId)}
        emptyText={consumerId ? `${nodeName(flow, consumerId)} has processed nothing yet.` : 'No consumer has processed an event yet.'}
      />
    </>
  );
}
