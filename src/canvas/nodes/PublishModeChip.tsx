import type { PublishMode } from '../../core';
import { useNodeRunOverrides } from '../RunOverlayContext';

const RUN_NOTE = ' — switched for this run in Faults & patterns; the design says otherwise';

/**
 * OUTBOX (safe: row and event in one transaction) or DUAL WRITE (can lose events on a crash). In
 * run mode a switch flipped for the run replaces the design's value, marked "(run)".
 */
export function PublishModeChip({ mode, nodeId }: { mode: PublishMode; nodeId?: string }) {
  const override = useNodeRunOverrides(nodeId ?? '')?.publish;
  const shown = override ?? mode;
  const run = override !== undefined ? ' (run)' : '';
  const note = override !== undefined ? RUN_NOTE : '';
  const cls = `chip ${shown === 'outbox' ? 'chip--good' : 'chip--warn'}${run ? ' chip--run' : ''}`;
  if (shown === 'outbox') return <span className={cls} title={`Publishes through a transactional outbox${note}`}>OUTBOX{run}</span>;
  if (shown === 'publish-first') return <span className={cls} title={`Dual write, publishing before it commits: a failed commit leaves a published phantom${note}`}>PUBLISH FIRST{run}</span>;
  return <span className={cls} title={`Dual write: commits, then publishes directly; a crash in between loses the event${note}`}>DUAL WRITE{run}</span>;
}
