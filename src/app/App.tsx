import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { ActionHostProvider } from '../features/actions';
import { Palette } from '../features/palette/Palette';
import { Toolbar } from '../features/toolbar/Toolbar';
import { useAppStore } from '../state/store';
import { selectDesignsError, selectMode } from '../state/selectors';
import { RunOverlayProvider } from '../features/simulation/overlay/RunOverlayProvider';
import { BottomDock } from './BottomDock';
import { SidePanel } from './SidePanel';
import { useFlushOnPageHide } from './useFlushOnPageHide';

/** The editor shell: toolbar, palette, canvas, side panel and the run dock. */
export function App() {
  const mode = useAppStore(selectMode);
  const error = useAppStore(selectDesignsError);
  useEffect(() => { void useAppStore.getState().initDesigns(); }, []);
  useFlushOnPageHide();
  return (
    <ReactFlowProvider>
      <ActionHostProvider>
      <div className={`app app--${mode}`}>
        <Toolbar />
        {error ? <div className="app-error" role="alert">Designs could not be opened: {error}</div> : (
          <div className="workspace">
            {mode === 'design' && <Palette />}
            <main className="canvas-region" aria-label="Canvas">
              <RunOverlayProvider>
                <FlowCanvas />
              </RunOverlayProvider>
            </main>
            <SidePanel />
          </div>
        )}
        <BottomDock />
      </div>
      </ActionHostProvider>
    </ReactFlowProvider>
  );
}
