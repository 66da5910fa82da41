/**
 * The runner's fault schedule: probabilities drawn per crash point from each process's seeded
 * source, plus timed chaos the supervisor deals out (SIGKILL of a random relay or consumer, NATS
 * connections dropped or delayed). The crash points and the shared names mean what they mean in the
 * simulator (`crash-after-commit`, `crash-after-publish`, `duplicate`, `consumer-failure`, `poison`).
 * Pure.
 */
import type { FaultSettings } from '../../src/core';

export interface ChaosFaults {
  /** Producer or consumer: SIGKILL with its transaction open, just before COMMIT (PostgreSQL rolls it back). */
  crashBeforeCommit: number;
  /** Producer: SIGKILL right after its transaction committed, before a direct publish and before answering the caller. */
  crashAfterCommit: number;
  /** Relay: SIGKILL after JetStream acknowledged a batch of publishes, before the rows are marked sent (drawn per batch). */
  crashAfterPublish: number;
  /** Consumer: SIGKILL after its handling transaction committed, before the ack (and before its direct publishes). */
  crashAfterHandle: number;
  /** Consumer: the ack is lost (not sent), so JetStream redelivers after the ack wait: a forced redelivery. */
  duplicateDelivery: number;
  /** Consumer: the handler fails (rollback, nak); JetStream redelivers until max_deliver, then a dead letter. */
  consumerFailure: number;
  /** Any message whose payload holds this value (as text) always fails: a poison message. */
  poisonValue: string | null;
  /** Mean milliseconds between SIGKILLs of a random relay or consumer process (null: none). */
  killEveryMs: number | null;
  /** Mean milliseconds between drops of a random process's NATS connection (null: none). */
  natsDropEveryMs: number | null;
  /** Extra latency on every NATS connection, each direction, in milliseconds (0: none). */
  natsDelayMs: number;
}

export const NO_CHAOS: ChaosFaults = {
  crashBeforeCommit: 0,
  crashAfterCommit: 0,
  crashAfterPublish: 0,
  crashAfterHandle: 0,
  duplicateDelivery: 0,
  consumerFailure: 0,
  poisonValue: null,
  killEveryMs: null,
  natsDropEveryMs: null,
  natsDelayMs: 0,
};

const PROBABILITIES = new Map<string, 'crashBeforeCommit' | 'crashAfterCommit' | 'crashAfterPublish' | 'crashAfterHandle' | 'duplicateDelivery' | 'consumerFailure'>([
  ['crash-before-commit', 'crashBeforeCommit'],
  ['crash-after-commit', 'crashAfterCommit'],
  ['crash-after-publish', 'crashAfterPublish'],
  ['crash-after-handle', 'crashAfterHandle'],
  ['duplicate', 'duplicateDelivery'],
  ['consumer-failure', 'consumerFailure'],
]);

const DURATIONS = new Map<string, 'killEveryMs' | 'natsDropEveryMs' | 'natsDelayMs'>([
  ['kill-every', 'killEveryMs'],
  ['nats-drop-every', 'natsDropEveryMs'],
  ['nats-delay', 'natsDelayMs'],
]);

/** Every name `parseChaos` accepts. */
export const CHAOS_NAMES: readonly string[] = [...PROBABILITIES.keys(), 'poison', ...DURATIONS.keys()];

/** `500ms`, `2s`, `1500` (milliseconds). Undefined when not a duration. */
function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  return Number.isFinite(value) ? Math.round(value) : undefined;
}

/**
 * Parses `crash-after-publish=0.2,kill-every=2s,nats-drop-every=3s,nats-delay=20ms,poison=bad`.
 * Throws with the offending part on an unknown name, a probability outside [0, 1] or a bad duration.
 */
export function parseChaos(text: string): ChaosFaults {
  const faults: ChaosFaults = { ...NO_CHAOS };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf('=');
    const name = (at < 0 ? part : part.slice(0, at)).trim();
    const value = at < 0 ? '' : part.slice(at + 1).trim();
    const probability = PROBABILITIES.get(name);
    const duration = DURATIONS.get(name);
    if (name === 'poison') {
      if (value === '') throw new Error(`poison needs a value: ${part}`);
      faults.poisonValue = value;
    } else if (probability) {
      const p = Number(value);
      if (value === '' || !(p >= 0 && p <= 1)) throw new Error(`fault ${name} needs a probability in [0, 1]: ${part}`);
      faults[probability] = p;
    } else if (duration) {
      const ms = parseDuration(value);
      if (ms === undefined || (duration !== 'natsDelayMs' && ms <= 0)) throw new Error(`fault ${name} needs a duration such as 500ms or 2s: ${part}`);
      faults[duration] = ms;
    } else {
      throw new Error(`unknown fault "${name}" (known: ${CHAOS_NAMES.join(', ')})`);
    }
  }
  return faults;
}

/**
 * The simulator's faults for a chaos schedule, for `--compare`: the crash points map one to one; a
 * lost ack is a redelivery, the simulator's duplicate delivery. Timed kills and NATS drops have no
 * step-based twin; they appear as a little of the crashes they cause (a killed relay republishes, a
 * killed consumer's delivery comes back). Pure.
 */
export function simulatorFaults(faults: ChaosFaults): Partial<FaultSettings> {
  const killed = faults.killEveryMs !== null || faults.natsDropEveryMs !== null ? 0.05 : 0;
  return {
    crashBeforeCommit: faults.crashBeforeCommit,
    crashAfterCommit: faults.crashAfterCommit,
    crashAfterPublish: Math.max(faults.crashAfterPublish, killed),
    crashAfterHandle: Math.max(faults.crashAfterHandle, killed),
    duplicateDelivery: faults.duplicateDelivery,
    consumerFailure: faults.consumerFailure,
    poisonValue: faults.poisonValue,
  };
}
