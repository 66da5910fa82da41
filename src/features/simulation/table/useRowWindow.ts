import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { rowWindow, scrollTopFor, type RowWindow } from './fixedRowWindow';

interface RowWindowOptions {
  count: number;
  rowHeight: number;
  /** Pixels above the first row inside the scroll box (the sticky header). */
  margin: number;
  overscan: number;
  /** Opens scrolled to the bottom (the newest rows of a log). */
  startAtEnd: boolean;
}

/**
 * The rows the scroll box in `scrollRef` shows (see fixedRowWindow.ts), following its scrolling and
 * its size; `scrollToIndex` scrolls and renders the new window in the same frame.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, { count, rowHeight, margin, overscan, startAtEnd }: RowWindowOptions) {
  const [view, setView] = useState({ scrollTop: startAtEnd ? Number.MAX_SAFE_INTEGER : 0, viewport: 0 });
  const atEndFirst = useRef(startAtEnd); // counts at mount only

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () => setView((v) => (v.scrollTop === el.scrollTop && v.viewport === el.clientHeight ? v : { scrollTop: el.scrollTop, viewport: el.clientHeight }));
    if (atEndFirst.current) el.scrollTop = el.scrollHeight;
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(read);
    resized?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resized?.disconnect();
    };
  }, [scrollRef]);

  const window: RowWindow = rowWindow({ count, rowHeight, scrollTop: view.scrollTop, viewport: view.viewport, margin, overscan });

  const scrollToIndex = useCallback((index: number, align: 'start' | 'end') => {
    const el = scrollRef.current;
    if (!el) return;
    el.scrollTop = scrollTopFor(index, align, { rowHeight, viewport: el.clientHeight, margin });
    setView({ scrollTop: el.scrollTop, viewport: el.clientHeight });
  }, [scrollRef, rowHeight, margin]);

  return { window, totalSize: Math.max(0, count) * rowHeight, scrollToIndex };
}
