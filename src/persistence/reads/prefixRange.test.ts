import Dexie, { type Table } from 'dexie';
import { describe, expect, it } from 'vitest';
import { prefixRange, wherePrefix } from './prefixRange';

interface Row { key: (string | number)[] }

class KeysDb extends Dexie {
  rows!: Table<Row, (string | number)[]>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: 'key' });
  }
}

describe('prefixRange', () => {
  it('given keys of every shape under a run and around it, when the run prefix is read, then exactly the run rows come back', async () => {
    const db = new KeysDb('prefix-range');
    const inside = [['r1'], ['r1', -5], ['r1', 0], ['r1', 1e300], ['r1', ''], ['r1', 'a'], ['r1', 'zzz', 3], ['r1', 'item/i-1', 'x']];
    const outside = [['r'], ['r0', 'x'], ['r10'], ['r10', 1], ['r2', 0], ['r1\u0000', 1], [''], ['s']];
    await db.rows.bulkPut([...inside, ...outside].map((key) => ({ key })));
    const read = (await wherePrefix(db.rows, 'key', ['r1']).toArray()).map((row) => JSON.stringify(row.key));
    expect(read.sort()).toEqual(inside.map((key) => JSON.stringify(key)).sort());
    db.close();
  });

  it('given a two-part prefix, when it is read, then the rows of that owner only, the prefix row itself included', async () => {
    const db = new KeysDb('prefix-range-two');
    await db.rows.bulkPut([['r1', 'a'], ['r1', 'a', 1], ['r1', 'a', 'x'], ['r1', 'ab', 1], ['r1', 'b', 1]].map((key) => ({ key })));
    const read = (await wherePrefix(db.rows, 'key', ['r1', 'a']).toArray()).map((row) => row.key);
    expect(read).toEqual([['r1', 'a'], ['r1', 'a', 1], ['r1', 'a', 'x']]);
    db.close();
  });

  it('keeps the prefix it was given untouched and starts the range at it', () => {
    const prefix = ['r1', 2] as const;
    const { lower, upper } = prefixRange(prefix);
    expect(lower).toEqual(['r1', 2]);
    expect(upper.slice(0, 2)).toEqual(['r1', 2]);
    expect(upper).toHaveLength(3);
    expect(prefix).toEqual(['r1', 2]);
  });
});
