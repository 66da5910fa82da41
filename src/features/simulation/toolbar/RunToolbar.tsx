import type { ReactNode } from 'react';
import { total, type ReportSummaryRecord, type RunRecord } from '../../../core';
import { PLAY_SPEEDS, type RunBusy } from '../../../session';
import { ActionButton } from '../../actions';

interface Props {
  run: RunRecord;
  /** The invariant report last computed, if any. */
  report?: ReportSummaryRecord;
  playing: boolean;
  speed: number;
  busy: RunBusy | null;
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
  const { run, report, playing, speed, busy, onSpeed, scope } = props;
  const s = run.stats;
  const inFlight = s.commandsPending + total(s.outboxPending) + total(s.queued) + total(s.inFlight) + total(s.directPending);
  const broken = report?.broken ?? 0;
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
          {PLAY_SPEEDS.map((s) => <option key={s} value={s}>{s}/s</option>)}
        </select>
      </label>
      <ActionButton action="run.untilQuiet" named={false} className="sim-btn">Run until quiet</ActionButton>
      {(busy || playing) && <ActionButton action="run.stop" named={false} className="sim-btn danger">Stop</ActionButton>}
      <span className="sim-sep" />
      <ActionButton action="run.reset" named={false} className="sim-btn danger">Reset</ActionButton>
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
