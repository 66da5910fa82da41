import type { MouseEvent } from 'react';
import type { DeadLetterRecord } from '../../../core';
import type { RunSession } from '../../../session';
import { useAppStore } from '../../../state/store';
import { useRunSession, useRunSessionValue } from '../session/RunSessionContext';

/** Puts dead letters back to their consumers (engine.redrive, a write of the session); says what happened in a toast. */
async function redrive(session: RunSession, which: number | 'all'): Promise<void> {
  // A failure (an unknown dead letter, a deleted run) becomes the session's error: a toast.
  const redriven = await session.write((engine, runId) => engine.redrive(runId, which));
  if (redriven) {
    useAppStore.getState().showToast(
      redriven.length === 0 ? 'Every dead letter was redriven already: nothing to put back.'
        : `Redrove ${redriven.length === 1 ? `${redriven[0]?.eventTypeName ?? 'a message'} ${redriven[0]?.eventId ?? ''} to ${redriven[0]?.consumerId ?? 'its consumer'}` : `${redriven.length} dead letters to their consumers`}: step or run to deliver ${redriven.length === 1 ? 'it' : 'them'}.`,
      'info',
    );
  }
}

/** The Redrive cell of a dead letter: a button, or when it was redriven. */
export function RedriveCell({ row }: { row: DeadLetterRecord }) {
  const session = useRunSession();
  const busy = useRunSessionValue(session, (s) => s.busy !== null);
  if (row.redrivenStep !== undefined) return <span className="pill pill-ok" title={`Delivery #${row.redriveDeliverySeq ?? '?'} put it back`}>redriven at {row.redrivenStep}</span>;
  return (
    <button type="button" className="sim-btn sim-btn--small" disabled={busy} aria-label={`Redrive dead letter ${row.seq}`}
      title="Put this message back to its consumer as a new delivery (fix the cause first, e.g. switch the poison value off)"
      onClick={(e: MouseEvent) => { e.stopPropagation(); void redrive(session, row.seq); }}>
      Redrive
    </button>
  );
}

/** "Redrive all": every dead letter not redriven yet goes back to its consumer in one transaction. */
export function RedriveAllButton({ disabled }: { disabled: boolean }) {
  const session = useRunSession();
  const busy = useRunSessionValue(session, (s) => s.busy !== null);
  return (
    <button type="button" className="sim-btn" disabled={disabled || busy} onClick={() => void redrive(session, 'all')}
      title="Put every dead letter not redriven yet back to its consumer">
      Redrive all
    </button>
  );
}
