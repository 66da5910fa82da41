/**
 * The rows of a table of fixed-height rows that a scroll box shows, by arithmetic: no per-row
 * bookkeeping, so opening a log of 100,000 rows costs what opening one of 100 does (a general
 * virtualizer keeps a measurement per row, rebuilt when the count changes). Pure.
 */

export interface RowWindowInput {
  count: number;
  rowHeight: number;
  /** The scroll box's scrollTop and visible height, in pixels. */
  scrollTop: number;
  viewport: number;
  /** Pixels above the first row inside the scroll box (a sticky header). */
  margin: number;
  /** Rows rendered beyond each edge of the view. */
  overscan: number;
}

/** The indexes rendered, first to last inclusive; `last < first` when there is none. */
export interface RowWindow {
  first: number;
  last: number;
}

export function rowWindow({ count, rowHeight, scrollTop, viewport, margin, overscan }: RowWindowInput): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  // In the rows' own coordinates (the first row's top is `margin` into the box).
  const top = Math.max(0, scrollTop - margin);
  const bottom = Math.max(top, scrollTop + Math.max(0, viewport) - margin);
  const firstSeen = Math.min(count - 1, Math.floor(top / rowHeight));
  const lastSeen = Math.min(count - 1, Math.max(firstSeen, Math.ceil(bottom / rowHeight) - 1));
  return { first: Math.max(0, firstSeen - overscan), last: Math.min(count - 1, lastSeen + overscan) };
}

/** The scrollTop that shows row `index` at the bottom of the view (`end`) or right under the (sticky) header (`start`). */
export function scrollTopFor(index: number, align: 'start' | 'end', { rowHeight, viewport, margin }: Pick<RowWindowInput, 'rowHeight' | 'viewport' | 'margin'>): number {
  const start = margin + index * rowHeight;
  return Math.max(0, align === 'start' ? start - margin : start + rowHeight - viewport);
}
