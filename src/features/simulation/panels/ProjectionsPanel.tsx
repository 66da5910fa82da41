import { useMemo, useState } from 'react';
import { getOwn, type Payload } from '../../../core';
import type { RunSessionState } from '../../../session';
import { useAppStore } from '../../../state/store';
import { useThrottledLiveQuery } from '../live/useThrottledLiveQuery';
import { knownNodeCount, projectionSource } from '../queries';
import { useRunSession, useRunSessionValue } from '../session/RunSessionContext';
import { arraySource } from '../table/arraySource';
import { VirtualTable, type Column } from '../table/VirtualTable';
import { formatValue } from './cells';
import { nodeKindOf, usePanelScope } from './PanelScope';
import { TimeTravelBar } from './TimeTravelBar';

interface ShownRow {
  key: string;
  values: Payload;
  lastEventId?: string;
}

/** A column wide enough for its header (about 7.5 px a character, plus padding) and its kind of values. Pure. */
function columnWidth(header: string, forValues: number): number {
  return Math.max(forValues, Math.ceil(header.length * 7.5) + 24);
}

const selectPosition = (s: { simTimeTravelPosition: number | null }) => s.simTimeTravelPosition;

type PastView = 'built' | 'rebuilt';

const selectDriving = (state: RunSessionState) => state.drive === 'driving';

/** The rows of a projection: live, or as they were at an event-store position (time travel). */
export function ProjectionsPanel({ onCompare, onReplace }: { onCompare(): Promise<unknown>; onReplace(): Promise<unknown> }) {
  const { db, runId, run, flow, nodeId, eventId, selectEvent } = usePanelScope();
  const session = useRunSession();
  const driving = useRunSessionValue(session, selectDriving);
  const [chosen, setChosen] = useState(flow.projections[0]?.id ?? '');
  const projectionId = nodeKindOf(flow, nodeId) === 'projection' ? (nodeId ?? chosen) : chosen;
  const projection = flow.projections.find((p) => p.id === projectionId) ?? flow.projections[0];
  const travelled = useAppStore(selectPosition);
  const position = travelled !== null && travelled < run.position ? travelled : null;
  const [pastView, setPastView] = useState<PastView>('built');

  const live = useMemo(() => projectionSource(db, runId, projection?.id ?? ''), [db, runId, projection?.id]);
  // Events up to a position never change, so the replay is read again only when the position does.
  const past = useThrottledLiveQuery(
    async () => {
      const state = position === null ? undefined : await session.projectionsAt(position);
      return position === null || !state ? null : { position, state };
    },
    [session, position],
  );
  const pastRows = useMemo(() => {
    if (!past || !projection) return null;
    const state = pastView === 'built' ? past.state.built : past.state.rebuilt;
    const rows = [...(state.get(projection.id) ?? new Map<string, Payload>())]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, values]): ShownRow => ({ key, values }));
    return arraySource(`past:${runId}:${projection.id}:${past.position}:${pastView}`, rows);
  }, [past, projection, runId, pastView]);

  const columns = useMemo<Column<ShownRow>[]>(() => {
    if (!projection) return [];
    const own = projection.columns.map((c, i): Column<ShownRow> => ({
      key: `col:${c.name}`,
      header: c.name === projection.key ? `${c.name} (key)` : c.name,
      width: columnWidth(c.name, c.name === projection.key ? 240 : c.type === 'number' ? 110 : c.type === 'date-time' ? 200 : 150),
      mono: c.name === projection.key || c.type === 'number',
      grow: i === projection.columns.length - 1,
      render: (r) => formatValue(getOwn(r.values, c.name) ?? (c.name === projection.key ? r.key : undefined)),
      title: (r) => formatValue(getOwn(r.values, c.name)),
    }));
    return [...own, { key: 'last', header: 'Last event', width: 90, mono: true, render: (r) => r.lastEventId || '—' }];
  }, [projection]);

  if (!projection) return <p className="sim-hint panel-toolbar">This design has no projection.</p>;
  const shownPast = position !== null && pastRows;
  // A replay to a position rebuilds values only: which event last wrote a row is known live.
  const pastColumns = columns.filter((c) => c.key !== 'last');
  return (
    <>
      <div className={`panel-toolbar${position !== null ? ' time-travelling' : ''}`}>
        <label>
          Projection
          <select value={projection.id} onChange={(e) => setChosen(e.target.value)} disabled={nodeKindOf(flow, nodeId) === 'projection'} aria-label="Projection shown">
            {flow.projections.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <TimeTravelBar position={run.position} value={position} quiet={run.quiet} onCompare={onCompare} onReplace={driving ? onReplace : undefined} />
        {position !== null && (
          <span className="past-view" role="radiogroup" aria-label="Projections at this position">
            <label title="The rows the consumers had written by then: their change log replayed up to that moment">
              <input type="radio" name="past-view" checked={pastView === 'built'} onChange={() => setPastView('built')} />
              as the consumers had built them{past ? ` (step ${past.state.step})` : ''}
            </label>
            <label title="What a rebuild from the event store up to this position gives: every event applied once, in order">
              <input type="radio" name="past-view" checked={pastView === 'rebuilt'} onChange={() => setPastView('rebuilt')} />
              what a rebuild gives
            </label>
          </span>
        )}
      </div>
      {shownPast ? (
        <VirtualTable
          label={`Projection ${projection.name} at position ${position}${pastView === 'rebuilt' ? ', rebuilt' : ''}`}
          source={pastRows}
          columns={pastColumns}
          rowId={(r) => r.key}
          emptyText={pastView === 'built' ? `${projection.name} had no row at event-store position ${position}.` : `A rebuild up to position ${position} gives ${projection.name} no row.`}
        />
      ) : (
        <VirtualTable<ShownRow, (string | number)[]>
          label={`Projection ${projection.name}`}
          source={live}
          count={knownNodeCount(run, 'projection', projection.id)}
          columns={columns}
          rowId={(r) => r.key}
          isHighlighted={(r) => eventId !== null && r.lastEventId === eventId}
          onRowClick={(r) => r.lastEventId && selectEvent(r.lastEventId === eventId ? null : r.lastEventId)}
          emptyText={`${projection.name} has no row yet.`}
        />
      )}
    </>
  );
}
