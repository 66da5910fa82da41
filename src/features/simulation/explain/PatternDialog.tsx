import { useId } from 'react';
import { explainStep, patternOf, type StepPhase } from '../../../core';
import { ModalDialog } from '../../dialogs/ModalDialog';

/**
 * "Why?" for the last micro-step: the pattern it belongs to — what it promises, its steps with the
 * ones this micro-step took marked, the article's diagram in words, and what goes wrong without it.
 */
export function PatternDialog({ phase, onClose }: { phase: StepPhase; onClose(): void }) {
  const id = useId();
  const step = explainStep(phase);
  const pattern = step.pattern ? patternOf(step.pattern) : undefined;
  const [from, to] = step.steps ?? [0, -1];
  return (
    <ModalDialog labelledBy={`${id}-title`} onClose={onClose} className="pattern-dialog">
      <h2 id={`${id}-title`} className="modal-dialog__title">{pattern ? pattern.title : 'This step'}</h2>
      <p className="pattern-dialog__now"><strong>This step:</strong> {step.headline}.</p>
      {pattern && (
        <>
          <p>{pattern.promise}</p>
          <h3>Its steps</h3>
          <ol className="pattern-dialog__steps" aria-label={`The steps of ${pattern.title}`}>
            {pattern.steps.map((text, i) => {
              const current = i + 1 >= from && i + 1 <= to;
              return <li key={text} aria-current={current ? 'step' : undefined} className={current ? 'is-current' : undefined}>{text}</li>;
            })}
          </ol>
          <h3>The diagram, in words</h3>
          <pre className="pattern-dialog__diagram">{pattern.diagram.join('\n')}</pre>
          <h3>What goes wrong</h3>
          <ul>{pattern.pitfalls.map((text) => <li key={text}>{text}</li>)}</ul>
        </>
      )}
      <div className="confirm-dialog__buttons">
        <button type="button" className="tool-button" onClick={onClose} autoFocus>Close</button>
      </div>
    </ModalDialog>
  );
}
