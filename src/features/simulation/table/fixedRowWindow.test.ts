import { describe, expect, it } from 'vitest';
import { rowWindow, scrollTopFor } from './fixedRowWindow';

const base = { rowHeight: 26, margin: 26, overscan: 2 };

describe('the rows a fixed-height table shows', () => {
  it('given the top of a long table, then the rows in view and the overscan below are shown', () => {
    // 260 px of view under a 26 px header: rows 0..9 are in view.
    expect(rowWindow({ ...base, count: 100_000, scrollTop: 0, viewport: 286 })).toEqual({ first: 0, last: 11 });
  });

  it('given a scroll into the middle, then the window moves with it, by whole rows, overscan on both sides', () => {
    expect(rowWindow({ ...base, count: 100_000, scrollTop: 26 + 26 * 500 + 13, viewport: 260 })).toEqual({ first: 498, last: 512 });
  });

  it('given a scroll past the end (or a box taller than the table), then the window stops at the last row', () => {
    expect(rowWindow({ ...base, count: 50, scrollTop: 1e9, viewport: 260 })).toEqual({ first: 47, last: 49 });
    expect(rowWindow({ ...base, count: 5, scrollTop: 0, viewport: 2000 })).toEqual({ first: 0, last: 4 });
  });

  it('given no rows or a box not yet measured, then nothing or only the first rows are shown', () => {
    expect(rowWindow({ ...base, count: 0, scrollTop: 0, viewport: 260 })).toEqual({ first: 0, last: -1 });
    expect(rowWindow({ ...base, count: 100, scrollTop: 0, viewport: 0 })).toEqual({ first: 0, last: 2 });
  });

  it('given a row to show at the bottom or the top, then the scrollTop puts it there, and the window then holds it', () => {
    const view = { rowHeight: 26, viewport: 260, margin: 26 };
    const end = scrollTopFor(999, 'end', view);
    expect(end).toBe(26 + 1000 * 26 - 260);
    expect(rowWindow({ ...base, count: 1000, scrollTop: end, viewport: 260 }).last).toBe(999);
    const start = scrollTopFor(400, 'start', view);
    expect(start).toBe(400 * 26); // row 400's top meets the header's bottom
    expect(rowWindow({ ...base, count: 1000, scrollTop: start, viewport: 260, overscan: 0 })).toEqual({ first: 399, last: 408 });
    expect(scrollTopFor(0, 'end', view)).toBe(0);
  });
});
