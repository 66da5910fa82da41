import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell, EditorLoadBoundary } from './AppShell';

/** Resolves once the browser has painted a frame (after the next animation frame's task). */
const afterFirstPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

// The editor is its own chunk, loaded once the shell (AppShell) is on screen: the first paint waits
// for React and the shell only, never for compiling and running the editor's code.
const App = lazy(() => afterFirstPaint().then(() => import('./App')).then((m) => ({ default: m.App })));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <EditorLoadBoundary>
      <Suspense fallback={<AppShell />}>
        <App />
      </Suspense>
    </EditorLoadBoundary>
  </StrictMode>,
);
