import { useMemo, useState } from 'react';
import type { EventRecord } from '../../../core';
import { eventById, eventSource, knownCount } from '../queries';
import { VirtualTable, type Column } from '../table/VirtualTable';
import { EventId, formatPayload } from './cells';
import { followEventRows, nodeKindOf, nodeName, usePanelScope } from './PanelScope';
import { useAppStore } from '../../../state/store';

const selectTravelled = (s: { simTimeTravelPosition: number | null }) => s.simTimeTravelPosition;

/** The event store: the append-only log with global positions and per-aggregate versions. */
export function EventStorePanel() {
  const { db, runId, run, flow, nodeId, eventId, onlyEvent, selectEvent } = usePanelScope();
  const [streamId, setStreamId] = useState<string | null>(null);
  // Events after the position the projections were travelled to are faded here too.
  const travelled = useAppStore(selectTravelled);
  const eventTypeId = nodeKindOf(flow, nodeId) === 'event' ? (nodeId ?? undefined) : undefined;
  const followed = onlyEvent && eventId ? eventId : undefined;
  const source = useMemo(
    () => eventSource(db, runId, { eventId: followed, streamId: streamId ?? undefined, eventTypeId }),
    [db, runId, followed, streamId, eventTypeId],
  );
  const columns = useMemo<Column<EventRecord>[]>(() => [
    { key: 'position', header: 'Position', width: 74, mono: true, render: (r) => r.position },
    { key: 'event', header: 'Event id', width: 90, mono: true, render: (r) => <EventId id={r.eventId} /> },
    { key: 'type', header: 'Event type', width: 190, render: (r) => r.eventTypeName },
    {
      key: 'stream', header: 'Aggregate (stream)', width: 210, mono: true, title: (r) => `${r.streamId} — click “Only this aggregate” to see its versions`,
      render: (r) => r.streamId,
    },
    { key: 'version', header: 'Version', width: 70, render: (r) => r.version },
    { key: 'source', header: 'Written by', width: 130, render: (r) => nodeName(flow, r.sourceId) },
    { key: 'payload', header: 'Payload', width: 320, grow: true, mono: true, render: (r) => formatPayload(r.payload), title: (r) => formatPayload(r.payload) },
  ], [flow]);

  return (
    <>
      <div className="panel-toolbar">
        {streamId ? (
          <span className="filter-chip">
            Aggregate <code>{streamId}</code>
            <button type="button" onClick={() => setStreamId(null)} aria-label="Show every aggregate" title="Show every aggregate">✕</button>
          </span>
        ) : (
          <span className="sim-hint">Append-only log: a global position, and per aggregate a contiguous version. Click a row to follow its event.</span>
        )}
        {eventId && !streamId && (
          <StreamOfFollowedEvent eventId={eventId} onPick={setStreamId} />
        )}
      </div>
      <VirtualTable
        label="Event store"
        source={source}
        count={!followed && !streamId && !eventTypeId ? knownCount(run, 'events') : undefined}
        columns={columns}
        rowId={(r) => String(r.position)}
        {...followEventRows({ eventId, selectEvent })}
        isDimmed={travelled === null ? undefined : (r) => r.position > travelled}
        emptyText="The event store is empty."
        followTail
      />
    </>
  );
}

function StreamOfFollowedEvent({ eventId, onPick }: { eventId: string; onPick(streamId: string): void }) {
  const { db, runId } = usePanelScope();
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    setBusy(true);
    try {
      const event = await eventById(db, runId, eventId);
      if (event) onPick(event.streamId);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="sim-btn" disabled={busy} onClick={() => void pick()} title="Show every version of the followed event's aggregate">
      Only this aggregate
    </button>
  );
}
