import type { RunSessionState } from '../../../session';
import { useRunSession, useRunSessionValue } from '../session/RunSessionContext';

/** True while the run advances faster than a person reads: a long action or fast play. */
const selectRushing = (s: RunSessionState) => s.busy !== null || (s.playing && s.speed > 20);

/**
 * How often live tables re-read: every 150 ms while stepping by hand, every 600 ms while a long
 * action or fast play writes hundreds of transactions a second (the engine keeps the main thread).
 */
export function useLiveInterval(): number {
  return useRunSessionValue(useRunSession(), selectRushing) ? 600 : 150;
}
