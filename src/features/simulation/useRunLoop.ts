import { useEffect } from 'react';
import { useAppStore } from '../../state/store';
import { runEngine } from './runEngine';
import type { RunActions } from './useRunActions';

/** Steps per tick and milliseconds per tick for a speed in steps per second. Pure. */
export function tickPlan(stepsPerSecond: number): { steps: number; intervalMs: number } {
  if (stepsPerSecond <= 20) return { steps: 1, intervalMs: 1000 / Math.max(0.1, stepsPerSecond) };
  return { steps: Math.ceil(stepsPerSecond / 10), intervalMs: 100 };
}

class Paused extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * While playing, advances the run at the chosen speed: one micro-step (one transaction) per tick
 * up to 20 steps/s, so every step can be watched; above that, one long batched run whose batches
 * are paced to the speed (the engine keeps its in-memory copy between them). Pauses itself when
 * the run is quiet.
 */
export function useRunLoop(runId: string, actions: RunActions, playing: boolean, speed: number): void {
  useEffect(() => {
    if (!playing) return;
    let cancelled = false;
    const { steps, intervalMs } = tickPlan(speed);
    const pause = () => useAppStore.getState().setSimPlaying(false);
    const stepByStep = async () => {
      while (!cancelled) {
        const started = performance.now();
        if (!(await actions.step())) return pause();
        await sleep(Math.max(0, intervalMs - (performance.now() - started)));
      }
    };
    const batched = async () => {
      let tick = performance.now();
      try {
        await runEngine().runUntilQuiet(runId, {
          stepsPerTransaction: steps,
          between: async () => {
            await sleep(Math.max(0, intervalMs - (performance.now() - tick)));
            tick = performance.now();
            if (cancelled) throw new Paused();
          },
        });
        if (!cancelled) pause();
      } catch (error) {
        if (error instanceof Paused) return;
        pause();
        useAppStore.getState().showToast(error instanceof Error ? error.message : String(error));
      }
    };
    void (steps === 1 ? stepByStep() : batched());
    return () => {
      cancelled = true;
    };
  }, [runId, actions, playing, speed]);
}
