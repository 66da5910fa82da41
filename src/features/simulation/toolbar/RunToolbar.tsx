import type { ReactNode } from 'react';
import { total, type ReportSummaryRecord, type RunRecord } from '../../../core';
import { SIM_SPEEDS, type SimulationBusy } from '../../../state/simulationSlice';

interface Props {
  run: RunRecord;
  /** The invariant report last computed, if any. */
  report?: ReportSummaryRecord;
  playing: boolean;
  speed: number;
  busy: SimulationBusy | null;
  /** False while the run belongs to another version of the design. */
  enabled: boolean;
  onStep(): void;
  onTogglePlay(): void;
  onSpeed(speed: number): void;
  onRunUntilQuiet(): void;
  onStop(): void;
  onReset(): void;
  /** What the tables are filtered to, shown between the controls and the status. */
  scope?: ReactNode;
}

/** Step, Play/Pause with speed, Run until quiet, Reset — and where the run stands. */
export function RunToolbar(props: Props) {
  const { run, report, playing, speed, busy, enabled, onStep, onTogglePlay, onSpeed, onRunUntilQuiet, onStop, onReset, scope } = props;
  const idle = enabled && !busy;
  const s = run.stats;
  const inFlight = s.commandsPending + total(s.outboxPending) + total(s.queued) + total(s.inFlight) + total(s.directPending);
  const broken = report?.broken ?? 0;
  return (
    <div className="sim-toolbar" role="toolbar" aria-label="Run controls">
      <button type="button" className="sim-btn" onClick={onStep} disabled={!idle || playing} title="Advance one micro-step (S or .)">
        Step <kbd>S</kbd>
      </button>
      <button
        type="button"
        className="sim-btn"
        aria-pressed={playing}
        onClick={onTogglePlay}
        disabled={!idle}
        title={playing ? 'Pause (Space)' : 'Play: step continuously at the chosen speed (Space)'}
      >
        {playing ? '❚❚ Pause' : '▶ Play'} <kbd>Space</kbd>
      </button>
      <label title="Micro-steps per second while playing">
        Speed
        <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))} aria-label="Play speed (steps per second)">
          {SIM_SPEEDS.map((s) => <option key={s} value={s}>{s}/s</option>)}
        </select>
      </label>
      <button type="button" className="sim-btn" onClick={onRunUntilQuiet} disabled={!idle || playing || run.quiet} title="Run every pending step until nothing is left to do">
        Run until quiet
      </button>
      {busy && (
        <button type="button" className="sim-btn danger" onClick={onStop} title="Stop the long action at its next batch">
          Stop
        </button>
      )}
      <span className="sim-sep" />
      <button type="button" className="sim-btn danger" onClick={onReset} disabled={!!busy} title="Empty every table and start the run again (same seed and settings)">
        Reset
      </button>
      <span className="sim-sep" />
      {scope}
      <span className="sim-status" role="status" aria-live="polite">
        {busy
          ? `${busy.label}… ${busy.done.toLocaleString('en')}${busy.total ? ` / ${busy.total.toLocaleString('en')}` : ' steps'}`
          : <>Step <strong data-testid="sim.step">{run.step}</strong> · {run.stats.events} events · {inFlight} in flight · {run.quiet ? 'quiet' : 'work pending'}
            {broken > 0 && <> · <strong className="status-bad" data-testid="sim.broken">{broken} broken invariant{broken === 1 ? '' : 's'}</strong></>}</>}
      </span>
    </div>
  );
}
