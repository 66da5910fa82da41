import type { FlowDocument, SimulationEngine } from '../../core';
import { openSimulationEngine } from '../../persistence/simulation';

let engine: SimulationEngine | undefined;

/** The page's simulation engine over the app's simulation database (created on first use). */
export function runEngine(): SimulationEngine {
  engine ??= openSimulationEngine();
  return engine;
}

/**
 * What of a design a run depends on: its semantics, not where its nodes sit or what it is
 * called. Two designs with the same fingerprint run the same. Pure.
 */
export function designFingerprint(doc: FlowDocument): string {
  return JSON.stringify([doc.eventTypes, doc.producers, doc.consumers, doc.projections]);
}

/** Lets the browser paint and handle input between two batches of a long run. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
