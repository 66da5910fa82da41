import { useAppStore } from '../../../state/store';
import { nodeName, usePanelScope } from '../panels/PanelScope';

/** What the panels are narrowed to: the node selected on the canvas, and the event being followed. */
export function ScopeBar() {
  const { flow, nodeId, eventId, onlyEvent, selectEvent } = usePanelScope();
  const { clearSelection, setSimOnlySelectedEvent } = useAppStore.getState();
  if (!nodeId && !eventId) {
    return <span className="scope-bar sim-hint">Select a node to filter the tables; click a row to follow its event.</span>;
  }
  return (
    <span className="scope-bar">
      {nodeId && (
        <span className="filter-chip" data-testid="sim.node-filter">
          Node: {nodeName(flow, nodeId)}
          <button type="button" onClick={clearSelection} aria-label="Stop filtering by node" title="Stop filtering by node">✕</button>
        </span>
      )}
      {eventId && (
        <>
          <span className="filter-chip filter-chip--event" data-testid="sim.event-filter" title={`Following event ${eventId}`}>
            Following <code>{eventId}</code>
            <button type="button" onClick={() => selectEvent(null)} aria-label="Stop following the event" title="Stop following the event">✕</button>
          </span>
          <label className="scope-only" title="Show only this event's rows instead of highlighting them">
            <input type="checkbox" checked={onlyEvent} onChange={(e) => setSimOnlySelectedEvent(e.target.checked)} /> only its rows
          </label>
        </>
      )}
    </span>
  );
}
