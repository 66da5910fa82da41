/**
 * Decides how long a live query pauses after it delivered a result: zero while results arrive
 * slower than `intervalMs`, otherwise the time left until one interval after the previous result
 * (the read after a pause counts as a fresh start).
 * Pure apart from the clock it is given.
 */
export function throttleGate(intervalMs: number, now: () => number) {
  let previous = Number.NEGATIVE_INFINITY;
  return {
    /** Call when a result arrives; returns the milliseconds to pause before reading again. */
    onResult(): number {
      const at = now();
      const since = at - previous;
      if (since >= intervalMs) {
        previous = at;
        return 0;
      }
      // The read after the pause is a fresh start: it is applied and stays subscribed.
      previous = Number.NEGATIVE_INFINITY;
      return intervalMs - since;
    },
  };
}
