// The consistency-at-scale options of `npm run flow -- simulate` (issue 13): instances, delivery
// modes and concurrency controls, applied on top of the design document, and the instance faults.
// The `consumer=value` lists and the delivery modes are read by the runner's own parsers
// (`runner/cli/runArguments.ts`), so `simulate` and `run` spell them the same way.
import {
  validateFlow, type ConcurrencyControl, type DeliveryMode, type FaultSettings, type FlowDocument, type SettingsPatch,
} from '../../src/core';
import { ArgumentError, assignments, deliveryMode, wholeNumber } from '../../runner/cli/runArguments';
import { UsageError } from './commandLine';

export const SCALE_FLAGS = ['instances', 'mode', 'concurrency', 'lock-lease', 'cache', 'kill-instance', 'instance-down', 'slow-instance'] as const;

export const SCALE_USAGE = `  --instances LIST         consumer=3,…: instances per consumer (a consumer group)
  --mode LIST              consumer=partitioned:8 or consumer=competing: delivery mode of every
                           subscription of the consumer (partitioned keeps the design's ordering key)
  --concurrency LIST       consumer-or-projection=none|optimistic|lock|single-writer: how writes
                           of projection rows are guarded, for this run (the run's
                           settings.concurrency: it wins over the design; a projection's first)
  --lock-lease LIST        consumer=N: lease of a row lock in steps (default 50)
  --cache LIST             projection=on|leases|off: read it through a cache (cache-aside), with
                           leases (a fill after an invalidate is refused), or not at all (on a
                           projection the design caches, on/leases is the run's settings.cacheLeases)
  --kill-instance P        probability that an acting consumer instance is killed
  --instance-down N        steps a killed instance stays down (default 100)
  --slow-instance LIST     instance=factor,…: e.g. tally#2=8 acts only every 8th step`;

const CONTROLS: readonly ConcurrencyControl[] = ['none', 'optimistic', 'lock', 'single-writer'];

/** What the scale options change: the design (per node id) and the faults. */
export interface ScaleOptions {
  instances: Map<string, number>;
  modes: Map<string, DeliveryMode>;
  concurrency: Map<string, ConcurrencyControl>;
  lockLease: Map<string, number>;
  cache: Map<string, 'on' | 'leases' | 'off'>;
  faults: Partial<FaultSettings>;
}

/** Reads the scale flags; throws UsageError with what is wrong. */
export function parseScaleOptions(flag: (name: string) => string | undefined): ScaleOptions {
  try {
    const instances = new Map([...assignments('instances', flag('instances'))].map(([id, n]) => [id, wholeNumber('instances', n, 1)]));
    const modes = new Map([...assignments('mode', flag('mode'))].map(([id, m]) => [id, deliveryMode(m)]));
    const concurrency = new Map([...assignments('concurrency', flag('concurrency'))].map(([id, c]) => {
      if (!(CONTROLS as readonly string[]).includes(c)) throw new ArgumentError(`--concurrency takes ${CONTROLS.join(', ')}: ${id}=${c}`);
      return [id, c as ConcurrencyControl];
    }));
    const lockLease = new Map([...assignments('lock-lease', flag('lock-lease'))].map(([id, n]) => [id, wholeNumber('lock-lease', n, 1)]));
    const cache = new Map([...assignments('cache', flag('cache'))].map(([id, c]) => {
      if (c !== 'on' && c !== 'leases' && c !== 'off') throw new ArgumentError(`--cache takes on, leases or off: ${id}=${c}`);
      return [id, c] as const;
    }));
    const faults: Partial<FaultSettings> = {};
    const kill = flag('kill-instance');
    if (kill !== undefined) {
      const p = Number(kill);
      if (kill.trim() === '' || !(p >= 0 && p <= 1)) throw new ArgumentError(`--kill-instance needs a probability in [0, 1]: ${kill}`);
      faults.killInstance = p;
    }
    const down = flag('instance-down');
    if (down !== undefined) faults.instanceDownSteps = wholeNumber('instance-down', down, 1);
    const slow = [...assignments('slow-instance', flag('slow-instance'))].map(([instance, factor]) => ({ instance, factor: wholeNumber('slow-instance', factor, 2) }));
    if (slow.length > 0) faults.slowInstances = slow;
    return { instances, modes, concurrency, lockLease, cache, faults };
  } catch (error) {
    if (error instanceof ArgumentError) throw new UsageError(error.message);
    throw error;
  }
}

function known(option: string, id: string, kind: string, ids: string[]): never {
  throw new UsageError(`--${option}: the design has no ${kind} "${id}" (${kind}s: ${ids.join(', ') || 'none'})`);
}

/**
 * The remedies the scale options switch for the run only (issue 13): `--concurrency` as
 * `settings.concurrency`, and `--cache on|leases` on a projection the design reads through a cache
 * as `settings.cacheLeases`. Ids are checked by `applyScaleOptions`. Pure.
 */
export function runRemedies(flow: FlowDocument, options: ScaleOptions): Pick<SettingsPatch, 'concurrency' | 'cacheLeases'> {
  const concurrency: Record<string, ConcurrencyControl> = Object.create(null) as Record<string, ConcurrencyControl>;
  for (const [id, control] of options.concurrency) Object.defineProperty(concurrency, id, { value: control, enumerable: true, writable: true, configurable: true });
  const cacheLeases: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
  for (const [id, cache] of options.cache) {
    if (cache !== 'off' && flow.projections.some((p) => p.id === id && p.cache !== undefined)) {
      Object.defineProperty(cacheLeases, id, { value: cache === 'leases', enumerable: true, writable: true, configurable: true });
    }
  }
  return {
    ...(Object.keys(concurrency).length > 0 ? { concurrency: { ...concurrency } } : {}),
    ...(Object.keys(cacheLeases).length > 0 ? { cacheLeases: { ...cacheLeases } } : {}),
  };
}

/**
 * A copy of the design with the scale options applied (the file is not changed). Throws UsageError
 * for an id the design does not have, or when the result breaks a rule of the design; a rule the
 * result only bends (a warning, e.g. single writer without partitioned delivery) is printed.
 */
export function applyScaleOptions(flow: FlowDocument, options: ScaleOptions, warn: (text: string) => void = console.error): FlowDocument {
  const doc = structuredClone(flow);
  const consumerIds = doc.consumers.map((c) => c.id);
  const consumer = (option: string, id: string) => doc.consumers.find((c) => c.id === id) ?? known(option, id, 'consumer', consumerIds);
  for (const [id, n] of options.instances) consumer('instances', id).instances = n;
  for (const [id, n] of options.lockLease) consumer('lock-lease', id).lockLeaseSteps = n;
  for (const [id, mode] of options.modes) {
    for (const handler of consumer('mode', id).handlers) {
      const key = handler.delivery?.kind === 'partitioned' ? handler.delivery.key : undefined;
      handler.delivery = mode.kind === 'partitioned' && key !== undefined ? { ...mode, key } : { ...mode };
    }
  }
  for (const [id, control] of options.concurrency) {
    const node = doc.consumers.find((c) => c.id === id) ?? doc.projections.find((p) => p.id === id)
      ?? known('concurrency', id, 'consumer or projection', [...consumerIds, ...doc.projections.map((p) => p.id)]);
    node.concurrency = control;
  }
  for (const [id, cache] of options.cache) {
    const projection = doc.projections.find((p) => p.id === id) ?? known('cache', id, 'projection', doc.projections.map((p) => p.id));
    if (cache === 'off') delete projection.cache;
    else projection.cache = { leases: cache === 'leases' };
  }
  const before = new Set(validateFlow(flow).map((p) => `${p.code} ${p.path}`));
  const added = validateFlow(doc).filter((p) => !before.has(`${p.code} ${p.path}`));
  const broken = added.filter((p) => p.severity === 'error');
  if (broken.length > 0) throw new UsageError(`the scale options break the design: ${broken.map((p) => `${p.message} (${p.path})`).join('; ')}`);
  for (const p of added) warn(`warning: with the scale options, ${p.message} (${p.path})`);
  // The remedies switched for the run (runRemedies) stay out of the design copy: the run's settings carry them.
  const remedies = runRemedies(flow, options);
  for (const node of [...doc.consumers, ...doc.projections]) {
    const original = [...flow.consumers, ...flow.projections].find((n) => n.id === node.id);
    if (remedies.concurrency && Object.hasOwn(remedies.concurrency, node.id)) {
      if (original?.concurrency === undefined) delete node.concurrency;
      else node.concurrency = original.concurrency;
    }
  }
  for (const projection of doc.projections) {
    const original = flow.projections.find((p) => p.id === projection.id);
    if (remedies.cacheLeases && Object.hasOwn(remedies.cacheLeases, projection.id) && original?.cache) projection.cache = { ...original.cache };
  }
  return doc;
}

/** Whether any scale option was given (the design is then copied and changed). */
export function changesDesign(options: ScaleOptions): boolean {
  return options.instances.size + options.modes.size + options.concurrency.size + options.lockLease.size + options.cache.size > 0;
}
