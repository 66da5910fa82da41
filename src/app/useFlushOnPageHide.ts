import { useEffect } from 'react';
import { useAppStore } from '../state/store';

/** Saves pending edits at once when the page is hidden or closed, so a reload loses nothing. */
export function useFlushOnPageHide(): void {
  useEffect(() => {
    const flush = () => useAppStore.getState().saveBeforePageHide();
    const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
