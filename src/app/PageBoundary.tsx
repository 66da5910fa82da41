import type { ReactNode } from 'react';
import { ErrorBoundary, type RecoveryAction } from '../features/durability/ErrorBoundary';
import { useAppStore } from '../state/store';

const PAGE_SAFE = 'Your designs are saved in this browser; edits not yet saved are kept and come back after a reload.';
const PAGE_ACTIONS: RecoveryAction[] = [
  {
    label: 'Download the open design',
    title: 'Save the design as it is in memory (.flow.json)',
    run: async () => {
      const { doc } = useAppStore.getState();
      if (!doc) return;
      const [{ designExport }, { downloadFile }] = await Promise.all([import('../features/exchange/exportFiles'), import('../features/exchange/download')]);
      downloadFile(designExport('design', doc));
    },
  },
  { label: 'Reload the page', run: () => window.location.reload() },
];

/**
 * The page's error boundary around the editor: whatever breaks outside the canvas, inspector,
 * dock panels and run mode (each has its own) shows its error and a way out, never a blank page.
 * Loaded with the editor's chunk (after the shell's first paint).
 */
export function PageBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary area="Event Flow Designer" className="error-boundary--page" reassurance={PAGE_SAFE} actions={PAGE_ACTIONS}>
      {children}
    </ErrorBoundary>
  );
}
