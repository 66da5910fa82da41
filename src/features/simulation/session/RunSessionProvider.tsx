import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RunSession } from '../../../session/types';
import { selectDesignId, selectMode } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { RunSessionContext } from './RunSessionContext';

// The session (engine, run database) loads the first time the user switches to Run.
const loadSession = () => import('../../../session/openRunSession');

/**
 * Opens the run session of the open design while run mode is shown, and hands it to the canvas
 * overlay and the run workspace. Leaving run mode (or the design) disposes it: what played or ran
 * stops at its next batch. A failure the session reports shows as a toast.
 */
export function RunSessionProvider({ children }: { children: ReactNode }) {
  const mode = useAppStore(selectMode);
  const designId = useAppStore(selectDesignId);
  const [session, setSession] = useState<RunSession | null>(null);
  const speed = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (mode !== 'run' || designId === undefined) return;
    let closed = false;
    let opened: RunSession | undefined;
    let unsubscribe = () => {};
    void loadSession().then(({ openRunSession }) => {
      if (closed) return;
      const created = openRunSession(designId, { speed: speed.current });
      opened = created;
      let seenError = 0;
      unsubscribe = created.subscribe(() => {
        const { error } = created.getState();
        speed.current = created.getState().speed;
        if (error && error.seq !== seenError) {
          seenError = error.seq;
          useAppStore.getState().showToast(error.message, 'error');
        }
      });
      setSession(created);
      void created.open();
    }, (error: unknown) => useAppStore.getState().showToast(`Run mode could not load: ${String(error)}`, 'error'));
    return () => {
      closed = true;
      unsubscribe();
      opened?.dispose();
      setSession(null);
    };
  }, [mode, designId]);

  return <RunSessionContext.Provider value={session}>{children}</RunSessionContext.Provider>;
}
