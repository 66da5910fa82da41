import { useAppStore } from '../../../state/store';

type AppState = ReturnType<typeof useAppStore.getState>;

/** True while the run advances faster than a person reads: a long action or fast play. */
const selectRushing = (s: AppState) => s.simBusy !== null || (s.simPlaying && s.simSpeed > 20);

/**
 * How often live tables re-read: every 150 ms while stepping by hand, every 600 ms while a long
 * action or fast play writes hundreds of transactions a second (the engine keeps the main thread).
 */
export function useLiveInterval(): number {
  return useAppStore(selectRushing) ? 600 : 150;
}
