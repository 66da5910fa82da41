// `npm run flow -- simulate <design.json> [options]` — runs the simulation engine headless, prints
// the invariant report as JSON, exits 0 when the run is quiet and every invariant holds, 1 when
// not (or the design is refused), 2 on bad usage. `--help` prints the options.
import { ANOMALY_KINDS, parseFaults, type AnomalyKind, type FlowDocument, type SettingsPatch } from '../../src/core';
import { InputError, parseCommandLine, readDesignFile, UsageError } from './commandLine';
import { applyScaleOptions, changesDesign, parseScaleOptions, runRemedies, SCALE_FLAGS, SCALE_USAGE, type ScaleOptions } from './scaleOptions';
import { simulate } from './simulateRun';

export const USAGE = `usage: npm run flow -- simulate <design.json> [options]

Runs the design on the simulation engine (in node), checks every invariant from the run's tables
and prints the report as JSON. Exit code 0: quiet and every invariant holds; 1: an invariant is
broken, the run did not get quiet, or the design was refused; 2: bad usage.

options:
  --seed N                 seed of the run (default 1); the same seed gives byte-identical output
  --commands N             commands to fire, picked at random among the design's (default 100)
  --faults LIST            e.g. duplicate=0.3,crash-after-publish=0.1 — probabilities of
                           crash-before-commit, crash-after-commit, crash-after-publish,
                           crash-after-handle, duplicate, reorder, consumer-failure; and
                           poison=<value>, relay-down=<steps>[@<fromStep>]
  --inbox-off IDS          consumers without an inbox (comma-separated node ids)
  --dual-write IDS         producers/consumers publishing without an outbox (commit, then publish)
  --publish-first IDS      dual-write owners that publish before they commit
  --fresh-ids IDS          consumers emitting fresh event ids instead of derived ones
  --idempotency-keys IDS   producers whose callers send idempotency keys
  --ack-timeout N          steps a delivery may stay unacknowledged before redelivery (default 200)
  --caller-retries N       times a caller retries a command that got no answer (default 0)
  --conflict-retries N     re-reads after an optimistic-concurrency conflict before rejecting (default 3)
  --stuck-after N          steps after which a waiting outbox row counts as stalled (default 25)
  --max-steps N            stop after N micro-steps (default 1000000)
${SCALE_USAGE}
  --allow KINDS            report these kinds but keep ok true, e.g. dead-letter,rejected
                           (kinds: ${ANOMALY_KINDS.join(', ')})
  --entries N              entries listed in the report (default 200; all are counted)
  --help                   this text`;

export interface SimulateOptions {
  file: string;
  seed: number;
  commands: number;
  maxSteps: number;
  entries: number;
  allow: AnomalyKind[];
  settings: SettingsPatch;
  /** Instances, delivery modes and concurrency controls applied on top of the design (issue 13). */
  scale: ScaleOptions;
}

const FLAGS = [
  'seed', 'commands', 'faults', 'max-steps', 'inbox-off', 'dual-write', 'publish-first', 'fresh-ids', 'idempotency-keys',
  'ack-timeout', 'caller-retries', 'conflict-retries', 'stuck-after', 'allow', 'entries', ...SCALE_FLAGS,
];

/** `{ [id]: value }` for ids a user chose: an own key even for `__proto__`. */
function switches(ids: readonly string[], value: boolean): Record<string, boolean> {
  const out: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
  for (const id of ids) Object.defineProperty(out, id, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

export function parseArgs(args: string[]): SimulateOptions {
  const { file, flags } = parseCommandLine(args, FLAGS);
  const flag = (name: string) => (Object.hasOwn(flags, name) ? flags[name] : undefined);
  const int = (name: string, fallback: number) => {
    const text = flag(name);
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isSafeInteger(value) || value < 0) throw new UsageError(`--${name} needs a whole number from 0 up (got ${text})`);
    return value;
  };
  const ids = (name: string) => (flag(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const allow = ids('allow');
  const unknown = allow.find((kind) => !(ANOMALY_KINDS as readonly string[]).includes(kind));
  if (unknown) throw new UsageError(`--allow: unknown kind "${unknown}" (kinds: ${ANOMALY_KINDS.join(', ')})`);
  let faults;
  try {
    faults = parseFaults(flag('faults') ?? '');
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const seed = int('seed', 1);
  const scale = parseScaleOptions(flag);
  const settings: SettingsPatch = {
    seed,
    faults: { ...faults, ...scale.faults },
    patterns: {
      inbox: switches(ids('inbox-off'), false),
      outbox: switches(ids('dual-write'), false),
      publishFirst: switches(ids('publish-first'), true),
      derivedIds: switches(ids('fresh-ids'), false),
      idempotencyKey: switches(ids('idempotency-keys'), true),
    },
  };
  if (flag('ack-timeout') !== undefined) settings.ackTimeoutSteps = Math.max(1, int('ack-timeout', 200));
  if (flag('caller-retries') !== undefined) settings.callerRetries = int('caller-retries', 0);
  if (flag('conflict-retries') !== undefined) settings.conflictRetries = int('conflict-retries', 3);
  if (flag('stuck-after') !== undefined) settings.stuckOutboxAfterSteps = Math.max(1, int('stuck-after', 25));
  return {
    file, seed, commands: int('commands', 100), maxSteps: int('max-steps', 1_000_000), entries: int('entries', 200),
    allow: allow as AnomalyKind[], settings, scale,
  };
}

/** Runs the command; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let options: SimulateOptions;
  try {
    options = parseArgs(args);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  let flow: FlowDocument;
  try {
    flow = await readDesignFile(options.file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    return 1;
  }
  if (changesDesign(options.scale)) {
    try {
      options = { ...options, settings: { ...options.settings, ...runRemedies(flow, options.scale) } };
      flow = applyScaleOptions(flow, options.scale);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(error.message);
      return 2;
    }
  }
  const report = await simulate(flow, options);
  console.log(JSON.stringify(report, null, 2));
  return report.invariants.ok && report.quiet ? 0 : 1;
}
