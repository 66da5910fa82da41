import { lazy, Suspense, useState, type ReactNode } from 'react';
import { RunOverlayContext, emptyRunOverlay } from '../../../canvas/RunOverlayContext';
import { RunOverlayStore } from '../../../canvas/runOverlayStore';
import { useRunSessionOrNull } from '../session/RunSessionContext';

// The live feed reads the run's tables: it loads with run mode, not on the first visit.
const LiveRunFeed = lazy(() => import('./LiveRunFeed').then((m) => ({ default: m.LiveRunFeed })));

/**
 * Gives the canvas the live run overlay while a run session is open (run mode) (badges per node, the edge the last
 * micro-step's message travelled on) and the empty one in design mode. Wrap the canvas with it;
 * the canvas is never remounted when the mode changes.
 */
export function RunOverlayProvider({ children }: { children: ReactNode }) {
  const session = useRunSessionOrNull();
  const [overlay] = useState(() => new RunOverlayStore());
  const live = session !== null;
  return (
    <RunOverlayContext.Provider value={live ? overlay : emptyRunOverlay}>
      {children}
      {live && (
        <Suspense fallback={null}>
          <LiveRunFeed key={session.runId} overlay={overlay} />
        </Suspense>
      )}
    </RunOverlayContext.Provider>
  );
}
