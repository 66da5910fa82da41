/**
 * Keyset paging for virtualised tables: rows are read a page at a time, continuing from the key
 * of the last row of the previous page (`where(index).above(key).limit(n)`), so scrolling through
 * 100,000 rows never reads them all and never counts through them again. A jump far ahead (dragging
 * the scrollbar) has no known key yet, and falls back to an offset once; the pages it reads then
 * record their keys for the next reads.
 */

/** Where a read starts: after a known key, or at an offset when no key is known. */
export type PageStart<K> = { after: K } | { offset: number };

/** A source of rows in a stable order, read live from IndexedDB. */
export interface RowSource<Row, K = unknown> {
  /** Changes whenever the rows or their order change (another table, filter or sort). */
  readonly id: string;
  /** True when new rows only ever come at the end (logs): known keys then stay valid. */
  readonly appendOnly: boolean;
  count(): Promise<number>;
  page(start: PageStart<K>, limit: number): Promise<Row[]>;
  /** The key a following page continues after (the index key parts after the prefix). */
  keyOf(row: Row): K;
  /** False for an index whose keys are not unique within the prefix: pages are then read by offset. */
  readonly keyset?: boolean;
}

/** What to read for the visible rows `[first, last]`. Pure. */
export interface WindowPlan<K> {
  startPage: number;
  endPage: number;
  start: PageStart<K>;
  limit: number;
}

/**
 * Plans the read for the visible index range: whole pages around it, starting after the known
 * key of the page before the first one when there is one. Pure.
 */
export function planWindow<K>(
  first: number,
  last: number,
  pageSize: number,
  knownKeys: ReadonlyMap<number, K>,
): WindowPlan<K> {
  const startPage = Math.max(0, Math.floor(Math.max(0, first) / pageSize));
  const endPage = Math.max(startPage, Math.floor(Math.max(0, last) / pageSize));
  const limit = (endPage - startPage + 1) * pageSize;
  if (startPage === 0) return { startPage, endPage, start: { offset: 0 }, limit };
  const before = knownKeys.get(startPage - 1);
  return before === undefined
    ? { startPage, endPage, start: { offset: startPage * pageSize }, limit }
    : { startPage, endPage, start: { after: before }, limit };
}

/**
 * Records the key of the last row of each full page read, so later reads continue after it.
 * Mutates `knownKeys`; returns it.
 */
export function recordPageKeys<Row, K>(
  knownKeys: Map<number, K>,
  startPage: number,
  rows: readonly Row[],
  pageSize: number,
  keyOf: (row: Row) => K,
): Map<number, K> {
  for (let end = pageSize; end <= rows.length; end += pageSize) {
    const row = rows[end - 1];
    if (row !== undefined) knownKeys.set(startPage + end / pageSize - 1, keyOf(row));
  }
  return knownKeys;
}

/**
 * Whether the page keys recorded for a source at `known.count` rows still hold at `count` rows:
 * the same source, and either a log that only grew, or a table whose count did not change (a
 * shrinking log was reset and refilled). Pure.
 */
export function knownKeysStillValid(
  known: { sourceId: string; count: number | undefined },
  source: Pick<RowSource<unknown>, 'id' | 'appendOnly'>,
  count: number | undefined,
): boolean {
  if (known.sourceId !== source.id) return false;
  if (known.count === undefined || count === undefined) return known.count === count || known.count === undefined;
  return source.appendOnly ? count >= known.count : count === known.count;
}
