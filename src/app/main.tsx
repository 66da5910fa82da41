import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './app.css';
import '../canvas/canvas.css';
import '../features/inspector/inspector.css';
import { App } from './App';
import { ErrorBoundary, type RecoveryAction } from '../features/durability/ErrorBoundary';
import { designExport } from '../features/exchange/exportFiles';
import { downloadFile } from '../features/exchange/download';
import { useAppStore } from '../state/store';

const PAGE_SAFE = 'Your designs are saved in this browser; edits not yet saved are kept and come back after a reload.';
const PAGE_ACTIONS: RecoveryAction[] = [
  {
    label: 'Download the open design',
    title: 'Save the design as it is in memory (.flow.json)',
    run: () => {
      const { doc } = useAppStore.getState();
      if (doc) downloadFile(designExport('design', doc));
    },
  },
  { label: 'Reload the page', run: () => window.location.reload() },
];

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary area="Event Flow Designer" className="error-boundary--page" reassurance={PAGE_SAFE} actions={PAGE_ACTIONS}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
