import type { PageStart, RowSource } from './keysetPaging';

/**
 * A row source over rows already computed (e.g. projections replayed to an event-store
 * position, which exist in no table). `id` must change when the rows do.
 */
export function arraySource<Row>(id: string, rows: readonly Row[]): RowSource<Row, number> {
  return {
    id,
    appendOnly: false,
    keyset: false,
    count: async () => rows.length,
    page: async (start: PageStart<number>, limit: number) => {
      const from = 'offset' in start ? start.offset : start.after + 1;
      return rows.slice(from, from + limit);
    },
    keyOf: (row) => rows.indexOf(row),
  };
}
