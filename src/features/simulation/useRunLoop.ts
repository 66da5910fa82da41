import { useEffect } from 'react';
import { useAppStore } from '../../state/store';
import type { RunActions } from './useRunActions';

/** Steps per tick and milliseconds per tick for a speed in steps per second. Pure. */
export function tickPlan(stepsPerSecond: number): { steps: number; intervalMs: number } {
  if (stepsPerSecond <= 20) return { steps: 1, intervalMs: 1000 / Math.max(0.1, stepsPerSecond) };
  return { steps: Math.ceil(stepsPerSecond / 10), intervalMs: 100 };
}

/**
 * While playing, advances the run at the chosen speed: one micro-step per tick up to 20 steps/s
 * (every step visible), batches above. Pauses itself when the run is quiet (nothing left to do).
 */
export function useRunLoop(actions: RunActions, playing: boolean, speed: number): void {
  useEffect(() => {
    if (!playing) return;
    let cancelled = false;
    const { steps, intervalMs } = tickPlan(speed);
    const loop = async () => {
      while (!cancelled) {
        const started = performance.now();
        const advanced = steps === 1 ? ((await actions.step()) ? 1 : 0) : ((await actions.runSteps(steps))?.steps ?? 0);
        if (cancelled) return;
        if (advanced === 0) {
          useAppStore.getState().setSimPlaying(false);
          return;
        }
        const wait = Math.max(0, intervalMs - (performance.now() - started));
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    };
    void loop();
    return () => {
      cancelled = true;
    };
  }, [actions, playing, speed]);
}
