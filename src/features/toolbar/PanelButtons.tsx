import { useAppStore } from '../../state/store';
import { selectProblems, selectSidePanel, selectSidePanelVisible } from '../../state/selectors';

/** Opens the side panel on the problems list (with their count) or on the design's details. */
export function PanelButtons() {
  const problems = useAppStore(selectProblems);
  const visible = useAppStore(selectSidePanelVisible);
  const panel = useAppStore(selectSidePanel);
  const { setSidePanel, setPanelPinned } = useAppStore.getState();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const problemsOpen = visible && panel === 'problems';
  const detailsOpen = visible && panel === 'inspector';
  const problemsText = problems.length === 0 ? '✓ No problems' : `⚠ ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return (
    <div className="toolbar__group">
      <button type="button" className={`tool-button${errors > 0 ? ' tool-button--alert' : ''}`} aria-pressed={problemsOpen}
        title="Show what the validator found in this design" onClick={() => (problemsOpen ? setPanelPinned(false) : setSidePanel('problems'))}>
        {problemsText}
      </button>
      <button type="button" className="tool-button tool-button--icon" aria-pressed={detailsOpen} aria-label="Inspector"
        title="Show the inspector (the selected node, or the design's details)"
        onClick={() => (detailsOpen ? setPanelPinned(false) : setSidePanel('inspector'))}>
        ◨
      </button>
    </div>
  );
}
