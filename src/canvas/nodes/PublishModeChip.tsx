import type { PublishMode } from '../../core';

/** OUTBOX (safe: row and event in one transaction) or DUAL WRITE (can lose events on a crash). */
export function PublishModeChip({ mode }: { mode: PublishMode }) {
  return mode === 'outbox'
    ? <span className="chip chip--good" title="Publishes through a transactional outbox">OUTBOX</span>
    : <span className="chip chip--warn" title="Dual write: commits, then publishes directly; a crash in between loses the event">DUAL WRITE</span>;
}
