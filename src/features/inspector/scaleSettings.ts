/**
 * The consistency-at-scale settings of the inspector (issue 13), pure: the choices a consumer, a
 * subscription and a projection offer, the check of a typed whole number against the design's
 * bounds (`DESIGN_BOUNDS`, as a restore checks them), and the edits that set or clear a setting
 * (a setting back at its default is left out of the document, as the design had it before).
 */
import {
  DEFAULT_LOCK_LEASE_STEPS, DESIGN_BOUNDS, pathLabel,
  type ConcurrencyControl, type Consumer, type DeliveryMode, type EventPath, type Handler, type Projection,
} from '../../core';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** One line saying what it does. */
  hint: string;
}

/** `''`: the setting is absent (its default). */
export type ConcurrencyChoice = ConcurrencyControl | '';

export const CONSUMER_CONCURRENCY: readonly Choice<ConcurrencyChoice>[] = [
  { value: '', label: 'default', hint: 'One instance reads and writes a row in one transaction; several instances read, then write, with no guard (none).' },
  { value: 'none', label: 'none', hint: 'Reads the row, then writes what it computed: a write by another instance in between is lost.' },
  { value: 'optimistic', label: 'optimistic', hint: 'The write compares the row’s version with the one read; on a conflict it reads again and retries.' },
  { value: 'lock', label: 'lock', hint: 'Takes a per-row lock before the read and releases it with the write; the lease ends when its holder dies.' },
  { value: 'single-writer', label: 'single writer', hint: 'Only the owner of the message’s partition writes; a handling whose partition moved is fenced off and redelivered.' },
];

export const PROJECTION_CONCURRENCY: readonly Choice<ConcurrencyChoice>[] = [
  { value: '', label: 'the writing consumer’s', hint: 'Each consumer that writes a row guards it with its own concurrency control.' },
  ...CONSUMER_CONCURRENCY.slice(1),
];

export type CacheChoice = 'off' | 'on' | 'leases';

export const CACHE_CHOICES: readonly Choice<CacheChoice>[] = [
  { value: 'off', label: 'off', hint: 'Reads go to the projection’s rows.' },
  { value: 'on', label: 'on (cache-aside)', hint: 'A read that misses loads the row and fills the cache; a write updates the row and invalidates the entry. A fill a write overtook leaves a stale entry.' },
  { value: 'leases', label: 'on, with leases', hint: 'As cache-aside, but a miss takes a lease that an invalidate clears, and a fill whose lease was cleared is refused: no stale fill.' },
];

export type DeliveryChoice = 'none' | 'partitioned' | 'competing';

export const DELIVERY_CHOICES: readonly Choice<DeliveryChoice>[] = [
  { value: 'none', label: 'none', hint: 'The broker keeps each stream in order for the consumer; any instance takes a stream’s next message.' },
  { value: 'partitioned', label: 'partitioned', hint: 'Messages are keyed by the ordering key; each partition is owned by one instance and delivered in order.' },
  { value: 'competing', label: 'competing', hint: 'Any free instance takes the next message; no order.' },
];

/** The hint of a choice. */
export function hintOf<T extends string>(choices: readonly Choice<T>[], value: T): string {
  return choices.find((c) => c.value === value)?.hint ?? '';
}

export type Bound = { min: number; max: number };
export type Parsed = { value: number } | { error: string };

/** A typed whole number within a bound, or what is wrong with it ("Instances: a whole number from 1 to 64"). */
export function parseWhole(text: string, bound: Bound, what: string): Parsed {
  const trimmed = text.trim();
  const range = `a whole number from ${bound.min.toLocaleString('en')} to ${bound.max.toLocaleString('en')}`;
  if (trimmed === '') return { error: `${what}: ${range} is needed` };
  const n = Number(trimmed);
  if (!Number.isFinite(n) || !Number.isInteger(n)) return { error: `${what}: ${range}, not ${trimmed}` };
  if (n < bound.min || n > bound.max) return { error: `${what}: ${range}; ${n.toLocaleString('en')} is ${n < bound.min ? 'too few' : 'too many'}` };
  return { value: n };
}

export const BOUNDS = {
  instances: DESIGN_BOUNDS.instances,
  prefetch: DESIGN_BOUNDS.prefetch,
  lockLeaseSteps: DESIGN_BOUNDS.lockLeaseSteps,
  partitions: DESIGN_BOUNDS.partitions,
} as const;

/** The consumer with a numeric setting set; the default (1, or the default lease) is left out. */
export function withConsumerNumber(consumer: Consumer, field: 'instances' | 'prefetch' | 'lockLeaseSteps', value: number): Consumer {
  const next: Consumer = { ...consumer, [field]: value };
  const fallback = field === 'lockLeaseSteps' ? DEFAULT_LOCK_LEASE_STEPS : 1;
  if (value === fallback) delete next[field];
  return next;
}

/** The consumer with its concurrency control set, or cleared (`''`). */
export function withConsumerConcurrency(consumer: Consumer, choice: ConcurrencyChoice): Consumer {
  const next: Consumer = { ...consumer };
  if (choice === '') delete next.concurrency;
  else next.concurrency = choice;
  return next;
}

/** The projection with its concurrency override set, or cleared (`''`). */
export function withProjectionConcurrency(projection: Projection, choice: ConcurrencyChoice): Projection {
  const next: Projection = { ...projection };
  if (choice === '') delete next.concurrency;
  else next.concurrency = choice;
  return next;
}

export const cacheChoiceOf = (projection: Projection): CacheChoice =>
  projection.cache === undefined ? 'off' : projection.cache.leases ? 'leases' : 'on';

/** The projection with its cache switched off, on, or on with leases. */
export function withCache(projection: Projection, choice: CacheChoice): Projection {
  const next: Projection = { ...projection };
  if (choice === 'off') delete next.cache;
  else next.cache = { leases: choice === 'leases' };
  return next;
}

export const deliveryChoiceOf = (handler: Handler): DeliveryChoice => handler.delivery?.kind ?? 'none';

/** Partitions a subscription gets when partitioned delivery is picked. */
export const DEFAULT_PARTITIONS = 8;

/** The handler with a delivery mode; partitioned keeps the partitions and key it had. */
export function withDeliveryChoice(handler: Handler, choice: DeliveryChoice): Handler {
  const next: Handler = { ...handler };
  if (choice === 'none') delete next.delivery;
  else if (choice === 'competing') next.delivery = { kind: 'competing' };
  else next.delivery = handler.delivery?.kind === 'partitioned' ? handler.delivery : { kind: 'partitioned', partitions: DEFAULT_PARTITIONS };
  return next;
}

type Partitioned = Extract<DeliveryMode, { kind: 'partitioned' }>;

/** The partitioned handler with new partitions or ordering key (`''`: the aggregate id). */
export function withPartitioned(handler: Handler & { delivery: Partitioned }, patch: { partitions?: number; key?: string }): Handler {
  const delivery: Partitioned = { ...handler.delivery, ...(patch.partitions === undefined ? {} : { partitions: patch.partitions }) };
  if (patch.key !== undefined) {
    if (patch.key === '') delete delivery.key;
    else delivery.key = patch.key;
  }
  return { ...handler, delivery };
}

/** The ordering key picker's options: the aggregate id first, then every payload path of the event; a key that is no field is kept and marked. */
export function orderingKeyOptions(paths: readonly EventPath[], current: string | undefined): { value: string; label: string }[] {
  const options = [{ value: '', label: 'aggregate id (default)' }, ...paths.map((p) => ({ value: p.path, label: pathLabel(p.path) }))];
  if (current !== undefined && !paths.some((p) => p.path === current)) options.push({ value: current, label: `${pathLabel(current)} (not a field of the event)` });
  return options;
}

/** Why an ordering key cannot be used, or undefined. */
export function orderingKeyProblem(paths: readonly EventPath[], current: string | undefined): string | undefined {
  if (current === undefined || paths.some((p) => p.path === current)) return undefined;
  return `Ordering key ${pathLabel(current)} is not a field of the event: pick a field or the aggregate id`;
}
