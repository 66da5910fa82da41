import { lazy, Suspense, useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './app.css';
import '../canvas/canvas.css';
import '../features/inspector/inspector.css';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { ActionHostProvider } from '../features/actions';
import { preloadActionOverlays } from '../features/actions/ActionOverlays';
import { preloadDesignsList } from '../features/designs/DesignsMenu';
import { Palette } from '../features/palette/Palette';
import { Toolbar } from '../features/toolbar/Toolbar';
import { useAppStore } from '../state/store';
import { selectDesignsError, selectMode, selectSidePanelVisible } from '../state/selectors';
import { RunOverlayProvider } from '../features/simulation/overlay/RunOverlayProvider';
import { BottomDock } from './BottomDock';
import { usePreloadOnFirstUse } from './preloadOnFirstUse';
import { useFlushOnPageHide } from './useFlushOnPageHide';

// The side panel (inspector and problems list) is closed on a first visit: its code loads when it opens.
const loadSidePanel = () => import('./SidePanel');
const SidePanel = lazy(() => loadSidePanel().then((m) => ({ default: m.SidePanel })));

function preloadOnFirstUse() {
  void loadSidePanel();
  preloadActionOverlays();
  preloadDesignsList();
}

function SidePanelSlot() {
  const visible = useAppStore(selectSidePanelVisible);
  return visible ? <Suspense fallback={null}><SidePanel /></Suspense> : null;
}

/** The editor shell: toolbar, palette, canvas, side panel and the run dock. */
export function App() {
  const mode = useAppStore(selectMode);
  const error = useAppStore(selectDesignsError);
  useEffect(() => { void useAppStore.getState().initDesigns(); }, []);
  useFlushOnPageHide();
  usePreloadOnFirstUse(preloadOnFirstUse);
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
            <SidePanelSlot />
          </div>
        )}
        <BottomDock />
      </div>
      </ActionHostProvider>
    </ReactFlowProvider>
  );
}
