import { useEffect, useRef, useState } from 'react';
import { getOwn, type DesignReplayReport, type FlowDocument } from '../../core';
import './evolution.css';

const MAX_ROWS = 20;

/** A cell as text: objects and lists as JSON. */
const cell = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * "Replay with this design": reads the run's event store — written with the design the run
 * started with — through the current design, older events brought forward by their types'
 * upcasters, and shows the projections that gives, what was upcast and what could not be read.
 * Nothing in the run changes.
 */
export function ReplayWithDesign({ replay: replayWith, doc }: {
  /** Replays the run's event store with a design (undefined when the run is busy with something else). */
  replay: (design: FlowDocument) => Promise<DesignReplayReport | undefined>;
  doc: FlowDocument;
}) {
  const [report, setReport] = useState<DesignReplayReport | { error: string }>();
  const [busy, setBusy] = useState(false);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!report) return undefined;
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') setReport(undefined); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [report]);
  const replay = async () => {
    setBusy(true);
    try {
      setReport((await replayWith(doc)) ?? { error: 'The run is busy: stop it first, then replay.' });
    } catch (error) {
      setReport({ error: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const names = new Map(doc.projections.map((p) => [p.id, p]));
  return (
    <>
      <button type="button" className="sim-btn" disabled={busy} onClick={() => void replay()}
        title="Read this run's event store with the current design (older events go through their upcasters) and show the projections it gives; the run is not changed">
        Replay the event store with this design
      </button>
      {report && (
        <div className="exchange-backdrop">
          <div className="exchange-dialog exchange-dialog--wide" role="dialog" aria-modal="true" aria-labelledby="replay-title">
            <h2 id="replay-title" className="exchange-dialog__title replay__title">Event store replayed with the current design</h2>
            {'error' in report ? <p role="alert">{report.error}</p> : (
              <div className="replay__body">
                <p className="replay__summary" data-testid="replay.summary">
                  {report.events} stored event{report.events === 1 ? '' : 's'} read · {report.upcast} upcast from an older version ·{' '}
                  {report.skipped.length} left out
                </p>
                {report.skipped.length > 0 && (
                  <ul className="replay__skipped" aria-label="Events left out">
                    {report.skipped.slice(0, MAX_ROWS).map((s) => <li key={s.eventId}><code>{s.eventId}</code> {s.eventTypeName}: {s.reason}</li>)}
                  </ul>
                )}
                {[...report.rebuilt].map(([projectionId, rows]) => {
                  const projection = names.get(projectionId);
                  const columns = projection ? [projection.key, ...projection.columns.map((c) => c.name).filter((c) => c !== projection.key)] : [];
                  const keys = [...rows.keys()];
                  return (
                    <section key={projectionId} aria-label={`Projection ${projection?.name ?? projectionId}`}>
                      <h3 className="replay__projection">{projection?.name ?? projectionId} · {keys.length} row{keys.length === 1 ? '' : 's'}</h3>
                      <table className="replay__table">
                        <thead><tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
                        <tbody>
                          {keys.slice(0, MAX_ROWS).map((key) => (
                            <tr key={key}>{columns.map((c) => <td key={c}>{cell(getOwn(rows.get(key) ?? {}, c))}</td>)}</tr>
                          ))}
                        </tbody>
                      </table>
                    </section>
                  );
                })}
              </div>
            )}
            <div className="exchange-dialog__actions">
              <button ref={close} type="button" className="tool-button tool-button--primary" onClick={() => setReport(undefined)}>Close</button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
