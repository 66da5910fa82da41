import { useState } from 'react';
import { useAppStore } from '../../../state/store';

interface Props {
  /** The run's last event-store position. */
  position: number;
  /** The position travelled to, or null when live. */
  value: number | null;
  onRebuild(): Promise<unknown>;
}

const selectSetPosition = (s: { setSimTimeTravelPosition(p: number | null): void }) => s.setSimTimeTravelPosition;

/** A slider over the event store: the projections as they were at a position; and a rebuild from the store. */
export function TimeTravelBar({ position, value, onRebuild }: Props) {
  const setPosition = useAppStore(selectSetPosition);
  const [rebuilding, setRebuilding] = useState(false);
  const shown = value ?? position;
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
        disabled={rebuilding || position === 0}
        onClick={() => {
          setRebuilding(true);
          void onRebuild().finally(() => setRebuilding(false));
        }}
        title="Replay every event of the event store into fresh projections, compare with the live ones, and keep the rebuild"
      >
        Rebuild projections from the event store
      </button>
    </div>
  );
}
