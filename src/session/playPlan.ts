/**
 * How Play advances at a speed: one micro-step (one transaction, every step watchable) per tick
 * up to 20 steps/s; above that, ticks of a tenth of a second that take `steps` micro-steps in one
 * batch. Pure.
 */
export function playPlan(stepsPerSecond: number): { steps: number; intervalMs: number } {
  if (stepsPerSecond <= 20) return { steps: 1, intervalMs: 1000 / Math.max(0.1, stepsPerSecond) };
  return { steps: Math.ceil(stepsPerSecond / 10), intervalMs: 100 };
}

/** The play speeds offered (micro-steps per second). */
export const PLAY_SPEEDS = [1, 2, 5, 10, 25, 100, 500] as const;

/** Micro-steps per IndexedDB transaction in long actions: large enough for throughput, small enough to paint between. */
export const BATCH_STEPS = 250;

/**
 * Micro-steps per transaction of Run until quiet: the page paints a batch while the next one is
 * written (`overlap`), so a batch may be larger (fewer commits, fewer live-query wake-ups); Stop
 * ends the run within two batches (the engine issues the next batch while one is in flight, so at
 * most two are written past the Stop; each whole or not at all).
 */
export const RUN_BATCH_STEPS = 1000;

/** Commands generated per transaction by "fire N". */
export const FIRE_CHUNK = 500;
