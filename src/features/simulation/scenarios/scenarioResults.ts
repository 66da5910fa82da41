import { useSyncExternalStore } from 'react';
import type { ScenarioVerdict } from '../../../core';

/**
 * The last verdict of each scenario in this page, by design id and scenario id (ids are names a
 * user chose: kept in a Map). Not saved: a verdict belongs to a run, and the run can change.
 */
const results = new Map<string, ScenarioVerdict>();
const listeners = new Set<() => void>();
let version = 0;

const key = (designId: string, scenarioId: string) => `${designId}\u0000${scenarioId}`;

export function setScenarioResult(designId: string, verdict: ScenarioVerdict): void {
  results.set(key(designId, verdict.scenarioId), verdict);
  version++;
  for (const listener of listeners) listener();
}

export function forgetScenarioResult(designId: string, scenarioId: string): void {
  if (results.delete(key(designId, scenarioId))) {
    version++;
    for (const listener of listeners) listener();
  }
}

export function scenarioResult(designId: string, scenarioId: string): ScenarioVerdict | undefined {
  return results.get(key(designId, scenarioId));
}

/** Re-renders when any verdict changes; read them with `scenarioResult`. */
export function useScenarioResults(): number {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, () => version);
}
