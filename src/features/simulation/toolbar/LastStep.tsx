import { useState } from 'react';
import { explainStep, type StepPhase, type TraceRecord } from '../../../core';
import { PatternDialog } from '../explain/PatternDialog';
import { usePanelScope } from '../panels/PanelScope';

/** The newest micro-step in plain words, under the run controls (the run session's last trace row). */
export function LastStep({ lastTrace: last }: { lastTrace: TraceRecord | undefined }) {
  const { run } = usePanelScope();
  const [why, setWhy] = useState<StepPhase | null>(null);
  const current = last && last.step === run.step ? last : undefined;
  const verdict = run.verdict && run.verdict.step === run.step && run.verdict.kind !== 'quiet' ? run.verdict : undefined;
  if (verdict) {
    return (
      <div className="sim-laststep" role="status" aria-live="polite" data-testid="sim.last-step" title={verdict.message}>
        <strong>Step {run.step}:</strong>
        <span className="pill pill-bad" data-testid="sim.verdict">{verdict.kind === 'waiting' ? 'waiting' : verdict.kind === 'step-limit' ? 'step limit' : 'not converging'}</span>{' '}
        Run until quiet stopped: {verdict.message}
      </div>
    );
  }
  return (
    <>
    <div className="sim-laststep" role="status" aria-live="polite" data-testid="sim.last-step" title={current?.text}>
      {current ? (
        <>
          <strong>Step {current.step}:</strong>
          {/* The fault comes first: a long step text is cut at its end, the fault must stay in view. */}
          {current.fault && <span className="pill pill-bad" data-testid="sim.last-step-fault">{current.fault}</span>}
          {current.phase && <PatternStep phase={current.phase} onWhy={setWhy} />}{' '}
          {current.text}
        </>
      ) : run.step === 0 ? (
        <span className="sim-hint">Fire a command at a producer (left), then press Step or S to watch it move one micro-step at a time.</span>
      ) : (
        <span className="sim-hint">Step {run.step}</span>
      )}
    </div>
    {why && <PatternDialog phase={why} onClose={() => setWhy(null)} />}
    </>
  );
}

/** The pattern step a micro-step was ("outbox steps 2–3 of 7"), and its "why?". */
function PatternStep({ phase, onWhy }: { phase: StepPhase; onWhy(phase: StepPhase): void }) {
  const step = explainStep(phase);
  return (
    <>
      <span className="pill pill-pattern" data-testid="sim.last-step-pattern" title={step.headline}>{step.label}</span>
      {step.pattern && (
        <button type="button" className="sim-why" onClick={() => onWhy(phase)} title="What this pattern is, its steps and what goes wrong without it">
          why?
        </button>
      )}
    </>
  );
}
