/**
 * Scenarios: tests of a design, saved with it. Given commands (and/or a workload mix), when faults
 * and pattern switches (the engine's settings patch, by shape) with a seed, then expected projection
 * rows, the anomaly kinds that must (or may) appear, and optional row counts. The runner is
 * `src/core/scenarios` (it needs the engine); this file is only the data.
 */
import type { ConcurrencyControl } from './types';

/** The checker's anomaly kinds (kept equal to the engine's `AnomalyKind` by a type test in src/core/scenarios). */
export const SCENARIO_ANOMALY_KINDS = [
  'lost', 'phantom', 'missed', 'gap', 'duplicate', 'repeat', 'stale', 'late', 'stalled-outbox', 'dead-letter',
  'rejected', 'blocked-aggregate', 'unanswered', 'rebuild-differs', 'duplicate-side-effect', 'duplicate-command',
  'version-clash', 'lost-update', 'key-order', 'lock-past-lease', 'stale-cache',
] as const;
export type ScenarioAnomalyKind = (typeof SCENARIO_ANOMALY_KINDS)[number];

/** Tables whose row count a scenario can expect. */
export const SCENARIO_COUNT_TABLES = [
  'commands', 'events', 'outbox', 'publications', 'deliveries', 'inbox', 'deadLetters', 'projectionRows', 'externalEffects',
] as const;
export type ScenarioCountTable = (typeof SCENARIO_COUNT_TABLES)[number];

/** One command a scenario fires, `count` times (default 1); without `input` the run's seeded source generates it. */
export interface ScenarioCommand {
  producerId: string;
  commandId: string;
  input?: Record<string, unknown>;
  count?: number;
}

/** A seeded mix: `count` commands, each picked among `mix` with probability proportional to its weight. */
export interface ScenarioWorkload {
  count: number;
  mix: { producerId: string; commandId: string; weight: number }[];
}

/** The faults and pattern switches of the run (the engine's `SettingsPatch`, by shape), and its seed. */
export interface ScenarioWhen {
  seed: number;
  faults?: {
    crashBeforeCommit?: number; crashAfterCommit?: number; crashAfterPublish?: number; crashAfterHandle?: number;
    duplicateDelivery?: number; reorder?: number; consumerFailure?: number;
    poisonValue?: string | null; relayDown?: { fromStep: number; steps: number } | null;
    /** Issue 13: instance faults (a kill per acting instance, its down time, slow instances or cache readers: `tally#2`, `reader:<projection id>`). */
    killInstance?: number; instanceDownSteps?: number; slowInstances?: { instance: string; factor: number }[];
  };
  /** Per node id (user-chosen names: read with Object.hasOwn). */
  patterns?: {
    outbox?: Record<string, boolean>; publishFirst?: Record<string, boolean>; inbox?: Record<string, boolean>;
    derivedIds?: Record<string, boolean>; idempotencyKey?: Record<string, boolean>;
  };
  /** Issue 13, per node id (read with Object.hasOwn): instances per consumer, the concurrency control per projection or consumer, cache leases per cached projection — for this run only. */
  instances?: Record<string, number>;
  concurrency?: Record<string, ConcurrencyControl>;
  cacheLeases?: Record<string, boolean>;
  ackTimeoutSteps?: number;
  callerRetries?: number;
  conflictRetries?: number;
  /** Micro-steps the run may take before it counts as not settling (default 100,000). */
  maxSteps?: number;
}

/** A projection row that must exist with these column values (only the columns named), or must not exist (`absent`). */
export interface ExpectedRow {
  projectionId: string;
  key: string;
  values?: Record<string, unknown>;
  absent?: boolean;
}

export interface ScenarioThen {
  rows: ExpectedRow[];
  /** Kinds that must appear (each at least once); they do not count as broken. */
  expectAnomalies: ScenarioAnomalyKind[];
  /** Kinds that may appear without failing the scenario (e.g. dead-letter). Every other broken kind fails it. */
  allowAnomalies: ScenarioAnomalyKind[];
  /** Exact row counts of the run's tables. */
  counts?: { table: ScenarioCountTable; equals: number }[];
}

export interface Scenario {
  id: string;
  name: string;
  given: { commands: ScenarioCommand[]; workload?: ScenarioWorkload };
  when: ScenarioWhen;
  then: ScenarioThen;
}
