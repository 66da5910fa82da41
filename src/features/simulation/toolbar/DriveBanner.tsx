import type { DriveState } from '../../../session';

/**
 * Says which tab drives the run when it is not this one, and offers to take it over: the driving
 * tab stops, finishes its write and lets go (or loses the run after ~2 s when it does not answer).
 */
export function DriveBanner({ drive, onTakeOver }: { drive: DriveState; onTakeOver(): void }) {
  if (drive === 'driving') return null;
  const text = drive === 'taken-over'
    ? 'Another tab took over this run. This tab shows it live; its controls are off.'
    : drive === 'taking-over'
      ? 'Taking this run over: the other tab is finishing its step…'
      : 'This run is driven in another tab. This tab shows it live; its controls are off.';
  return (
    <div className="sim-banner drive-banner" role="status" data-testid="run.drive-banner" data-drive={drive}>
      <span>{text}</span>
      <button type="button" className="sim-btn primary" disabled={drive === 'taking-over'} onClick={onTakeOver}
        title="Drive the run from this tab (the other tab stops and watches)">
        Take over
      </button>
    </div>
  );
}
