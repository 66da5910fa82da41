import { useState } from 'react';
import { useAppStore } from '../../../state/store';

interface Props {
  /** The run's last event-store position. */
  position: number;
  /** The position travelled to, or null when live. */
  value: number | null;
  /** Whether the run is quiet (nothing in flight): only then may a rebuild replace the projections. */
  quiet: boolean;
  onCompare(): Promise<unknown>;
  /** Absent while another tab drives the run (only the driving tab writes). */
  onReplace?: () => Promise<unknown>;
}

const selectSetPosition = (s: { setSimTimeTravelPosition(p: number | null): void }) => s.setSimTimeTravelPosition;

/**
 * A slider over the event store: the projections as they were at a position. A rebuild from the
 * store is compared read-only; replacing the live projections with it asks first and is offered
 * only when the run is quiet (messages in flight would be applied on top of the rebuild).
 */
export function TimeTravelBar({ position, value, quiet, onCompare, onReplace }: Props) {
  const setPosition = useAppStore(selectSetPosition);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const shown = value ?? position;
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };
  return (
    <div className="time-travel">
      <label title="Move left to see the projections as they were after fewer events">
        Time travel
        <input
          type="range"
          min={0}
          max={position}
          step={1}
          value={shown}
          disabled={position === 0}
          onChange={(e) => {
            const next = Number(e.target.value);
            setPosition(next >= position ? null : next);
          }}
          aria-label="Event-store position to show the projections at"
          aria-valuetext={value === null ? `live, position ${position}` : `position ${value} of ${position}`}
        />
      </label>
      <span className="time-travel-label" data-testid="sim.time-travel">
        {value === null ? `live · position ${position}` : `as of position ${value} of ${position}`}
      </span>
      {value !== null && (
        <button type="button" className="sim-btn" onClick={() => setPosition(null)} title="Show the live projections again">
          Back to live
        </button>
      )}
      <button
        type="button"
        className="sim-btn"
        disabled={busy || position === 0}
        onClick={() => run(onCompare)}
        title="Replay every event of the event store into fresh projections and compare them with the live ones; changes nothing"
      >
        Compare with a rebuild
      </button>
      {asking ? (
        <span className="sim-confirm" role="alert">
          Replace every live projection row with the rebuild from the event store?
          <button type="button" className="sim-btn danger" onClick={() => { setAsking(false); if (onReplace) run(onReplace); }}>Replace</button>
          <button type="button" className="sim-btn" onClick={() => setAsking(false)}>Cancel</button>
        </span>
      ) : (
        <button
          type="button"
          className="sim-btn"
          disabled={busy || position === 0 || !quiet || !onReplace}
          onClick={() => setAsking(true)}
          title={!onReplace ? 'Another tab drives this run: take it over to change it here' : quiet ? 'Replace the live projections with a rebuild from the event store (asks first)' : 'Only when the run is quiet: messages still in flight would be applied on top of the rebuild'}
        >
          Replace with the rebuild…
        </button>
      )}
    </div>
  );
}
