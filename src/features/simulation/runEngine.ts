import type { SimulationEngine } from '../../core';
import { openSimulationEngine } from '../../persistence/simulation';

let engine: SimulationEngine | undefined;

/** The page's simulation engine over the app's simulation database (created on first use). */
export function runEngine(): SimulationEngine {
  engine ??= openSimulationEngine();
  return engine;
}

export { designFingerprint } from '../../core';

/** Lets the browser paint and handle input between two batches of a long run. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
