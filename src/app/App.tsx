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
import { DurabilityBanners } from '../features/durability/DurabilityBanners';
import { ErrorBoundary } from '../features/durability/ErrorBoundary';
import { useAppStore } from '../state/store';
import { selectCanUndo, selectDesignId, selectMode, selectSidePanelVisible, selectStorageFault } from '../state/selectors';
import { RunOverlayProvider } from '../features/simulation/overlay/RunOverlayProvider';
import { RunSessionProvider } from '../features/simulation/session/RunSessionProvider';
import { BottomDock } from './BottomDock';
import { usePreloadOnFirstUse } from './preloadOnFirstUse';
import { useFlushOnPageHide } from './useFlushOnPageHide';
import { PageBoundary } from './PageBoundary';

const CANVAS_SAFE = 'Your design is saved in this browser; nothing is lost.';

/** The editor (its own chunk, loaded after the shell's first paint) inside the page's error boundary. */
export function App() {
  return <PageBoundary><Editor /></PageBoundary>;
}

// The side panel (inspector and problems list) is closed on a first visit: its code loads when it opens.
const loadSidePanel = () => import('./SidePanel');
const SidePanel = lazy(() => loadSidePanel().then((m) => ({ default: m.SidePanel })));
// Shown only when the designs database cannot be used at all.
const RecoveryScreen = lazy(() => import('../features/durability/RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })));

/** Empties the design's run (the run engine loads on use). */
const resetRun = (designId: string) => void import('../features/durability/DamagedRun').then((m) => m.resetDamagedRun(() => useAppStore.getState().deleteDesignRun(designId)));

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
function Editor() {
  const mode = useAppStore(selectMode);
  const fault = useAppStore(selectStorageFault);
  const designId = useAppStore(selectDesignId);
  const canUndo = useAppStore(selectCanUndo);
  useEffect(() => { void useAppStore.getState().initDesigns(); }, []);
  useFlushOnPageHide();
  usePreloadOnFirstUse(preloadOnFirstUse);
  if (fault) return <Suspense fallback={null}><RecoveryScreen fault={fault} /></Suspense>;
  const { undo, setMode } = useAppStore.getState();
  return (
    <ReactFlowProvider>
      <ActionHostProvider>
      <RunSessionProvider>
      <div className={`app app--${mode}`}>
        <Toolbar />
        <DurabilityBanners />
        <div className="workspace">
          {mode === 'design' && <Palette />}
          <main className="canvas-region" aria-label="Canvas">
            <ErrorBoundary area="The canvas" reassurance={CANVAS_SAFE} resetKeys={[designId, mode]}
              actions={canUndo ? [{ label: 'Undo the last edit', title: 'Go back one step, then draw the canvas again', run: undo }] : []}>
              <RunOverlayProvider>
                <FlowCanvas />
              </RunOverlayProvider>
            </ErrorBoundary>
          </main>
          <SidePanelSlot />
        </div>
        <ErrorBoundary area="Run mode" className="error-boundary--dock" resetKeys={[designId, mode]}
          reassurance="Your design is not affected."
          actions={[
            { label: 'Back to design', title: 'Leave run mode', run: () => setMode('design') },
            ...(designId ? [{ label: 'Reset the run', title: 'Empty this run and start a new one from the design', run: () => resetRun(designId) }] : []),
          ]}>
          <BottomDock />
        </ErrorBoundary>
      </div>
      </RunSessionProvider>
      </ActionHostProvider>
    </ReactFlowProvider>
  );
}
