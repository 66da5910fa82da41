import type { RunSessionState } from './types';

/**
 * The session's state and its listeners. `set` replaces the state at once; `setPaced` (used by
 * play and long actions, hundreds of writes a second) keeps the newest value and tells the
 * listeners at most every `everyMs`; `flush` tells them now.
 */
export function createStateCell(initial: RunSessionState, now: () => number, everyMs: number) {
  let state = initial;
  let published = state;
  let publishedAt = Number.NEGATIVE_INFINITY;
  const listeners = new Set<() => void>();
  const publish = () => {
    if (published === state) return;
    published = state;
    publishedAt = now();
    for (const listener of [...listeners]) listener();
  };
  return {
    /** The state as last published (what React renders). */
    get: () => published,
    /** The newest state, published or not (what the session decides on). */
    current: () => state,
    set(patch: Partial<RunSessionState>) {
      state = { ...state, ...patch };
      publish();
    },
    setPaced(patch: Partial<RunSessionState>) {
      state = { ...state, ...patch };
      if (now() - publishedAt >= everyMs) publish();
    },
    /** Whether a paced change would be published now. */
    due: () => now() - publishedAt >= everyMs,
    flush: publish,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
