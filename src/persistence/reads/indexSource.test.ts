import { describe, expect, it } from 'vitest';
import Dexie, { type Table } from 'dexie';
import { indexSource } from './indexSource';

interface Row { runId: string; ownerId: string; seq: number }

class TestDb extends Dexie {
  rows!: Table<Row, [string, number]>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: '[runId+seq], [runId+ownerId+seq]' });
  }
}

async function seeded(name: string) {
  const db = new TestDb(name);
  const rows: Row[] = [];
  for (let seq = 1; seq <= 1000; seq++) rows.push({ runId: 'r1', ownerId: seq % 2 === 0 ? 'even' : 'odd', seq });
  rows.push({ runId: 'r2', ownerId: 'even', seq: 2 });
  await db.rows.bulkPut(rows);
  return db;
}

describe('indexSource', () => {
  it('given a dense sequence, when a far page is read by offset, then it is read by key and matches', async () => {
    const db = await seeded('index-source-dense');
    const dense = indexSource({ table: db.rows, index: '[runId+seq]', prefix: ['r1'], tail: (r) => [r.seq], appendOnly: true, denseFrom: 1 });
    const plain = indexSource({ table: db.rows, index: '[runId+seq]', prefix: ['r1'], tail: (r) => [r.seq], appendOnly: true });
    const far = await dense.page({ offset: 900 }, 100);
    expect(far.map((r) => r.seq)).toEqual((await plain.page({ offset: 900 }, 100)).map((r) => r.seq));
    expect(far[0]?.seq).toBe(901);
    db.close();
  });

  it('given a shorter prefix, when paging after a two-part key, then it crosses owners in index order', async () => {
    const db = await seeded('index-source-two-part');
    const source = indexSource({ table: db.rows, index: '[runId+ownerId+seq]', prefix: ['r1'], tail: (r) => [r.ownerId, r.seq], appendOnly: false });
    const next = await source.page({ after: ['even', 998] }, 3);
    expect(next.map((r) => `${r.ownerId}:${r.seq}`)).toEqual(['even:1000', 'odd:1', 'odd:3']);
    db.close();
  });

  it('given rows of two owners and runs, when counted by prefix, then only the prefix counts', async () => {
    const db = await seeded('index-source-count');
    const source = indexSource({ table: db.rows, index: '[runId+ownerId+seq]', prefix: ['r1', 'even'], tail: (r) => [r.seq], appendOnly: true });
    expect(await source.count()).toBe(500);
    db.close();
  });

  it('given a known key, when the next page is read, then it continues right after it', async () => {
    const db = await seeded('index-source-keyset');
    const source = indexSource({ table: db.rows, index: '[runId+ownerId+seq]', prefix: ['r1', 'even'], tail: (r) => [r.seq], appendOnly: true });
    const first = await source.page({ offset: 0 }, 100);
    const after = source.keyOf(first[first.length - 1]!);
    expect(after).toEqual([200]);
    const second = await source.page({ after }, 100);
    expect(second.map((r) => r.seq).slice(0, 3)).toEqual([202, 204, 206]);
    const byOffset = await source.page({ offset: 100 }, 100);
    expect(second).toEqual(byOffset);
    db.close();
  });

  it('given newest first, when paging after a key, then it goes on downwards', async () => {
    const db = await seeded('index-source-reverse');
    const source = indexSource({ table: db.rows, index: '[runId+seq]', prefix: ['r1'], tail: (r) => [r.seq], appendOnly: true, reverse: true });
    const first = await source.page({ offset: 0 }, 3);
    expect(first.map((r) => r.seq)).toEqual([1000, 999, 998]);
    const next = await source.page({ after: [998] }, 2);
    expect(next.map((r) => r.seq)).toEqual([997, 996]);
    db.close();
  });
});

describe('indexSource over a prefix that covers the whole index', () => {
  it('given several rows with the same index key, when read by offset, then all of them are found', async () => {
    class EventDb extends Dexie {
      rows!: Table<{ runId: string; seq: number; eventId: string }, [string, number]>;
      constructor() {
        super('index-source-full-prefix');
        this.version(1).stores({ rows: '[runId+seq], [runId+eventId]' });
      }
    }
    const db = new EventDb();
    await db.rows.bulkPut([1, 2, 3].map((seq) => ({ runId: 'r1', seq, eventId: seq === 2 ? 'e-2' : 'e-1' })));
    const source = indexSource({ table: db.rows, index: '[runId+eventId]', prefix: ['r1', 'e-1'], tail: () => [], appendOnly: false, byOffset: true });
    expect(await source.count()).toBe(2);
    expect((await source.page({ offset: 0 }, 10)).map((r) => r.seq)).toEqual([1, 3]);
    db.close();
  });
});
