import { getOwn } from '../../../core';
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { RowSource } from './keysetPaging';
import { useKeysetRows } from './useKeysetRows';
import { useRowWindow } from './useRowWindow';
import { useLiveInterval } from '../live/useLiveInterval';

export interface Column<Row> {
  key: string;
  header: string;
  /** A longer explanation of the column, on hover. */
  headerTitle?: string;
  /** Width in pixels; a `grow` column takes the space left over, never less than its width. */
  width: number;
  grow?: boolean;
  render(row: Row): ReactNode;
  /** Ids and payloads read best in a monospace font. */
  mono?: boolean;
  /** Full text shown on hover when the cell is cut. */
  title?(row: Row): string;
  /** Long text that wraps onto the row's second line (with a `rowHeight` of two lines). */
  wrap?: boolean;
}

export interface VirtualTableProps<Row, K> {
  label: string;
  source: RowSource<Row, K>;
  columns: readonly Column<Row>[];
  rowId(row: Row): string;
  // NoInfer: the row type comes from the source; these accept any wider row (e.g. followEventRows).
  isHighlighted?(row: NoInfer<Row>): boolean;
  /** Rows to show faded (e.g. events after the position travelled to). */
  isDimmed?(row: NoInfer<Row>): boolean;
  onRowClick?(row: NoInfer<Row>): void;
  emptyText: string;
  /** Keep the newest rows in view while the user is at the bottom (logs). */
  followTail?: boolean;
  /** The row count when the caller knows it (e.g. from the run's counters); else it is counted. */
  count?: number;
  /** Pixels per row; e.g. `TWO_LINE_ROW_HEIGHT` for a table of sentences (with `wrap` columns). */
  rowHeight?: number;
}

const ROW_HEIGHT = 26;
/** Rows read before the table knows its height: a screenful and then some. */
const INITIAL_ROWS = 60;
/** A row tall enough for two lines of text. */
export const TWO_LINE_ROW_HEIGHT = 42;

/**
 * A table that stays fast with 100,000 rows: only the visible rows are rendered (by arithmetic on
 * the fixed row height, useRowWindow.ts: no cost per row) and only their pages are read from
 * IndexedDB (keyset paging).
 * The header stays in place while the body scrolls.
 */
function VirtualTableInner<Row, K>(props: VirtualTableProps<Row, K>) {
  const { label, source, columns, rowId, isHighlighted, isDimmed, onRowClick, emptyText, followTail } = props;
  const rowHeight = props.rowHeight ?? ROW_HEIGHT;
  const intervalMs = useLiveInterval();
  const scrollRef = useRef<HTMLDivElement>(null);
  // A log whose length is known opens on its newest rows: the first read is the last page, not the first.
  const opensAtTail = followTail === true && props.count !== undefined && props.count > 0;
  const [range, setRange] = useState(() => (opensAtTail
    ? { first: Math.max(0, props.count! - INITIAL_ROWS), last: props.count! - 1 }
    : { first: 0, last: INITIAL_ROWS }));
  const rows = useKeysetRows(source, range.first, range.last, { knownCount: props.count, intervalMs });
  const count = rows.count ?? 0;
  const atBottom = useRef(true);

  // A log that opens at its tail is scrolled there before its first paint (useRowWindow's `startAtEnd`).
  const { window, totalSize, scrollToIndex } = useRowWindow(scrollRef, { count, rowHeight, margin: ROW_HEIGHT, overscan: 12, startAtEnd: opensAtTail });
  useLayoutEffect(() => {
    if (window.last < window.first) return;
    setRange((r) => (r.first === window.first && r.last === window.last ? r : { first: window.first, last: window.last }));
  }, [window.first, window.last]);
  const onScroll = () => {
    const el = scrollRef.current;
    if (el) atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT * 2;
  };

  useEffect(() => {
    if (!followTail || !atBottom.current || count === 0) return;
    // After layout, so that a table opened on a long log starts at its newest rows.
    const frame = requestAnimationFrame(() => scrollToIndex(count - 1, 'end'));
    return () => cancelAnimationFrame(frame);
  }, [followTail, count, scrollToIndex]);

  // ↑/↓ move between rows, Enter picks one (as a click does); Space stays the run's play key.
  const onRowKeys = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!onRowClick) return;
    const current = (e.target as HTMLElement).closest<HTMLElement>('.vt-rows > .vt-row');
    const rowsEl = scrollRef.current?.querySelector('.vt-rows');
    let next: Element | null | undefined;
    if (e.key === 'ArrowDown') next = current ? current.nextElementSibling : rowsEl?.firstElementChild;
    else if (e.key === 'ArrowUp') next = current?.previousElementSibling;
    else if (e.key === 'Enter' && current) {
      e.preventDefault();
      current.click();
      return;
    } else return;
    if (next instanceof HTMLElement) {
      e.preventDefault();
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
    }
  };

  const template = columns.map((c) => (c.grow ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.width, 0);
  return (
    <div className="vt" role="table" aria-label={label} aria-rowcount={count + 1}>
      <div className="vt-scroll" ref={scrollRef} tabIndex={0} aria-label={`${label}: scroll the rows`} onKeyDown={onRowKeys} onScroll={onScroll}>
        <div className="vt-head" role="rowgroup" style={{ minWidth }}>
          <div className="vt-row vt-header-row" role="row" style={{ gridTemplateColumns: template, height: ROW_HEIGHT }}>
            {columns.map((c) => (
              <div key={c.key} className="vt-th" role="columnheader" title={c.headerTitle ?? c.header}>{c.header}</div>
            ))}
          </div>
        </div>
        {rows.count === 0 && <div className="vt-empty">{emptyText}</div>}
        <div className="vt-rows" role="rowgroup" style={{ height: totalSize, minWidth }}>
          {indexesOf(window).map((index) => {
            const row = rows.rowAt(index);
            const style = {
              transform: `translateY(${index * rowHeight}px)`,
              gridTemplateColumns: template,
              height: rowHeight,
            };
            if (row === undefined) {
              return (
                <div key={`loading-${index}`} className="vt-row vt-loading" role="row" style={style} aria-rowindex={index + 2}>
                  <div role="cell" className="vt-td">…</div>
                </div>
              );
            }
            const highlighted = isHighlighted?.(row) ?? false;
            return (
              <div
                key={rowId(row)}
                className={`vt-row${highlighted ? ' vt-highlight' : ''}${isDimmed?.(row) ? ' vt-dimmed' : ''}${onRowClick ? ' vt-clickable' : ''}`}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={highlighted || undefined}
                data-row-id={rowId(row)}
                tabIndex={onRowClick ? -1 : undefined}
                style={style}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
              >
                {columns.map((c) => (
                  <div key={c.key} role="cell" className={`vt-td${c.mono ? ' vt-mono' : ''}${c.wrap ? ' vt-wrap' : ''}`} title={c.title?.(row)}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** first..last, inclusive. */
function indexesOf({ first, last }: { first: number; last: number }): number[] {
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

export const VirtualTable = memo(VirtualTableInner) as typeof VirtualTableInner;

/** A small coloured label for a row's state (pending, sent, acked, dead…). */
export function StatusPill({ status, tone }: { status: string; tone?: PillTone }) {
  return <span className={`pill pill-${tone ?? toneOf(status)}`}>{status}</span>;
}

export type PillTone = 'neutral' | 'wait' | 'ok' | 'warn' | 'bad';

const TONES: Record<string, PillTone> = {
  pending: 'wait', queued: 'wait', inflight: 'wait', 'in-flight': 'wait', delivered: 'wait',
  sent: 'ok', published: 'ok', acked: 'ok', processed: 'ok', applied: 'ok', appended: 'ok',
  duplicate: 'warn', skipped: 'warn', retry: 'warn', retried: 'warn', redelivered: 'warn', failed: 'bad',
  dead: 'bad', 'dead-letter': 'bad', lost: 'bad', crashed: 'bad', crash: 'bad', fault: 'bad',
};

/** The tone for a known status word; unknown words are neutral. Pure. */
export function toneOf(status: string): PillTone {
  return getOwn(TONES, status.toLowerCase()) ?? 'neutral';
}
