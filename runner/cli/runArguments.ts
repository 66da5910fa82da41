/**
 * The arguments of `npm run flow -- run …` and `export-infra …`: one design file, `--name value`
 * options and a few switches. Pure; throws ArgumentError with what is wrong.
 */
import { ANOMALY_KINDS, type AnomalyKind, type SettingsPatch } from '../../src/core';
import { parseChaos, type ChaosFaults } from '../supervisor/faults';
import type { DeliveryMode, TopologyOptions } from '../topology/plan';

export class ArgumentError extends Error {}

export interface RunArguments {
  file: string;
  pgUrl?: string;
  natsUrl?: string;
  /** Start a throw-away PostgreSQL and nats-server for this run. */
  local: boolean;
  commands: number;
  seed: number;
  faults: ChaosFaults;
  /** The simulator's settings: pattern overrides, caller and conflict retries. */
  settings: SettingsPatch;
  topology: Partial<Omit<TopologyOptions, 'settings'>>;
  timeoutMs: number;
  stalledAfterMs: number;
  allow: AnomalyKind[];
  compare: boolean;
  verbose: boolean;
  help: boolean;
  out?: string;
}

const SWITCHES = ['local', 'compare', 'verbose', 'help'] as const;
const OPTIONS = [
  'pg', 'nats', 'commands', 'seed', 'faults', 'inbox-off', 'dual-write', 'publish-first', 'fresh-ids', 'idempotency-keys', 'caller-retries',
  'conflict-retries', 'instances', 'mode', 'relays', 'ack-wait', 'broker-dedupe', 'timeout', 'stalled-after', 'allow', 'namespace', 'out',
] as const;

/** `{ [id]: value }` for ids a user chose: an own key even for `__proto__`. */
function idSwitches(ids: readonly string[], value: boolean): Record<string, boolean> {
  const out = Object.create(null) as Record<string, boolean>;
  for (const id of ids) Object.defineProperty(out, id, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

function duration(name: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text);
  if (!match) throw new ArgumentError(`--${name} needs a duration such as 500ms, 30s or 2m: ${text}`);
  const unit = match[2] === 'm' ? 60_000 : match[2] === 's' ? 1000 : 1;
  return Math.round(Number(match[1]) * unit);
}

export function wholeNumber(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new ArgumentError(`--${name} needs a whole number of at least ${min}: ${text}`);
  return n;
}

function list(text: string | undefined): string[] {
  return (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** `a=3,b=1` → Map (shared with `npm run flow -- simulate`). */
export function assignments(name: string, text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of list(text)) {
    const at = part.lastIndexOf('=');
    if (at <= 0) throw new ArgumentError(`--${name} takes consumer=value pairs: ${part}`);
    out.set(part.slice(0, at), part.slice(at + 1));
  }
  return out;
}

/** `partitioned:8` / `partitioned` / `competing` (shared with `npm run flow -- simulate`). */
export function deliveryMode(text: string): DeliveryMode {
  if (text === 'competing') return { kind: 'competing' };
  const match = /^partitioned(?::(\d+))?$/.exec(text);
  if (!match) throw new ArgumentError(`--mode takes consumer=partitioned:N or consumer=competing: ${text}`);
  return { kind: 'partitioned', partitions: wholeNumber('mode', match[1] ?? '1', 1) };
}

function onOff(name: string, text: string | undefined, fallback: boolean): boolean {
  if (text === undefined) return fallback;
  if (text === 'on') return true;
  if (text === 'off') return false;
  throw new ArgumentError(`--${name} takes on or off: ${text}`);
}

export function parseRunArguments(args: readonly string[], env: Record<string, string | undefined> = {}): RunArguments {
  let file: string | undefined;
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-h') switches.add('help');
    else if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if ((SWITCHES as readonly string[]).includes(name)) switches.add(name);
      else if ((OPTIONS as readonly string[]).includes(name)) {
        const value = args[i + 1];
        if (value === undefined || value.startsWith('--')) throw new ArgumentError(`${arg} needs a value`);
        flags.set(name, value);
        i++;
      } else throw new ArgumentError(`unknown option ${arg}`);
    } else if (file === undefined) file = arg;
    else throw new ArgumentError(`unexpected argument ${arg}`);
  }
  const help = switches.has('help');
  if (file === undefined && !help) throw new ArgumentError('the design file is missing');
  let faults: ChaosFaults;
  try {
    faults = parseChaos(flags.get('faults') ?? '');
  } catch (error) {
    throw new ArgumentError(error instanceof Error ? error.message : String(error));
  }
  const instances = new Map([...assignments('instances', flags.get('instances'))].map(([id, n]) => [id, wholeNumber('instances', n, 1)]));
  const modes = new Map([...assignments('mode', flags.get('mode'))].map(([id, m]) => [id, deliveryMode(m)]));
  const allow = list(flags.get('allow'));
  const unknown = allow.find((kind) => !(ANOMALY_KINDS as readonly string[]).includes(kind));
  if (unknown !== undefined) throw new ArgumentError(`--allow: unknown kind "${unknown}" (kinds: ${ANOMALY_KINDS.join(', ')})`);
  const settings: SettingsPatch = {
    patterns: {
      inbox: idSwitches(list(flags.get('inbox-off')), false),
      outbox: idSwitches(list(flags.get('dual-write')), false),
      publishFirst: idSwitches(list(flags.get('publish-first')), true),
      derivedIds: idSwitches(list(flags.get('fresh-ids')), false),
      idempotencyKey: idSwitches(list(flags.get('idempotency-keys')), true),
    },
  };
  if (flags.has('caller-retries')) settings.callerRetries = wholeNumber('caller-retries', flags.get('caller-retries') ?? '', 0);
  if (flags.has('conflict-retries')) settings.conflictRetries = wholeNumber('conflict-retries', flags.get('conflict-retries') ?? '', 0);
  const topology: Partial<Omit<TopologyOptions, 'settings'>> = { instances, modes };
  if (flags.has('relays')) topology.relaysPerOutbox = wholeNumber('relays', flags.get('relays') ?? '', 1);
  if (flags.has('ack-wait')) topology.ackWaitMs = duration('ack-wait', flags.get('ack-wait') ?? '');
  if (flags.has('broker-dedupe')) topology.brokerDedupe = onOff('broker-dedupe', flags.get('broker-dedupe'), true);
  if (flags.has('namespace')) topology.namespace = flags.get('namespace');
  const local = switches.has('local');
  const pgUrl = flags.get('pg') ?? env.EFD_PG_URL;
  const natsUrl = flags.get('nats') ?? env.EFD_NATS_URL;
  return {
    file: file ?? '',
    pgUrl,
    natsUrl,
    local,
    commands: wholeNumber('commands', flags.get('commands') ?? '100', 0),
    seed: wholeNumber('seed', flags.get('seed') ?? '1', 0),
    faults,
    settings,
    topology,
    timeoutMs: duration('timeout', flags.get('timeout') ?? '180s'),
    stalledAfterMs: duration('stalled-after', flags.get('stalled-after') ?? '10s'),
    allow: allow as AnomalyKind[],
    compare: switches.has('compare'),
    verbose: switches.has('verbose'),
    help,
    out: flags.get('out'),
  };
}

/** Says what is missing to connect, or undefined. Pure. */
export function missingConnection(args: RunArguments): string | undefined {
  if (args.local) return undefined;
  const missing = [args.pgUrl ? '' : '--pg postgres://… (or EFD_PG_URL)', args.natsUrl ? '' : '--nats nats://… (or EFD_NATS_URL)'].filter(Boolean);
  return missing.length === 0 ? undefined : `no ${missing.join(' and ')}; or --local to start a throw-away PostgreSQL and nats-server`;
}
