import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { useAppStore } from '../../state/store';
import { selectDesignId } from '../../state/selectors';
import { resetDamagedRun } from './DamagedRun';

/** Contains a failing dock panel to itself, with the error's text, "Reset the run" and "Try again". */
export function PanelBoundary({ panel, children }: { panel: string; children: ReactNode }) {
  const runId = useAppStore(selectDesignId);
  return (
    <ErrorBoundary area={`The ${panel} panel`} className="error-boundary--panel" resetKeys={[runId]}
      reassurance="The other panels and your design are not affected."
      actions={runId ? [{ label: 'Reset the run', title: 'Empty this run and start a new one from the design', run: () => resetDamagedRun(() => useAppStore.getState().deleteDesignRun(runId)) }] : []}>
      {children}
    </ErrorBoundary>
  );
}
