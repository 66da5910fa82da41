import type { ReactNode } from 'react';
import type { RunRecord } from '../../../core';
import { SIM_SPEEDS, type SimulationBusy } from '../../../state/simulationSlice';
import { total } from '../../../core';
import { ActionButton } from '../../actions';

interface Props {
  run: RunRecord;
  playing: boolean;
  speed: number;
  busy: SimulationBusy | null;
  onSpeed(speed: number): void;
  /** What the tables are filtered to, shown between the controls and the status. */
  scope?: ReactNode;
}

/**
 * Step, Play/Pause with speed, Run until quiet, Reset — and where the run stands. The buttons are
 * the registry's run actions (src/features/actions/runActions.ts), performed on the run controls
 * the workspace provides.
 */
export function RunToolbar(props: Props) {
  const { run, playing, speed, busy, onSpeed, scope } = props;
  const inFlight = run.stats.commandsPending + total(run.stats.outboxPending) + total(run.stats.queued)
    + total(run.stats.delivered) + total(run.stats.handled) + run.stats.directPending;
  return (
    <div className="sim-toolbar" role="toolbar" aria-label="Run controls">
      <ActionButton action="run.step" named={false} className="sim-btn">
        Step <kbd>S</kbd>
      </ActionButton>
      <ActionButton action="run.play" named={false} className="sim-btn">
        {playing ? '❚❚ Pause' : '▶ Play'} <kbd>Space</kbd>
      </ActionButton>
      <label title="Micro-steps per second while playing">
        Speed
        <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))} aria-label="Play speed (steps per second)">
          {SIM_SPEEDS.map((s) => <option key={s} value={s}>{s}/s</option>)}
        </select>
      </label>
      <ActionButton action="run.untilQuiet" named={false} className="sim-btn">Run until quiet</ActionButton>
      {busy && <ActionButton action="run.stop" named={false} className="sim-btn danger">Stop</ActionButton>}
      <span className="sim-sep" />
      <ActionButton action="run.reset" named={false} className="sim-btn danger">Reset</ActionButton>
      <span className="sim-sep" />
      {scope}
      <span className="sim-status" role="status" aria-live="polite">
        {busy
          ? `${busy.label}… ${busy.done.toLocaleString('en')}${busy.total ? ` / ${busy.total.toLocaleString('en')}` : ' steps'}`
          : <>Step <strong data-testid="sim.step">{run.step}</strong> · {run.stats.events} events · {inFlight} in flight · {run.quiet ? 'quiet' : 'work pending'}
            {run.stats.anomalies > 0 && <> · <strong className="status-bad">{run.stats.anomalies} anomal{run.stats.anomalies === 1 ? 'y' : 'ies'}</strong></>}</>}
      </span>
    </div>
  );
}
