import { useRef } from 'react';
import { useThrottledLiveQuery } from '../live/useThrottledLiveQuery';
import { knownKeysStillValid, planWindow, recordPageKeys, type RowSource } from './keysetPaging';

export const PAGE_SIZE = 100;

export interface KeysetRows<Row> {
  /** Rows in the table (live); undefined while the first count is read. */
  count: number | undefined;
  /** The row at an index if its page is loaded. */
  rowAt(index: number): Row | undefined;
}

/**
 * Reads, live from IndexedDB, only the pages that cover the visible rows `[first, last]` of a
 * source, with keyset paging (see keysetPaging.ts). Known page keys are kept per source; for a
 * source whose rows may be inserted anywhere they are dropped whenever the count changes.
 */
export function useKeysetRows<Row, K>(
  source: RowSource<Row, K>,
  first: number,
  last: number,
  options: { knownCount?: number; intervalMs?: number } = {},
): KeysetRows<Row> {
  const { knownCount, intervalMs = 150 } = options;
  const keys = useRef<{ sourceId: string; count: number | undefined; map: Map<number, K> }>({
    sourceId: source.id, count: undefined, map: new Map(),
  });
  // A count known from the run row costs nothing; otherwise IndexedDB counts (live).
  const counted = useThrottledLiveQuery(() => (knownCount === undefined ? source.count() : -1), [source, knownCount === undefined], intervalMs);
  const count = knownCount ?? counted;

  const cache = keys.current;
  if (knownKeysStillValid(cache, source, count)) cache.count = count;
  else keys.current = { sourceId: source.id, count, map: new Map() };
  const plan = planWindow(first, last, PAGE_SIZE, keys.current.map);
  const startKey = 'after' in plan.start ? JSON.stringify(plan.start.after) : `@${plan.start.offset}`;

  const loaded = useThrottledLiveQuery(
    async () => {
      const rows = await source.page(plan.start, plan.limit);
      return { sourceId: source.id, startPage: plan.startPage, rows };
    },
    // The plan is re-derived each render; its identity is the pages it covers and where it starts.
    [source, plan.startPage, plan.endPage, startKey],
    intervalMs,
    { keepPrevious: true },
  );
  const window = loaded?.sourceId === source.id ? loaded : undefined;
  if (window && source.keyset !== false) recordPageKeys(keys.current.map, window.startPage, window.rows, PAGE_SIZE, (r) => source.keyOf(r));

  return {
    count,
    rowAt(index: number) {
      if (!window) return undefined;
      return window.rows[index - window.startPage * PAGE_SIZE];
    },
  };
}
