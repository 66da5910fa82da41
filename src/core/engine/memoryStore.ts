/**
 * An in-memory copy of a run's tables with IndexedDB's key order and the indexes of
 * `SIMULATION_SCHEMA`, behind the same `StoreTx` interface. Run-until-quiet takes many micro-steps
 * against it and then writes what changed in one IndexedDB transaction: IndexedDB charges per
 * request round trip and per transaction, not per row. Pure TypeScript.
 */
import type { TableName } from './records';
import { indexName, memorySchema, SIMULATION_SCHEMA, type IndexQuery, type KeyPart, type SimulationStore, type StoreTx } from './store';

type Row = Record<string, unknown>;
type Key = KeyPart[];

/** IndexedDB order for our keys: numbers before strings, element by element, a prefix first. Pure. */
export function compareKeys(a: readonly KeyPart[], b: readonly KeyPart[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as KeyPart;
    const y = b[i] as KeyPart;
    if (x === y) continue;
    const tx = typeof x;
    if (tx !== typeof y) return tx === 'number' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function keyOf(row: Row, paths: readonly string[]): Key | undefined {
  const key: Key = [];
  for (const p of paths) {
    const v = row[p];
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    key.push(v);
  }
  return key;
}

/** `compareKeys` on the first `n` parts of `a` only (a cut to the bound's length). Pure. */
function compareCut(a: readonly KeyPart[], b: readonly KeyPart[]): number {
  return compareKeys(a.length > b.length ? a.slice(0, b.length) : a, b);
}

interface Entry {
  key: Key;
  pk: string;
  pkKey: Key;
}

/** A place in a chunked index: chunk number and offset in it. */
interface Cursor {
  c: number;
  o: number;
}

const CHUNK = 512;

/**
 * A sorted list of (index key, primary key) entries, kept in chunks of at most 2 × CHUNK so that an
 * insert or a delete moves a few hundred elements, not the whole index (a one-level B+ tree).
 */
class SortedIndex {
  chunks: Entry[][] = [];
  /** `unique`: a second row with the same index key is refused, as IndexedDB refuses it (ConstraintError). */
  constructor(readonly paths: readonly string[], readonly unique = false, readonly name = '') {}

  /** The first place whose entry satisfies `atOrAfter` (entries are sorted, so it is monotonic). */
  private seek(atOrAfter: (e: Entry) => boolean): Cursor {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = chunks[mid] as Entry[];
      if (atOrAfter(chunk[chunk.length - 1] as Entry)) hi = mid;
      else lo = mid + 1;
    }
    if (lo === chunks.length) return { c: lo, o: 0 };
    const chunk = chunks[lo] as Entry[];
    let a = 0;
    let b = chunk.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (atOrAfter(chunk[mid] as Entry)) b = mid;
      else a = mid + 1;
    }
    return { c: lo, o: a };
  }

  /** Ties on the index key are ordered by primary key, as IndexedDB does. */
  private position(key: Key, pkKey: Key): Cursor {
    return this.seek((e) => (compareKeys(e.key, key) || compareKeys(e.pkKey, pkKey)) >= 0);
  }

  /** Adds a row's entry; `own`: this is the primary-key index, whose key is the primary key itself (shared, not copied). */
  add(row: Row, pk: string, pkKey: Key, own = false): void {
    const key = own ? pkKey : keyOf(row, this.paths);
    if (!key) return;
    const entry = { key, pk, pkKey };
    let { c, o } = this.position(key, pkKey);
    if (c === this.chunks.length) {
      if (c === 0) {
        this.chunks.push([entry]);
        return;
      }
      c -= 1;
      o = (this.chunks[c] as Entry[]).length;
    }
    const chunk = this.chunks[c] as Entry[];
    chunk.splice(o, 0, entry);
    if (chunk.length > 2 * CHUNK) this.chunks.splice(c + 1, 0, chunk.splice(CHUNK));
  }

  /** Moves a row's entry when its index key changed (nothing to do when it did not). */
  replace(old: Row, row: Row, pk: string, pkKey: Key): void {
    const before = keyOf(old, this.paths);
    const after = keyOf(row, this.paths);
    if (before && after && before.length === after.length && compareKeys(before, after) === 0) return;
    this.remove(old, pk, pkKey);
    this.add(row, pk, pkKey);
  }

  /** Throws when a unique index already holds this row's key for another primary key. */
  checkUnique(row: Row, pk: string): void {
    if (!this.unique) return;
    const key = keyOf(row, this.paths);
    if (!key) return;
    const [clash] = this.select({ prefix: key, limit: 1 });
    if (clash !== undefined && clash !== pk) throw new Error(`ConstraintError: unique index ${this.name} already holds ${JSON.stringify(key)}`);
  }

  remove(row: Row, pk: string, pkKey: Key): void {
    const key = keyOf(row, this.paths);
    if (!key) return;
    const { c, o } = this.position(key, pkKey);
    const chunk = this.chunks[c];
    if (chunk?.[o]?.pk !== pk) return;
    chunk.splice(o, 1);
    if (chunk.length === 0) this.chunks.splice(c, 1);
  }

  /** Primary keys matching a query, in index order (or reversed). */
  select(q: IndexQuery): string[] {
    const low = q.from === undefined ? q.prefix : [...q.prefix, q.from];
    const high = q.to === undefined ? q.prefix : [...q.prefix, q.to];
    const lower = this.seek((e) => compareCut(e.key, low) >= 0);
    const upper = this.seek((e) => compareCut(e.key, high) > 0);
    const limit = q.limit ?? Infinity;
    const out: string[] = [];
    const before = (a: Cursor, b: Cursor) => a.c < b.c || (a.c === b.c && a.o < b.o);
    if (q.reverse) {
      const at = { ...upper };
      for (;;) {
        if (at.o === 0) {
          if (at.c === 0) break;
          at.c -= 1;
          at.o = (this.chunks[at.c] as Entry[]).length;
        }
        at.o -= 1;
        if (before(at, lower) || out.length >= limit) break;
        out.push(((this.chunks[at.c] as Entry[])[at.o] as Entry).pk);
      }
    } else {
      const at = { ...lower };
      while (before(at, upper) && out.length < limit) {
        const chunk = this.chunks[at.c] as Entry[];
        out.push((chunk[at.o] as Entry).pk);
        at.o += 1;
        if (at.o >= chunk.length) {
          at.c += 1;
          at.o = 0;
        }
      }
    }
    return out;
  }
}

interface MemoryTable {
  primary: SortedIndex;
  primaryName: string;
  sortPrimary: boolean;
  indexes: Map<string, SortedIndex>;
  rows: Map<string, Row>;
}

/**
 * A query on the primary key of a table whose primary key order is not kept: the matching rows
 * are found by a scan and sorted (the checker reads a whole run once; nothing steps on this).
 */
function scanPrimary(t: MemoryTable, q: IndexQuery): string[] {
  const low = q.from === undefined ? q.prefix : [...q.prefix, q.from];
  const high = q.to === undefined ? q.prefix : [...q.prefix, q.to];
  const found: [Key, string][] = [];
  for (const [pk, row] of t.rows) {
    const key = keyOf(row, t.primary.paths);
    if (key && compareCut(key, low) >= 0 && compareCut(key, high) <= 0) found.push([key, pk]);
  }
  found.sort((a, b) => compareKeys(a[0], b[0]));
  if (q.reverse) found.reverse();
  const keys = (q.limit === undefined ? found : found.slice(0, q.limit)).map((f) => f[1]);
  found.length = 0;
  return keys;
}

const parsePaths = (spec: string) => indexName(spec).replace(/^\[|\]$/g, '').split('+');

/** Changes since the last `takeChanges`: rows to put and primary keys to delete, per table. */
export type MemoryChanges = Map<TableName, { puts: Row[]; deletes: Key[] }>;

/**
 * The indexes the micro-steps query, per table (':id' = the primary key in key order). Only these are
 * kept sorted; tables absent here are written by the steps but never read back (trace, broker
 * publications, dead letters) and are only collected as changes.
 */
export const STEP_INDEXES: Partial<Record<TableName, readonly string[]>> = {
  runs: [],
  commands: ['[runId+producerId+status+seq]', '[runId+producerId+seq]'],
  businessRows: [],
  idempotencyKeys: [],
  outbox: ['[runId+status+seq]'],
  directPublishes: ['[runId+ownerId+seq]'],
  publications: ['[runId+eventId]'],
  deliveries: ['[runId+consumerId+status+order]', '[runId+status+deadline]'],
  brokerCursors: [],
  inbox: [],
  projectionRows: [],
  events: ['[runId+eventId]', '[runId+streamId+version]'],
  locks: [],
  cacheEntries: [],
};

export class MemoryTables {
  private tables = new Map<TableName, MemoryTable>();
  private dirty = new Map<TableName, Map<string, Row | null>>();
  private writeOnly: [TableName, Row][] = [];

  /** `indexes`: which indexes to keep per table (default `STEP_INDEXES`; tables not listed are write-only). */
  constructor(indexes: Partial<Record<TableName, readonly string[]>> = STEP_INDEXES) {
    for (const name of Object.keys(SIMULATION_SCHEMA) as TableName[]) {
      const [primary = '', ...rest] = memorySchema(name).split(',').map((s) => s.trim());
      const kept = indexes[name];
      if (!kept) continue;
      this.tables.set(name, {
        primary: new SortedIndex(parsePaths(primary)),
        primaryName: primary,
        sortPrimary: kept.includes(':id') || kept.includes(primary),
        indexes: new Map(rest.filter((i) => kept.includes(indexName(i)))
          .map((index) => [indexName(index), new SortedIndex(parsePaths(index), index.startsWith('&'), `${name} ${indexName(index)}`)])),
        rows: new Map(),
      });
    }
  }

  /** Whether a table is held (and readable) in memory. */
  holds(name: TableName): boolean {
    return this.tables.has(name);
  }

  private table(name: TableName): MemoryTable {
    const t = this.tables.get(name);
    if (!t) throw new Error(`unknown table ${name}`);
    return t;
  }

  private pkOf(_t: MemoryTable, key: KeyPart[] | string): string {
    return JSON.stringify(Array.isArray(key) ? key : [key]);
  }

  /** Loads rows as they are in the database (not recorded as changes). */
  load(name: TableName, rows: readonly object[]): void {
    for (const row of rows) this.write(name, row as Row, false);
  }

  private write(name: TableName, row: Row, track: boolean): void {
    const t = this.tables.get(name);
    if (!t) {
      this.writeOnly.push([name, row]);
      return;
    }
    const key = keyOf(row, t.primary.paths);
    if (!key) throw new Error(`row without a primary key in ${name}`);
    const pk = JSON.stringify(key);
    for (const index of t.indexes.values()) index.checkUnique(row, pk);
    const old = t.rows.get(pk);
    t.rows.set(pk, row);
    if (old) {
      // Same primary key: its entry stays; only indexes whose key changed move.
      for (const index of t.indexes.values()) index.replace(old, row, pk, key);
    } else {
      if (t.sortPrimary) t.primary.add(row, pk, key, true);
      for (const index of t.indexes.values()) index.add(row, pk, key);
    }
    if (track) this.mark(name, pk, row);
  }

  private erase(name: TableName, pk: string, track: boolean): void {
    const t = this.table(name);
    const old = t.rows.get(pk);
    if (old) {
      const pkKey = keyOf(old, t.primary.paths) ?? [];
      t.rows.delete(pk);
      if (t.sortPrimary) t.primary.remove(old, pk, pkKey);
      for (const index of t.indexes.values()) index.remove(old, pk, pkKey);
    }
    if (track) this.mark(name, pk, null);
  }

  private mark(name: TableName, pk: string, row: Row | null): void {
    let changes = this.dirty.get(name);
    if (!changes) this.dirty.set(name, (changes = new Map()));
    changes.set(pk, row);
  }

  private select(name: TableName, index: string, q: IndexQuery): Row[] {
    return this.selectKeys(name, index, q).map((pk) => this.table(name).rows.get(pk) as Row);
  }

  /** Primary keys matching a query on an index (or on the primary key, sorted or scanned). */
  private selectKeys(name: TableName, index: string, q: IndexQuery): string[] {
    const t = this.table(name);
    const primary = index === ':id' || index === t.primaryName;
    if (primary && !t.sortPrimary) return scanPrimary(t, q);
    const sorted = primary ? t.primary : t.indexes.get(index);
    if (!sorted) throw new Error(`no index ${index} on ${name}`);
    return sorted.select(q);
  }

  /** The changes made through `tx()` since the last call, and forgets them. */
  takeChanges(): MemoryChanges {
    const out: MemoryChanges = new Map();
    for (const [name, row] of this.writeOnly) {
      let entry = out.get(name);
      if (!entry) out.set(name, (entry = { puts: [], deletes: [] }));
      entry.puts.push(row);
    }
    this.writeOnly = [];
    for (const [name, changes] of this.dirty) {
      const puts: Row[] = [];
      const deletes: Key[] = [];
      for (const [pk, row] of changes) {
        if (row) puts.push(row);
        else deletes.push(JSON.parse(pk) as Key);
      }
      out.set(name, { puts, deletes });
    }
    this.dirty.clear();
    return out;
  }

  /** A StoreTx over the memory tables; every write is recorded as a change (unless `track` is false). */
  tx(track = true): StoreTx {
    return {
      get: async (table, key) => this.table(table).rows.get(this.pkOf(this.table(table), key)) as never,
      put: async (table, row) => this.write(table, row as unknown as Row, track),
      bulkPut: async (table, rows) => {
        for (const row of rows) this.write(table, row as unknown as Row, track);
      },
      delete: async (table, key) => this.erase(table, this.pkOf(this.table(table), key), track),
      query: async (table, index, q) => this.select(table, index, q) as never,
      count: async (table, index, q) => this.select(table, index, q).length,
      deletePrefix: async (table, prefix) => {
        for (const pk of this.selectKeys(table, ':id', { prefix })) this.erase(table, pk, track);
      },
    };
  }
}

/** Every index of every table, plus the primary key order: a complete in-memory database. */
export function allIndexes(): Record<TableName, readonly string[]> {
  return Object.fromEntries(
    (Object.keys(SIMULATION_SCHEMA) as TableName[]).map((name) => [name, [':id', ...memorySchema(name).split(',').slice(1).map(indexName)]]),
  ) as unknown as Record<TableName, readonly string[]>;
}

/** Options of `createMemorySimulationStore`. */
export interface MemoryStoreOptions {
  /** `all` (default): every index of SIMULATION_SCHEMA; `lean`: only what the steps and the checker read (less memory). */
  indexes?: 'all' | 'lean';
  /** Store copies of the rows put, as IndexedDB does (default true); false when the caller never changes a row after putting it. */
  copyOnWrite?: boolean;
  /** Tables whose rows are not kept (e.g. `trace` for a headless run that only wants the report); reads find nothing there. */
  discard?: readonly TableName[];
}

/**
 * Only the indexes the steps read, for every table (what a headless run needs): whole-run reads by
 * primary key (the checker, once) scan and sort instead of keeping the order for every row.
 */
export function leanIndexes(): Record<TableName, readonly string[]> {
  return Object.fromEntries(
    Object.keys(SIMULATION_SCHEMA).map((name) => [name, STEP_INDEXES[name as TableName] ?? []]),
  ) as unknown as Record<TableName, readonly string[]>;
}

/**
 * A SimulationStore held entirely in memory (node scripts, benchmarks of the engine's own cost).
 * Unlike IndexedDB it does not roll back a transaction whose function throws.
 */
export function createMemorySimulationStore(options: MemoryStoreOptions = {}): SimulationStore {
  const tables = new MemoryTables(options.indexes === 'lean' ? leanIndexes() : allIndexes());
  const copy = options.copyOnWrite ?? true;
  const discard = new Set(options.discard ?? []);
  return {
    direct: true,
    async transaction(_mode, _tables, fn) {
      const all = tables.tx(false);
      const inner: StoreTx = discard.size === 0 ? all : {
        ...all,
        put: async (table, row) => (discard.has(table) ? undefined : all.put(table, row)),
        bulkPut: async (table, rows) => (discard.has(table) ? undefined : all.bulkPut(table, rows)),
      };
      // Like IndexedDB, store copies: callers may change the objects they put afterwards.
      const tx: StoreTx = copy ? {
        ...inner,
        put: (table, row) => inner.put(table, structuredClone(row)),
        bulkPut: (table, rows) => inner.bulkPut(table, structuredClone(rows)),
      } : inner;
      return fn(tx);
    },
  };
}
