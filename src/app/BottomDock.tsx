import { lazy, Suspense } from 'react';
import { useAppStore } from '../state/store';
import { selectMode } from '../state/selectors';

// Run mode (the engine, the panels, their tables) loads the first time the user switches to Run.
const SimulationWorkspace = lazy(() => import('../features/simulation/SimulationWorkspace').then((m) => ({ default: m.SimulationWorkspace })));

/**
 * The region under the canvas for the run workspace. Empty in design mode; in run mode it
 * hosts the simulation workspace (src/features/simulation), loaded on first use.
 */
export function BottomDock() {
  const mode = useAppStore(selectMode);
  if (mode !== 'run') return null;
  return (
    <Suspense fallback={<div className="dock-loading" role="status">Loading run mode…</div>}>
      <SimulationWorkspace />
    </Suspense>
  );
}
