import { useEffect, useState } from 'react';
import { onDamagedRunRow, type DamagedRunRow } from '../../state/runRows';
import { useAppStore } from '../../state/store';

/** Resets a design's damaged run through the run session (its tables emptied, a new run from the design). */
export async function resetDamagedRun(reset: () => Promise<unknown>): Promise<void> {
  try {
    await reset();
    useAppStore.getState().clearSimView();
  } catch (error) {
    useAppStore.getState().showToast(`The run could not be reset: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Run mode, when the design's run row cannot be read: what is wrong, and the way out. */
export function DamagedRunNotice({ problem, onReset }: { problem: string; onReset: () => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="durability-banner durability-banner--run" role="alert" aria-label="The run is damaged">
      <p>
        <strong>The saved run of this design is damaged, so run mode cannot show it.</strong> What is wrong: {problem}. Your
        design is not affected. Reset the run to start a new one from the design; the damaged run’s tables are emptied.
      </p>
      <div className="durability-banner__actions">
        <button type="button" className="tool-button tool-button--primary" disabled={busy}
          onClick={() => { setBusy(true); void resetDamagedRun(onReset).finally(() => setBusy(false)); }}>Reset the run</button>
        <button type="button" className="tool-button" onClick={() => useAppStore.getState().setMode('design')}>Back to design</button>
      </div>
    </div>
  );
}

/** A line over the run's panels when some rows it read were damaged (they are shown as “⚠ damaged”). */
export function DamagedRowsBanner({ runId, onReset }: { runId: string; onReset: () => Promise<unknown> }) {
  const [damage, setDamage] = useState<DamagedRunRow | null>(null);
  useEffect(() => {
    setDamage(null);
    return onDamagedRunRow((found) => { if (found.runId === runId || found.runId === '') setDamage(found); });
  }, [runId]);
  if (!damage) return null;
  return (
    <div className="durability-banner durability-banner--run" role="alert" aria-label="Damaged rows in this run">
      <p>
        <strong>Some rows of this run are damaged</strong> (in the {damage.table} table: {damage.problem}); they are shown
        as “⚠ damaged”. Reset the run to start clean from the design.
      </p>
      <div className="durability-banner__actions">
        <button type="button" className="tool-button" onClick={() => void resetDamagedRun(onReset).then(() => setDamage(null))}>Reset the run</button>
      </div>
    </div>
  );
}
