import type { ConcurrencyControl } from '../model';
import type { FaultName } from './records';

/**
 * Fault injection. Probabilities are in [0, 1] and are drawn from the run's seeded random source.
 * A crash ends the process: what it held in memory is gone, and it restarts as a new incarnation.
 */
export interface FaultSettings {
  /** A producer or consumer crashes before its transaction commits: nothing of it is committed (publish-first dual write has already published). */
  crashBeforeCommit: number;
  /** A producer crashes after its commit, before it publishes (dual write: the events are lost) and before it answers the caller. */
  crashAfterCommit: number;
  /** The relay crashes after publishing a row, before marking it sent: it publishes it again later. */
  crashAfterPublish: number;
  /** A consumer crashes after its handling committed, before it acknowledged (and before its own direct publishes). */
  crashAfterHandle: number;
  /** When the broker delivers, it also queues a second copy of the message for the same subscriber. */
  duplicateDelivery: number;
  /** When the broker fans a message out, a subscriber's copy is delayed so later messages of other streams overtake it. */
  reorder: number;
  /** A consumer fails to handle a delivery (nothing is committed; it is redelivered or dead-lettered). */
  consumerFailure: number;
  /** Any delivery whose payload holds this value (compared as text) always fails: a poison message. */
  poisonValue: string | null;
  /** The relay cannot publish from step `fromStep` (exclusive) for `steps` steps. */
  relayDown: { fromStep: number; steps: number } | null;
  /**
   * Issue 13: a consumer instance about to act is killed instead: what it held is gone (its
   * unacknowledged messages come back after the ack timeout, its locks stay until their lease
   * ends), its partitions move to the others, and it starts again after `instanceDownSteps`.
   */
  killInstance?: number;
  /** Steps a killed instance stays down (default 100). */
  instanceDownSteps?: number;
  /** Slow instances by process name (`catalog#2`): each acts only on every `factor`-th step. */
  slowInstances?: { instance: string; factor: number }[];
}

/**
 * The patterns, as switches overriding the design for this run, keyed by node id (read them with
 * `getOwn`: ids are names a user chose):
 * - `outbox` per producer/consumer (off = dual write)
 * - `publishFirst` per producer/consumer in dual write: publish before committing (phantoms when the commit fails)
 * - `inbox` per consumer
 * - `derivedIds` per consumer: emitted event ids derived from the handled event (off = fresh ids)
 * - `idempotencyKey` per producer: its callers send idempotency keys
 */
export interface PatternOverrides {
  outbox: Record<string, boolean>;
  publishFirst: Record<string, boolean>;
  inbox: Record<string, boolean>;
  derivedIds: Record<string, boolean>;
  idempotencyKey: Record<string, boolean>;
}

export interface RunSettings {
  seed: number;
  faults: FaultSettings;
  patterns: PatternOverrides;
  /**
   * Issue 13: instances per consumer id for this run, overriding the design (read with
   * `Object.entries`: ids are names a user chose). A change mid-run adds or removes instances one
   * step at a time (each a rebalance).
   */
  instances?: Record<string, number>;
  /**
   * Issue 13, remedies for this run, overriding the design (keyed by node id, user-chosen names:
   * read with `getOwn`): the concurrency control per projection or consumer id (a run override wins
   * over the design; among run overrides the projection's wins), and cache leases on or off per
   * projection id (only a projection the design reads through a cache has a cache).
   */
  concurrency?: Record<string, ConcurrencyControl>;
  cacheLeases?: Record<string, boolean>;
  /** Steps a delivery may stay unacknowledged before the broker hands it out again. */
  ackTimeoutSteps: number;
  /** Times a caller retries a command that got no answer (its producer crashed); 0 = never. */
  callerRetries: number;
  /** Times a command that lost an optimistic-concurrency race re-reads its aggregate and retries; then it is rejected. */
  conflictRetries: number;
  /** An outbox row pending for more than this many steps while the relay does not move it is a stalled outbox. */
  stuckOutboxAfterSteps: number;
  /** Simulated milliseconds per micro-step. */
  stepMillis: number;
  /** Simulated clock at step 0 (epoch ms). */
  startClock: number;
}

export const NO_FAULTS: FaultSettings = {
  crashBeforeCommit: 0,
  crashAfterCommit: 0,
  crashAfterPublish: 0,
  crashAfterHandle: 0,
  duplicateDelivery: 0,
  reorder: 0,
  consumerFailure: 0,
  poisonValue: null,
  relayDown: null,
};

export const NO_OVERRIDES: PatternOverrides = { outbox: {}, publishFirst: {}, inbox: {}, derivedIds: {}, idempotencyKey: {} };

/** Defaults: no faults, the design's own patterns, ack timeout 200 steps, no caller retry, 3 conflict retries. */
export function defaultRunSettings(seed = 1): RunSettings {
  return {
    seed,
    faults: { ...NO_FAULTS },
    patterns: { outbox: {}, publishFirst: {}, inbox: {}, derivedIds: {}, idempotencyKey: {} },
    ackTimeoutSteps: 200,
    callerRetries: 0,
    conflictRetries: 3,
    stuckOutboxAfterSteps: 25,
    stepMillis: 100,
    startClock: Date.UTC(2026, 0, 1),
  };
}

/** A partial settings change; nested objects are merged one level deep. */
export interface SettingsPatch {
  seed?: number;
  instances?: Record<string, number>;
  concurrency?: Record<string, ConcurrencyControl>;
  cacheLeases?: Record<string, boolean>;
  faults?: Partial<FaultSettings>;
  patterns?: Partial<PatternOverrides>;
  ackTimeoutSteps?: number;
  callerRetries?: number;
  conflictRetries?: number;
  stuckOutboxAfterSteps?: number;
  stepMillis?: number;
  startClock?: number;
}

/** Copies of records keyed by user-chosen ids keep every key as an own key (spread defines own properties). */
const merged = (base: Record<string, boolean> | undefined, patch: Record<string, boolean> | undefined) => ({ ...base, ...patch });

const merged2 = (base: Record<string, number> | undefined, patch: Record<string, number> | undefined) => ({ ...base, ...patch });

/** Applies a patch to settings (older stored settings get the new fields' defaults). Pure. */
export function mergeSettings(base: RunSettings, patch: SettingsPatch = {}): RunSettings {
  const defaults = defaultRunSettings(base.seed);
  const p = base.patterns ?? NO_OVERRIDES;
  return {
    ...defaults,
    ...base,
    ...patch,
    faults: { ...NO_FAULTS, ...base.faults, ...patch.faults },
    ...(base.instances || patch.instances ? { instances: merged2(base.instances, patch.instances) } : {}),
    ...(base.concurrency || patch.concurrency ? { concurrency: { ...base.concurrency, ...patch.concurrency } } : {}),
    ...(base.cacheLeases || patch.cacheLeases ? { cacheLeases: merged(base.cacheLeases, patch.cacheLeases) } : {}),
    patterns: {
      outbox: merged(p.outbox, patch.patterns?.outbox),
      publishFirst: merged(p.publishFirst, patch.patterns?.publishFirst),
      inbox: merged(p.inbox, patch.patterns?.inbox),
      derivedIds: merged(p.derivedIds, patch.patterns?.derivedIds),
      idempotencyKey: merged(p.idempotencyKey, patch.patterns?.idempotencyKey),
    },
  };
}

type ProbabilityFault = 'crashBeforeCommit' | 'crashAfterCommit' | 'crashAfterPublish' | 'crashAfterHandle' | 'duplicateDelivery' | 'reorder' | 'consumerFailure';

const PROBABILITY_FAULTS = new Map<string, ProbabilityFault>([
  ['crash-before-commit', 'crashBeforeCommit'],
  ['crash-after-commit', 'crashAfterCommit'],
  ['crash-after-publish', 'crashAfterPublish'],
  ['crash-after-handle', 'crashAfterHandle'],
  ['duplicate', 'duplicateDelivery'],
  ['reorder', 'reorder'],
  ['consumer-failure', 'consumerFailure'],
]);

/** Fault names accepted by `parseFaults` (the CLI's `--faults`). */
export const FAULT_NAMES: readonly FaultName[] = [
  'crash-before-commit', 'crash-after-commit', 'crash-after-publish', 'crash-after-handle', 'duplicate', 'reorder',
  'consumer-failure', 'poison', 'relay-down',
];

/**
 * Parses `duplicate=0.3,crash-after-publish=0.1,poison=bad,relay-down=20` (relay-down: steps from
 * step 0, or `relay-down=20@100` for 20 steps from step 100). Pure; throws on an unknown name or a
 * probability outside [0, 1].
 */
export function parseFaults(text: string): Partial<FaultSettings> {
  const faults: Partial<FaultSettings> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name = '', value = ''] = part.split('=').map((s) => s.trim());
    if (name === 'poison') {
      faults.poisonValue = value;
    } else if (name === 'relay-down') {
      const [steps, from] = value.split('@').map(Number);
      if (!Number.isInteger(steps) || (steps ?? 0) < 0) throw new Error(`relay-down needs a step count: ${part}`);
      faults.relayDown = { steps: steps ?? 0, fromStep: Number.isFinite(from) ? (from ?? 0) : 0 };
    } else {
      const key = PROBABILITY_FAULTS.get(name);
      const p = Number(value);
      if (!key) throw new Error(`unknown fault "${name}" (known: ${FAULT_NAMES.join(', ')})`);
      if (value === '' || !(p >= 0 && p <= 1)) throw new Error(`fault ${name} needs a probability in [0, 1]: ${part}`);
      faults[key] = p;
    }
  }
  return faults;
}
