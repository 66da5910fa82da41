import { describe, expect, it } from 'vitest';
import { knownKeysStillValid, planWindow, recordPageKeys } from './keysetPaging';

describe('planWindow', () => {
  it('given the top of a table, when planned, then it reads from offset 0 the pages in view', () => {
    expect(planWindow(0, 30, 100, new Map())).toEqual({ startPage: 0, endPage: 0, start: { offset: 0 }, limit: 100 });
  });

  it('given a known key of the previous page, when planned, then it continues after that key', () => {
    const keys = new Map([[4, 499]]);
    expect(planWindow(510, 620, 100, keys)).toEqual({ startPage: 5, endPage: 6, start: { after: 499 }, limit: 200 });
  });

  it('given a jump with no known key, when planned, then it falls back to an offset', () => {
    expect(planWindow(50_000, 50_030, 100, new Map())).toEqual({
      startPage: 500, endPage: 500, start: { offset: 50_000 }, limit: 100,
    });
  });
});

describe('recordPageKeys', () => {
  it('given two full pages and a partial one, when recorded, then only full pages get a key', () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ seq: 1000 + i }));
    const keys = recordPageKeys(new Map<number, number>(), 10, rows, 100, (r) => r.seq);
    expect([...keys.entries()]).toEqual([[10, 1099], [11, 1199]]);
  });
});

describe('knownKeysStillValid', () => {
  const log = { id: 'trace', appendOnly: true };
  const table = { id: 'rows', appendOnly: false };
  it('given a log that grew, when checked, then its page keys still hold', () => {
    expect(knownKeysStillValid({ sourceId: 'trace', count: 100 }, log, 250)).toBe(true);
  });
  it('given a log that shrank (a reset), when checked, then its page keys are dropped', () => {
    expect(knownKeysStillValid({ sourceId: 'trace', count: 300 }, log, 12)).toBe(false);
  });
  it('given a table whose rows changed in number, when checked, then its page keys are dropped', () => {
    expect(knownKeysStillValid({ sourceId: 'rows', count: 10 }, table, 11)).toBe(false);
  });
  it('given another source, when checked, then nothing carries over', () => {
    expect(knownKeysStillValid({ sourceId: 'trace', count: 10 }, { id: 'other', appendOnly: true }, 10)).toBe(false);
  });
});
