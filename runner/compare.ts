/**
 * `--compare`: runs the simulator on the same design, seed-derived workload, settings and matching
 * faults, checks both runs with the same checker, and lists where they disagree *in kind* — an
 * anomaly kind one of them found and the other did not — not in exact interleaving or counts.
 */
import {
  ANOMALY_KINDS, createMemorySimulationStore, createSimulationEngine, type AnomalyKind, type CheckReport, type FlowDocument, type SettingsPatch,
} from '../src/core';
import { simulatorFaults, type ChaosFaults } from './supervisor/faults';

export interface KindComparison {
  kind: AnomalyKind;
  simulator: number;
  real: number;
}

export interface Comparison {
  agree: boolean;
  /** Every kind either side found, with the counts. */
  kinds: KindComparison[];
  /** One plain-words line per disagreement. */
  disagreements: string[];
  simulator: { steps: number; quiet: boolean; verdict: string };
}

/** The simulator's report for the same design, seed, workload, settings and faults. */
export async function simulatorReport(
  flow: FlowDocument,
  options: { seed: number; commands: number; faults: ChaosFaults; settings: SettingsPatch; allow: readonly AnomalyKind[] },
): Promise<{ report: CheckReport; steps: number; quiet: boolean; verdict: string }> {
  const engine = createSimulationEngine(createMemorySimulationStore());
  await engine.startRun(flow, { ...options.settings, seed: options.seed, faults: simulatorFaults(options.faults) });
  if (options.commands > 0) await engine.fireMany(flow.id, { count: options.commands });
  const result = await engine.runUntilQuiet(flow.id, { maxSteps: 2_000_000, stepsPerTransaction: 2_000, maxWaitSteps: 2_000_000 });
  const report = await engine.report(flow.id, { allow: options.allow });
  return { report, steps: result.run.step, quiet: result.quiet, verdict: result.verdict.message };
}

/** Where two reports disagree in kind. Pure. */
export function compareKinds(simulator: CheckReport, real: CheckReport, sim: Comparison['simulator']): Comparison {
  const kinds = ANOMALY_KINDS
    .map((kind) => ({ kind, simulator: simulator.byKind[kind] ?? 0, real: real.byKind[kind] ?? 0 }))
    .filter((k) => k.simulator > 0 || k.real > 0);
  const disagreements = kinds
    .filter((k) => (k.simulator > 0) !== (k.real > 0))
    .map((k) => (k.real > 0 ? `${k.kind}: the real run found ${k.real}, the simulator none` : `${k.kind}: the simulator found ${k.simulator}, the real run none`));
  return { agree: disagreements.length === 0, kinds, disagreements, simulator: sim };
}
