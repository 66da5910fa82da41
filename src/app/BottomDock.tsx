import { useAppStore } from '../state/store';
import { selectMode } from '../state/selectors';
import { SimulationWorkspace } from '../features/simulation/SimulationWorkspace';

/**
 * The region under the canvas for the run workspace. Empty in design mode; in run mode it
 * hosts the simulation workspace (src/features/simulation).
 */
export function BottomDock() {
  const mode = useAppStore(selectMode);
  if (mode !== 'run') return null;
  return <SimulationWorkspace />;
}
