import type { Table } from 'dexie';
import { repairRunRow } from '../simulation/checkRunRows';
import { prefixRange, wherePrefix, type KeyPart } from './prefixRange';

/** Where a page starts: after a known key (the index key parts after the prefix), or at an offset. */
export type PageStart = { after: KeyPart[] } | { offset: number };

/**
 * Rows in index order, a page at a time. It has the shape of the virtual table's `RowSource`
 * (src/features/simulation/table/keysetPaging.ts), which the panels' read models are typed as.
 */
export interface IndexSource<Row> {
  readonly id: string;
  readonly appendOnly: boolean;
  count(): Promise<number>;
  page(start: PageStart, limit: number): Promise<Row[]>;
  keyOf(row: Row): KeyPart[];
  readonly keyset: boolean;
}

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
}): IndexSource<Row> {
  const { table, index, prefix, tail, appendOnly, reverse } = options;
  const { lower, upper } = prefixRange(prefix);
  const all = () => wherePrefix(table, index, prefix);
  const source: IndexSource<Row> = {
    id: `${table.name}:${index}:${JSON.stringify(prefix)}:${reverse ? 'desc' : 'asc'}`,
    appendOnly: appendOnly && !reverse,
    count: () => all().count(),
    async page(start: PageStart, limit: number) {
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
