import type { LockRecord } from '../../../core';
import { lockRows } from '../queries';
import { useThrottledLiveQuery } from '../live/useThrottledLiveQuery';
import { nodeName, usePanelScope } from '../panels/PanelScope';
import { StatusPill } from '../table/VirtualTable';
import { lockState, type LockState } from './groups';
import './scale.css';

const STATE_TEXT: Record<LockState, { text: string; tone: 'ok' | 'warn' | 'bad' }> = {
  held: { text: 'held', tone: 'ok' },
  'lease-ended': { text: 'lease ended', tone: 'warn' },
  'holder-dead': { text: 'holder dead', tone: 'bad' },
};

/**
 * Run mode's Locks tab (issue 13): the lock table of the row locks (`lock` concurrency): which
 * instance holds which row, until when, and who waited. A lock whose holder died, or whose lease
 * ended, is highlighted: the next instance that asks takes it over once the lease has ended.
 */
export function LocksPanel() {
  const { db, runId, run, flow } = usePanelScope();
  const locks = useThrottledLiveQuery(() => lockRows(db, runId), [db, runId], 300, { keepPrevious: true });
  const usesLocks = flow.projections.some((p) => p.concurrency === 'lock') || flow.consumers.some((c) => c.concurrency === 'lock');
  if (locks === undefined) return <p className="sim-hint panel-toolbar">Reading the lock table…</p>;
  const rows: { lock: LockRecord; state: LockState }[] = locks.map((lock) => ({ lock, state: lockState(run, lock) }));
  return (
    <div className="scale-panel" aria-label="Lock table">
      <p className="panel-toolbar sim-hint">
        {usesLocks
          ? `Row locks held now (${rows.length}); a lock is released with its holder's write. Step ${run.step.toLocaleString('en')}.`
          : 'No projection or consumer of this run uses the lock: switch a projection to "lock" in the Instances tab (or its inspector) and reset the run.'}
      </p>
      {rows.length > 0 && (
        <table className="scale-table" aria-label="Locks">
          <thead>
            <tr><th>Projection</th><th>Key</th><th>Holder</th><th>Taken at</th><th>Lease until</th><th>State</th><th>Waits</th><th>Last refused</th></tr>
          </thead>
          <tbody>
            {rows.map(({ lock, state }) => (
              <tr key={`${lock.projectionId}\u0000${lock.key}`} className={state === 'held' ? undefined : `is-${state}`} data-testid={`lock.${lock.projectionId}.${lock.key}`}>
                <td>{nodeName(flow, lock.projectionId)}</td>
                <td className="mono">{lock.key}</td>
                <td className="mono">{lock.holderName}</td>
                <td>step {lock.acquiredStep}</td>
                <td>step {lock.leaseUntil}</td>
                <td><StatusPill status={STATE_TEXT[state].text} tone={STATE_TEXT[state].tone} /></td>
                <td>{lock.waits}</td>
                <td>{lock.lastWaiter === undefined ? '—' : `${lock.lastWaiter} at step ${lock.lastWaitStep ?? '?'}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
