import { useAppStore } from '../../state/store';
import { selectProblems } from '../../state/selectors';
import { ActionButton } from '../actions';

/** Opens the side panel on the problems list (with their count) or on the design's details. */
export function PanelButtons() {
  const problems = useAppStore(selectProblems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const problemsText = problems.length === 0 ? '✓ No problems' : `⚠ ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return (
    <div className="toolbar__group">
      <ActionButton action="view.problems" named={false} className={`tool-button${errors > 0 ? ' tool-button--alert' : ''}`}>
        {problemsText}
      </ActionButton>
      <ActionButton action="view.inspector" className="tool-button tool-button--icon">◨</ActionButton>
    </div>
  );
}
