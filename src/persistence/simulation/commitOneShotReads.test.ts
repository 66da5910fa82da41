import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulationDb, type SimulationDb } from './simulationDb';

const RUN = 'run-1';
const outboxRow = (seq: number) => ({ runId: RUN, seq, ownerId: 'orders', eventId: `e${seq}`, status: 'pending' });

describe('one-off reads of the simulation database', () => {
  let db: SimulationDb;
  /** The modes of the transactions `commit()` was called on, in order. */
  let committed: IDBTransactionMode[];

  beforeEach(async () => {
    db = createSimulationDb(`efd-commit-reads-${crypto.randomUUID()}`);
    await db.open();
    await db.outbox.bulkPut([1, 2, 3, 4, 5].map(outboxRow) as never[]);
    await db.runs.put({ runId: RUN } as never);
    committed = [];
    const commit = IDBTransaction.prototype.commit;
    vi.spyOn(IDBTransaction.prototype, 'commit').mockImplementation(function (this: IDBTransaction) {
      committed.push(this.mode);
      return commit.call(this);
    });
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    db.close();
    await db.delete();
  });

  it('commit as soon as their one request is issued, and still answer', async () => {
    expect(await db.runs.get(RUN)).toMatchObject({ runId: RUN });
    const page = await db.outbox.where('[runId+seq]').between([RUN, 2], [RUN, Infinity]).limit(2).toArray();
    expect(page.map((r) => r.seq)).toEqual([2, 3]);
    expect(await db.outbox.where('[runId+seq]').between([RUN, 0], [RUN, Infinity]).count()).toBe(5);
    expect((await db.outbox.bulkGet([[RUN, 1], [RUN, 9]])).map((r) => r?.seq)).toEqual([1, undefined]);
    expect(committed).toEqual(['readonly', 'readonly', 'readonly', 'readonly']);
  });

  it('leave a transaction of several reads open until its last one', async () => {
    const seqs = await db.transaction('r', [db.runs, db.outbox], async () => {
      const run = await db.runs.get(RUN);
      const first = await db.outbox.get([RUN, 1]);
      const rest = await db.outbox.where('[runId+seq]').between([RUN, 2], [RUN, Infinity]).toArray();
      return [run?.runId, first?.seq, ...rest.map((r) => r.seq)];
    });
    expect(seqs).toEqual([RUN, 1, 2, 3, 4, 5]);
    expect(committed).not.toContain('readonly');
  });

  it('answer newest first whole (a cursor where one request cannot answer)', async () => {
    const newest = await db.outbox.where('[runId+seq]').between([RUN, 0], [RUN, Infinity]).reverse().limit(3).toArray();
    expect(newest.map((r) => r.seq)).toEqual([5, 4, 3]);
  });

  it('let a write queued behind them land, and read it after', async () => {
    const before = db.outbox.get([RUN, 6]);
    const write = db.outbox.put(outboxRow(6) as never);
    expect(await before).toBeUndefined();
    await write;
    expect((await db.outbox.get([RUN, 6]))?.seq).toBe(6);
  });
});
