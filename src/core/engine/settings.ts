import type { FaultName } from './records';

/** Fault injection. Probabilities are in [0, 1] and are drawn from the run's seeded random source. */
export interface FaultSettings {
  /** After a producer/consumer commits: its process crashes before publishing (dual write: the event is lost). */
  crashAfterCommit: number;
  /** After the relay publishes: it crashes before marking the outbox row sent (it publishes again later). */
  crashAfterPublish: number;
  /** When the broker delivers, it also queues a second copy of the message for the same subscriber. */
  duplicateDelivery: number;
  /** When the broker fans a message out, a subscriber's copy is delayed so later messages overtake it. */
  reorder: number;
  /** A consumer fails to handle a delivery (nothing is committed; it is redelivered or dead-lettered). */
  consumerFailure: number;
  /** Any delivery whose payload holds this value (compared as text) always fails: a poison message. */
  poisonValue: string | null;
  /** The relay cannot publish from step `fromStep` (exclusive) for `steps` steps. */
  relayDown: { fromStep: number; steps: number } | null;
}

/** The patterns, as switches overriding the design: by producer/consumer id (outbox) and consumer id (inbox). */
export interface PatternOverrides {
  outbox: Record<string, boolean>;
  inbox: Record<string, boolean>;
}

export interface RunSettings {
  seed: number;
  faults: FaultSettings;
  patterns: PatternOverrides;
  /** An outbox row pending for more than this many steps is reported as stuck. */
  stuckOutboxAfterSteps: number;
  /** Simulated milliseconds per micro-step. */
  stepMillis: number;
  /** Simulated clock at step 0 (epoch ms). */
  startClock: number;
}

export const NO_FAULTS: FaultSettings = {
  crashAfterCommit: 0,
  crashAfterPublish: 0,
  duplicateDelivery: 0,
  reorder: 0,
  consumerFailure: 0,
  poisonValue: null,
  relayDown: null,
};

/** Defaults: no faults, the design's own patterns, 2026-01-01T00:00:00Z, 100 ms per step. */
export function defaultRunSettings(seed = 1): RunSettings {
  return {
    seed,
    faults: { ...NO_FAULTS },
    patterns: { outbox: {}, inbox: {} },
    stuckOutboxAfterSteps: 25,
    stepMillis: 100,
    startClock: Date.UTC(2026, 0, 1),
  };
}

/** A partial settings change; nested objects are merged one level deep. */
export interface SettingsPatch {
  seed?: number;
  faults?: Partial<FaultSettings>;
  patterns?: Partial<PatternOverrides>;
  stuckOutboxAfterSteps?: number;
  stepMillis?: number;
  startClock?: number;
}

/** Applies a patch to settings. Pure. */
export function mergeSettings(base: RunSettings, patch: SettingsPatch = {}): RunSettings {
  return {
    ...base,
    ...patch,
    faults: { ...base.faults, ...patch.faults },
    patterns: {
      outbox: { ...base.patterns.outbox, ...patch.patterns?.outbox },
      inbox: { ...base.patterns.inbox, ...patch.patterns?.inbox },
    },
  };
}

const PROBABILITY_FAULTS: Record<string, keyof FaultSettings> = {
  'crash-after-commit': 'crashAfterCommit',
  'crash-after-publish': 'crashAfterPublish',
  duplicate: 'duplicateDelivery',
  reorder: 'reorder',
  'consumer-failure': 'consumerFailure',
};

/** Fault names accepted by `parseFaults` (the CLI's `--faults`). */
export const FAULT_NAMES: readonly FaultName[] = [
  'crash-after-commit', 'crash-after-publish', 'duplicate', 'reorder', 'consumer-failure', 'poison', 'relay-down',
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
      const key = PROBABILITY_FAULTS[name];
      const p = Number(value);
      if (!key) throw new Error(`unknown fault "${name}" (known: ${FAULT_NAMES.join(', ')})`);
      if (!(p >= 0 && p <= 1)) throw new Error(`fault ${name} needs a probability in [0, 1]: ${part}`);
      (faults as Record<string, number>)[key] = p;
    }
  }
  return faults;
}
