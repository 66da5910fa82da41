/**
 * `--compare`: runs the simulator on the same design, seed-derived workload and matching faults,
 * and lists where the simulator and the real run disagree *in kind* — an anomaly kind one of them
 * found and the other did not — not in exact interleaving or counts.
 */
import {
  createMemorySimulationStore, createSimulationEngine, type FlowDocument,
} from '../src/core';
import type { OracleReport } from './read/realOracle';
import { simulatorFaults, type ChaosFaults } from './supervisor/faults';

/** The kinds both sides can name. */
export type ComparedKind = 'lost' | 'duplicate-effect' | 'out-of-order' | 'stuck-outbox' | 'dead-letter' | 'projection-differs' | 'rejected-command';

export interface KindComparison {
  kind: ComparedKind;
  simulator: number;
  real: number;
}

export interface Comparison {
  agree: boolean;
  kinds: KindComparison[];
  /** One plain-words line per disagreement. */
  disagreements: string[];
  simulator: { steps: number; quiet: boolean };
}

const KINDS: ComparedKind[] = ['lost', 'duplicate-effect', 'out-of-order', 'stuck-outbox', 'dead-letter', 'projection-differs', 'rejected-command'];

/** The simulator's findings by kind for the same design, seed, workload and faults. */
export async function simulatorKinds(
  flow: FlowDocument,
  options: { seed: number; commands: number; faults: ChaosFaults; patterns: { inbox: Record<string, boolean>; outbox: Record<string, boolean> } },
): Promise<{ counts: Map<ComparedKind, number>; steps: number; quiet: boolean }> {
  const engine = createSimulationEngine(createMemorySimulationStore());
  await engine.startRun(flow, { seed: options.seed, faults: simulatorFaults(options.faults), patterns: options.patterns });
  if (options.commands > 0) await engine.fireMany(flow.id, { count: options.commands });
  const result = await engine.runUntilQuiet(flow.id, { maxSteps: 2_000_000, stepsPerTransaction: 1000 });
  const anomalies = await engine.report(flow.id);
  const rebuild = await engine.rebuildProjections(flow.id);
  const counts = new Map<ComparedKind, number>(KINDS.map((k) => [k, 0]));
  for (const a of anomalies) {
    const kind = a.kind as string;
    if ((KINDS as string[]).includes(kind)) counts.set(kind as ComparedKind, (counts.get(kind as ComparedKind) ?? 0) + 1);
  }
  counts.set('dead-letter', (await engine.counts(flow.id)).deadLetters);
  counts.set('projection-differs', rebuild.differences.length);
  counts.set('rejected-command', result.run.stats.commandsRejected);
  return { counts, steps: result.run.step, quiet: result.quiet };
}

/** The real run's findings by the same kinds. Pure. */
export function realKinds(checked: OracleReport): Map<ComparedKind, number> {
  const k = checked.byKind;
  return new Map<ComparedKind, number>([
    ['lost', k.lost],
    ['duplicate-effect', k['duplicate-effect']],
    ['out-of-order', k['stale-overwrite']],
    ['stuck-outbox', k['stalled-outbox']],
    ['dead-letter', k['dead-letter']],
    ['projection-differs', k['projection-differs']],
    ['rejected-command', k['rejected-command']],
  ]);
}

/** Where the two disagree in kind (found by one, not the other). Pure. */
export function compareKinds(simulator: ReadonlyMap<ComparedKind, number>, real: ReadonlyMap<ComparedKind, number>, sim: { steps: number; quiet: boolean }): Comparison {
  const kinds = KINDS.map((kind) => ({ kind, simulator: simulator.get(kind) ?? 0, real: real.get(kind) ?? 0 }));
  const disagreements = kinds
    .filter((k) => (k.simulator > 0) !== (k.real > 0))
    .map((k) => (k.real > 0
      ? `${k.kind}: the real run found ${k.real}, the simulator none`
      : `${k.kind}: the simulator found ${k.simulator}, the real run none`));
  return { agree: disagreements.length === 0, kinds, disagreements, simulator: sim };
}
