import Dexie, { type Table } from 'dexie';
import { repairRunRow } from '../../../persistence/simulation/checkRunRows';
import type { PageStart, RowSource } from './keysetPaging';

type KeyPart = string | number;

/**
 * A row source over one compound index of a Dexie table: the rows whose index key starts with
 * `prefix`, in index order, paged by the key part after the prefix (which must be unique within
 * the prefix, e.g. a seq, a position or a key). Its id names the table, index and prefix.
 */
export function indexSource<Row, TKey>(options: {
  table: Table<Row, TKey>;
  index: string;
  prefix: readonly KeyPart[];
  /** The index key parts after the prefix, for a row (unique within the prefix). */
  tail(row: Row): KeyPart[];
  appendOnly: boolean;
  /** Newest first. */
  reverse?: boolean;
  /** The index is not unique within the prefix (e.g. all rows of one event id): page by offset. */
  byOffset?: boolean;
  /**
   * The key part after the prefix is a dense sequence starting here (1, 2, 3… with no gaps, e.g.
   * trace steps or event-store positions): row i has key `denseFrom + i`, so any page is read
   * by key, and a jump to the end of 100,000 rows costs what the first page costs.
   */
  denseFrom?: number;
}): RowSource<Row, KeyPart[]> {
  const { table, index, prefix, tail, appendOnly, reverse } = options;
  // The prefix itself sorts before every longer key that starts with it; `[...prefix, minKey]`
  // would miss rows when the prefix already covers the whole index (e.g. [runId+eventId]).
  const lower = [...prefix];
  const upper = [...prefix, Dexie.maxKey];
  const all = () => table.where(index).between(lower, upper, true, true);
  const source: RowSource<Row, KeyPart[]> = {
    id: `${table.name}:${index}:${JSON.stringify(prefix)}:${reverse ? 'desc' : 'asc'}`,
    appendOnly: appendOnly && !reverse,
    count: () => all().count(),
    async page(start: PageStart<KeyPart[]>, limit: number) {
      if ('offset' in start) {
        if (options.denseFrom !== undefined && !reverse) {
          return table.where(index).between([...prefix, options.denseFrom + start.offset], upper, true, true).limit(limit).toArray();
        }
        const c = reverse ? all().reverse() : all();
        return c.offset(start.offset).limit(limit).toArray();
      }
      const c = reverse
        ? table.where(index).between(lower, [...prefix, ...start.after], true, false).reverse()
        : table.where(index).between([...prefix, ...start.after], upper, false, true);
      return c.limit(limit).toArray();
    },
    keyOf: tail,
    keyset: !options.byOffset,
  };
  // Every row read goes through its check: a damaged one is shown as damaged, never blanks the panel.
  return { ...source, page: async (start, limit) => (await source.page(start, limit)).map((row) => repairRunRow(table.name, row)) };
}
