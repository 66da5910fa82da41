import { useEffect, useState } from 'react';
import { addScenario, freshScenarioId, freshScenarioName, whenFromSettings, type FlowDocument, type RunRecord, type WorkloadShare } from '../../../core';
import { selectDoc } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { useRunSession, useRunSessionValue } from '../session/RunSessionContext';
import './workload.css';

/** The weights a user set, per design, kept while the page lives (switching tabs keeps them). Keys are user-chosen ids: a Map. */
const remembered = new Map<string, WorkloadShare[]>();

function defaultMix(doc: FlowDocument): WorkloadShare[] {
  return doc.producers.flatMap((p) => p.commands.map((c) => ({ producerId: p.id, commandId: c.id, weight: 1 })));
}

/** The remembered mix, fitted to the design's commands as they are now (new commands weigh 1, deleted ones go). */
function mixFor(doc: FlowDocument): WorkloadShare[] {
  const before = remembered.get(doc.id) ?? [];
  return defaultMix(doc).map((share) => before.find((b) => b.producerId === share.producerId && b.commandId === share.commandId) ?? share);
}

/** A mixed workload: a rate per producer command, fired as one seeded mix; saved as a scenario's given. */
export function WorkloadPanel({ run, enabled }: { run: RunRecord; enabled: boolean }) {
  const doc = useAppStore(selectDoc);
  const session = useRunSession();
  // A workload is a long action: it waits while Play or another one runs.
  const busy = useRunSessionValue(session, (s) => s.busy !== null || s.playing);
  const [mix, setMix] = useState<WorkloadShare[]>(() => (doc ? mixFor(doc) : []));
  const [count, setCount] = useState(100);
  useEffect(() => { if (doc) remembered.set(doc.id, mix); }, [doc, mix]);
  if (!doc) return null;
  const total = mix.reduce((sum, s) => sum + (s.weight > 0 ? s.weight : 0), 0);
  const can = enabled && !busy && total > 0 && count >= 1;
  const label = (s: WorkloadShare) => {
    const producer = doc.producers.find((p) => p.id === s.producerId);
    return `${producer?.name ?? s.producerId} · ${producer?.commands.find((c) => c.id === s.commandId)?.name ?? s.commandId}`;
  };
  const fire = async () => {
    let fired = 0;
    // One seeded mix in one transaction: a long action of the session (busy; the panels wait for it).
    await session.longAction(`Firing a workload of ${count.toLocaleString('en')}`, count, async ({ engine, runId }) => {
      fired = (await engine.fireMany(runId, { count, mix })).length;
    });
    if (fired > 0) useAppStore.getState().showToast(`Fired ${fired.toLocaleString('en')} commands of the mix in one transaction.`, 'info');
  };
  const save = () => {
    const store = useAppStore.getState();
    const current = store.doc;
    if (!current) return;
    const name = freshScenarioName(current, `Workload of ${count}`, false);
    store.applyEdit((d) => addScenario(d, {
      id: freshScenarioId(current), name,
      given: { commands: [], workload: { count, mix: mix.filter((s) => s.weight > 0) } },
      when: whenFromSettings(run.settings),
      then: { rows: [], expectAnomalies: [], allowAnomalies: [] },
    }));
    store.showToast(`Saved “${name}”: this mix under the run's faults and patterns, expecting no broken invariant. Edit it in Scenarios.`, 'info');
  };
  return (
    <div className="panel-body workload" aria-label="Workload">
      <div className="panel-toolbar">
        <label className="sim-check">
          Commands
          <input type="number" min={1} max={100000} value={count} aria-label="Commands in the workload"
            onChange={(e) => setCount(Math.max(1, Math.min(100_000, Math.floor(Number(e.target.value) || 1))))} />
        </label>
        <button type="button" className="sim-btn primary" disabled={!can} onClick={() => void fire()}>Fire workload {count.toLocaleString('en')}</button>
        <button type="button" className="sim-btn" disabled={!enabled || total <= 0} onClick={save}>Save as a scenario</button>
        <span className="sim-hint">Each command is drawn from the mix by its rate, from the run's seed; all are queued in one transaction.</span>
      </div>
      <table className="workload-table" aria-label="Workload mix">
        <thead><tr><th>Producer · command</th><th>Rate</th><th>Share</th></tr></thead>
        <tbody>
          {mix.map((s, i) => (
            <tr key={`${s.producerId}\u0000${s.commandId}`}>
              <td>{label(s)}</td>
              <td>
                <input type="number" min={0} step={1} value={s.weight} aria-label={`Rate of ${label(s)}`}
                  onChange={(e) => {
                    const weight = Math.max(0, Number(e.target.value) || 0);
                    setMix(mix.map((m, j) => (j === i ? { ...m, weight } : m)));
                  }} />
              </td>
              <td>{total > 0 ? `${Math.round((Math.max(0, s.weight) / total) * 100)}%` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total <= 0 && <p className="sim-errors" role="alert">Give at least one command a rate above 0.</p>}
    </div>
  );
}
