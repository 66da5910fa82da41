import { useEffect } from 'react';

/**
 * Runs `preload` once, on the user's first key press, click or touch: code that is not part of the
 * first visit (dialogs, side panel, menus) is fetched while the user starts working, so it opens
 * at once when asked for, and a visit that only looks costs nothing.
 */
export function usePreloadOnFirstUse(preload: () => void): void {
  useEffect(() => {
    const events = ['pointerdown', 'keydown'] as const;
    const once = () => {
      for (const name of events) window.removeEventListener(name, once, true);
      preload();
    };
    for (const name of events) window.addEventListener(name, once, true);
    return () => { for (const name of events) window.removeEventListener(name, once, true); };
  }, [preload]);
}
