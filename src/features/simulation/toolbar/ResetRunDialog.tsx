import { total, type RunRecord } from '../../../core';
import { ConfirmDialog } from '../../dialogs/ConfirmDialog';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What a reset of this run throws away, in plain words (only what there is). Pure. */
export function resetLosses(run: RunRecord): string[] {
  return [
    run.seq.command > 0 && count(run.seq.command, 'fired command'),
    run.position > 0 && count(run.position, 'event in the event store', 'events in the event store'),
    total(run.stats.projectionRows) > 0 && count(total(run.stats.projectionRows), 'projection row'),
    run.seq.deadLetter > 0 && count(run.seq.deadLetter, 'dead letter'),
    run.seq.handling > 0 && count(run.seq.handling, 'logged handling'),
    run.step > 0 && `the trace of ${count(run.step, 'step')}`,
  ].filter((line): line is string => typeof line === 'string');
}

interface Props {
  run: RunRecord;
  /** The run is reset with the design as it is now (after an edit), not the one it started from. */
  withNewDesign: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before Reset: says which of the run's rows are lost and what is kept. */
export function ResetRunDialog({ run, withNewDesign, onConfirm, onCancel }: Props) {
  const losses = resetLosses(run);
  return (
    <ConfirmDialog title={withNewDesign ? 'Reset the run with this design?' : 'Reset the run?'} confirmLabel="Reset the run"
      onConfirm={onConfirm} onCancel={onCancel}>
      {losses.length > 0 ? (
        <>
          <p>Every table of this run is emptied. Lost:</p>
          <ul aria-label="What the reset loses">{losses.map((line) => <li key={line}>{line}</li>)}</ul>
        </>
      ) : <p>The run is still empty: nothing is lost.</p>}
      <p className="muted">
        Kept: the seed ({run.settings.seed}) and the fault and pattern settings{withNewDesign ? '; the run starts again from the design as it is now' : ''}.
        A reset cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
