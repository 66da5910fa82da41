import type { MouseEvent } from 'react';
import type { DeadLetterRecord } from '../../../core';
import { useAppStore } from '../../../state/store';
import { runEngine } from '../runEngine';

const selectBusy = (s: ReturnType<typeof useAppStore.getState>) => s.simBusy;

/** Puts dead letters back to their consumers (engine.redrive); says what happened in a toast. */
async function redrive(runId: string, which: number | 'all'): Promise<void> {
  const { showToast } = useAppStore.getState();
  try {
    const redriven = await runEngine().redrive(runId, which);
    showToast(
      redriven.length === 0 ? 'Every dead letter was redriven already: nothing to put back.'
        : `Redrove ${redriven.length === 1 ? `${redriven[0]?.eventTypeName ?? 'a message'} ${redriven[0]?.eventId ?? ''} to ${redriven[0]?.consumerId ?? 'its consumer'}` : `${redriven.length} dead letters to their consumers`}: step or run to deliver ${redriven.length === 1 ? 'it' : 'them'}.`,
      'info',
    );
  } catch (error) {
    showToast(error instanceof Error ? error.message : String(error), 'error');
  }
}

/** The Redrive cell of a dead letter: a button, or when it was redriven. */
export function RedriveCell({ runId, row }: { runId: string; row: DeadLetterRecord }) {
  const busy = useAppStore(selectBusy) !== null;
  if (row.redrivenStep !== undefined) return <span className="pill pill-ok" title={`Delivery #${row.redriveDeliverySeq ?? '?'} put it back`}>redriven at {row.redrivenStep}</span>;
  return (
    <button type="button" className="sim-btn sim-btn--small" disabled={busy} aria-label={`Redrive dead letter ${row.seq}`}
      title="Put this message back to its consumer as a new delivery (fix the cause first, e.g. switch the poison value off)"
      onClick={(e: MouseEvent) => { e.stopPropagation(); void redrive(runId, row.seq); }}>
      Redrive
    </button>
  );
}

/** "Redrive all": every dead letter not redriven yet goes back to its consumer in one transaction. */
export function RedriveAllButton({ runId, disabled }: { runId: string; disabled: boolean }) {
  const busy = useAppStore(selectBusy) !== null;
  return (
    <button type="button" className="sim-btn" disabled={disabled || busy} onClick={() => void redrive(runId, 'all')}
      title="Put every dead letter not redriven yet back to its consumer">
      Redrive all
    </button>
  );
}
