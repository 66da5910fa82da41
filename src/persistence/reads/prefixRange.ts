import Dexie, { type Collection, type Table } from 'dexie';

/** One part of a compound IndexedDB key as this app uses them (ids, names, sequence numbers). */
export type KeyPart = string | number;

/**
 * The bounds of every compound key that starts with `prefix`, the prefix itself included: an
 * array sorts before every longer array it starts, and `Dexie.maxKey` after every key part, so
 * `[runId]`…`[runId, maxKey]` holds every row of a run whatever its key parts after the run id
 * are (numbers, strings, negative numbers). This is the one spelling of "the whole prefix" in
 * the read API; `[runId, Number.MAX_SAFE_INTEGER]` would miss string keys, and `[...prefix, minKey]`
 * the rows whose key is the prefix itself.
 */
export function prefixRange(prefix: readonly KeyPart[]): { lower: KeyPart[]; upper: unknown[] } {
  return { lower: [...prefix], upper: [...prefix, Dexie.maxKey] };
}

/** The rows of `table` whose `index` key starts with `prefix`, in index order. */
export function wherePrefix<Row, TKey>(table: Table<Row, TKey>, index: string, prefix: readonly KeyPart[]): Collection<Row, TKey> {
  const { lower, upper } = prefixRange(prefix);
  return table.where(index).between(lower, upper, true, true);
}
