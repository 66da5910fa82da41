import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { AppShell } from './AppShell';

// The editor loads as its own chunk, requested at once: the first paint (the frame in AppShell) does not wait for it.
const App = lazy(() => import('./App').then((m) => ({ default: m.App })));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={<AppShell />}>
      <App />
    </Suspense>
  </StrictMode>,
);
