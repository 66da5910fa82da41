import { lazy, Suspense } from 'react';
import { ProblemsList } from '../features/problems/ProblemsList';
import { useAppStore } from '../state/store';
import { selectProblems, selectSidePanel, selectSidePanelVisible } from '../state/selectors';
import { ErrorBoundary } from '../features/durability/ErrorBoundary';

/** What is selected, as one value: the inspector's error clears when the selection changes. */
const selectSelectionKey = (s: ReturnType<typeof useAppStore.getState>) => `${s.selectedNodeIds.join('\u0000')}\u0001${s.selectedEdgeIds.join('\u0000')}`;

// The inspector's editors load the first time something is selected (or the panel is opened).
const Inspector = lazy(() => import('../features/inspector/Inspector').then((m) => ({ default: m.Inspector })));

/** The right-hand panel: the inspector, or the problems list, one tab each. Shown on selection or on demand. */
export function SidePanel() {
  const visible = useAppStore(selectSidePanelVisible);
  const panel = useAppStore(selectSidePanel);
  const problems = useAppStore(selectProblems);
  const selectionKey = useAppStore(selectSelectionKey);
  if (!visible) return null;
  const { setSidePanel, setPanelPinned, clearSelection } = useAppStore.getState();
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <aside className="side-panel" aria-label="Side panel">
      <div className="tabs" role="tablist" aria-label="Side panel tabs">
        <button type="button" role="tab" id="tab-inspector" aria-controls="panel-inspector" aria-selected={panel === 'inspector'}
          className="tabs__tab" onClick={() => setSidePanel('inspector')} title="Edit the selected node (or the design)">Inspector</button>
        <button type="button" role="tab" id="tab-problems" aria-controls="panel-problems" aria-selected={panel === 'problems'}
          className="tabs__tab" onClick={() => setSidePanel('problems')} title="What the validator found in this design">
          Problems
          {problems.length > 0 && <span className={`tabs__count${errors > 0 ? ' tabs__count--error' : ''}`}>{problems.length}</span>}
        </button>
        <button type="button" className="icon-button tabs__close" aria-label="Close side panel" title="Close the panel (clears the selection)"
          onClick={() => { setPanelPinned(false); clearSelection(); }}>×</button>
      </div>
      <div className="side-panel__body" role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
        <ErrorBoundary area={panel === 'inspector' ? 'The inspector' : 'The problems list'} resetKeys={[panel, selectionKey]}
          reassurance="Your design is saved; the canvas keeps working."
          actions={[{ label: 'Clear the selection', title: 'Close the inspector of this node', run: clearSelection }]}>
          {panel === 'inspector'
            ? <Suspense fallback={<p className="side-panel__loading" role="status">Loading the inspector…</p>}><Inspector /></Suspense>
            : <ProblemsList />}
        </ErrorBoundary>
      </div>
    </aside>
  );
}
