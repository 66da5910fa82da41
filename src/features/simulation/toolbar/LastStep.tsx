import { useThrottledLiveQuery } from '../live/useThrottledLiveQuery';
import { usePanelScope } from '../panels/PanelScope';
import { lastTrace } from '../queries';

/** The newest micro-step in plain words, under the run controls (the trace's last row, read live). */
export function LastStep() {
  const { db, runId, run } = usePanelScope();
  const last = useThrottledLiveQuery(
    () => lastTrace(db, runId),
    [db, runId],
    100,
  );
  const current = last && last.step === run.step ? last : undefined;
  return (
    <div className="sim-laststep" role="status" aria-live="polite" data-testid="sim.last-step" title={current?.text}>
      {current ? (
        <>
          <strong>Step {current.step}:</strong>
          {/* The fault comes first: a long step text is cut at its end, the fault must stay in view. */}
          {current.fault && <span className="pill pill-bad" data-testid="sim.last-step-fault">{current.fault}</span>}{' '}
          {current.text}
        </>
      ) : run.step === 0 ? (
        <span className="sim-hint">Fire a command at a producer (left), then press Step or S to watch it move one micro-step at a time.</span>
      ) : (
        <span className="sim-hint">Step {run.step}</span>
      )}
    </div>
  );
}
