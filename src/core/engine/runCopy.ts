/**
 * An in-memory copy of one run's tables (the ones the micro-steps and the checker read), kept by an
 * engine between calls: `step()` and long runs compute on it and write only what changed, in one
 * transaction that first checks the stored run row is still the one the copy was made from.
 * Someone else's write (another tab, another engine object) always changes the run row, so a copy
 * that no longer matches is dropped and loaded again. Pure TypeScript (no IndexedDB here).
 */
import { MemoryTables, STEP_INDEXES, type MemoryChanges } from './memoryStore';
import { TABLE_NAMES, type RunRecord, type TableName } from './records';
import type { KeyPart, SimulationStore, StoreTx } from './store';

/** The run row changed underneath the copy (a fire, a reset, another tab): the copy's work is void. */
export class StaleCopy extends Error {
  constructor() {
    super('the run changed while a step was computed on its in-memory copy');
  }
}

/**
 * The tables a copy holds: those the micro-steps read (with their indexes), and the rest of what the
 * checker reads and the stored report (by primary key only: a Map entry per row), so that a step can
 * check the run and store its report in its own transaction (`stepWithRun` with `report`).
 */
const COPY_INDEXES: Partial<Record<TableName, readonly string[]>> = {
  ...STEP_INDEXES, handlings: [], deadLetters: [], externalEffects: [], anomalies: [], reports: [],
};
const HELD = (Object.keys(COPY_INDEXES) as TableName[]).filter((t) => t !== 'runs');
const HELD_SET = new Set<TableName>(HELD);
/** Tables keyed by the run id alone (one row per run). */
const ONE_ROW = new Set<TableName>(['runs', 'reports']);

/** A commit in flight: `issued` once every request is in the transaction (rows serialized), `done` when it committed. */
export interface CopyCommit {
  issued: Promise<void>;
  done: Promise<void>;
  /** Aborts the transaction if it has not committed yet (nothing of it is then written); else nothing. */
  abort(): void;
}

/** Writes one batch of changes; every request is issued at once (IndexedDB runs them in order). */
function writeChanges(tx: StoreTx, changes: MemoryChanges): Promise<unknown> {
  const writes: Promise<void>[] = [];
  for (const [table, { puts, deletes }] of changes) {
    for (const key of deletes) writes.push(tx.delete(table, ONE_ROW.has(table) ? String(key[0]) : key));
    // One row (most tables in a single step) is a plain put: cheaper than a bulk request in Dexie.
    if (puts.length === 1) writes.push(tx.put(table, puts[0] as never));
    else if (puts.length > 1) writes.push(tx.bulkPut(table, puts as never[]));
  }
  return Promise.all(writes);
}

/**
 * What a run row is compared by: its fields as text and its design snapshot by identity (a store
 * that keeps the snapshot apart hands out the same object while it is unchanged; else by text).
 * The snapshot is most of the row's bytes and no step changes it: it is not serialized per step.
 */
interface RunStamp {
  text: string;
  flow: RunRecord['flow'] | undefined;
}

function stampOf(run: RunRecord | undefined): RunStamp | undefined {
  if (!run) return undefined;
  const { flow, ...rest } = run;
  return { text: JSON.stringify(rest), flow };
}

function sameStamp(a: RunStamp | undefined, b: RunStamp): boolean {
  return !!a && a.text === b.text && (a.flow === b.flow || JSON.stringify(a.flow) === JSON.stringify(b.flow));
}

/** A row copied into the copy; a run row keeps its design snapshot (shared, never changed by a step). */
function cloneRow<T>(table: TableName, row: T): T {
  if (table !== 'runs') return structuredClone(row);
  const { flow, ...rest } = row as RunRecord;
  return { ...structuredClone(rest), flow } as T;
}

export class RunCopy {
  private constructor(readonly runId: string, readonly tables: MemoryTables, private base: RunStamp) {}

  /** Loads the run's held tables in one read transaction (once per copy, not per step or batch). */
  static load(store: SimulationStore, runId: string): Promise<RunCopy> {
    return store.transaction('r', TABLE_NAMES, async (tx) => {
      const run = await tx.get('runs', runId);
      if (!run) throw new Error(`no simulation run for design "${runId}"`);
      const tables = new MemoryTables(COPY_INDEXES);
      tables.load('runs', [run]);
      const rows = await Promise.all(HELD.map(async (table) => {
        if (!ONE_ROW.has(table)) return tx.query(table, ':id', { prefix: [runId] });
        const row = await tx.get(table, runId);
        return row ? [row] : [];
      }));
      HELD.forEach((table, i) => tables.load(table, rows[i] ?? []));
      return new RunCopy(runId, tables, stampOf(run) as RunStamp);
    });
  }

  /** The copy of a run just started (every table of it empty): nothing to load. */
  static started(run: RunRecord): RunCopy {
    const tables = new MemoryTables(COPY_INDEXES);
    tables.load('runs', [cloneRow('runs', run)]);
    return new RunCopy(run.runId, tables, stampOf(run) as RunStamp);
  }

  /**
   * The run row as the copy holds it, as a copy the caller may change (steps mutate the run but
   * never its flow snapshot, which stays shared: the engine's flow index is cached by it).
   */
  async run(): Promise<RunRecord> {
    const held = await this.tables.tx().get('runs', this.runId);
    if (!held) throw new Error(`no simulation run for design "${this.runId}"`);
    const { flow, ...rest } = held;
    return { ...structuredClone(rest), flow };
  }

  /** Whether `stored` (the run row as read from the store) is the one this copy was made from. */
  matches(stored: RunRecord | undefined): boolean {
    return sameStamp(stampOf(stored), this.base);
  }

  /**
   * Writes the changes made on the copy since the last commit, with `run` as the new run row, in one
   * read-write transaction: the stored run row is read first and the transaction aborts (`StaleCopy`,
   * nothing written) unless it is the copy's base. The changes are taken now, so the caller may go
   * on stepping on the copy once `issued` resolved (the rows are then serialized into the requests),
   * while the store commits: the next batch is computed while this one is in flight. The copy's base
   * is `run` from now on, so a commit issued before this one is done is chained on it: it writes
   * only if this one did. A caller whose commit fails must drop the copy.
   */
  commit(store: SimulationStore, run: RunRecord): CopyCommit {
    const changes = this.tables.takeChanges();
    const base = this.base;
    this.base = stampOf(run) as RunStamp;
    let markIssued: () => void = () => {};
    const issued = new Promise<void>((resolve) => (markIssued = resolve));
    let abort: (() => void) | undefined;
    let aborted = false;
    // Only the tables written (and the run row): a smaller scope is a cheaper transaction.
    const scope = [...new Set<TableName>(['runs', ...changes.keys()])];
    const done = store.transaction('rw', scope, async (tx) => {
      abort = () => tx.abort?.();
      if (aborted) throw new Error('the commit was aborted before it started');
      const stored = tx.get('runs', this.runId);
      const writes = writeChanges(tx, changes);
      writes.catch(() => {}); // an abort below rejects them too; the StaleCopy is what the caller hears
      markIssued();
      if (!sameStamp(stampOf(await stored), base)) throw new StaleCopy();
      // Every request is issued: IndexedDB commits right after the last one is done, not once its
      // answer has reached this page (busy computing the next batch, it hears it only at its next pause).
      tx.commit?.();
      await writes;
    });
    done.catch(() => markIssued());
    return {
      issued, done,
      abort: () => {
        aborted = true;
        abort?.();
      },
    };
  }

  /**
   * A transaction on the store whose writes are mirrored into the copy (an engine write that is not
   * a step: fire, settings). The caller checks `matches` on the run row first; `accept(run)` after
   * the commit makes the written run row the copy's new base.
   */
  mirror(tx: StoreTx): StoreTx {
    const memory = this.tables.tx(false);
    const held = (table: TableName) => table === 'runs' || HELD_SET.has(table);
    return {
      ...tx,
      put: async (table, row) => {
        await tx.put(table, row);
        if (held(table)) await memory.put(table, cloneRow(table, row));
      },
      bulkPut: async (table, rows) => {
        await tx.bulkPut(table, rows);
        if (held(table)) await memory.bulkPut(table, rows.map((row) => cloneRow(table, row)));
      },
      delete: async (table, key) => {
        await tx.delete(table, key);
        if (held(table)) await memory.delete(table, key);
      },
      deletePrefix: async (table, prefix: KeyPart[]) => {
        await tx.deletePrefix(table, prefix);
        if (held(table)) await memory.deletePrefix(table, prefix);
      },
    };
  }

  /** After a mirrored transaction committed: `run` (as written) is the stored run row. */
  accept(run: RunRecord): void {
    this.base = stampOf(run) as RunStamp;
  }
}

/**
 * Where steps and long runs get their copy and give it back. A copy is used by one caller at a
 * time: while lent it is no longer held, so a concurrent call loads its own and nobody mirrors a
 * write into a copy that holds steps not yet written.
 */
export interface CopyHolder {
  /** The copy of `runId` (the held one, or loaded now), lent to the caller. */
  take(store: SimulationStore, runId: string): Promise<RunCopy>;
  /** The held copy of `runId` if there is one, lent to the caller (nothing is loaded). */
  lend(runId: string): RunCopy | undefined;
  /** Gives a lent copy back, consistent with the store (everything computed on it is written). */
  keep(copy: RunCopy): void;
  /** The store changed in a way no copy saw: no copy lent before now may be kept. */
  drop(): void;
  /** `copy` saw the store's last change (a mirrored write): it is held, and no copy lent before now may be kept. */
  hold(copy: RunCopy): void;
}

/** No cache: every run loads its own copy. */
export function oneOffCopies(): CopyHolder {
  return { take: (store, runId) => RunCopy.load(store, runId), lend: () => undefined, keep() {}, drop() {}, hold() {} };
}

/** One engine's cache: the copy of the run it last stepped (one run at a time). */
export function copyCache(): CopyHolder {
  let held: RunCopy | undefined;
  let generation = 0;
  const lentAt = new WeakMap<RunCopy, number>();
  const lend = (copy: RunCopy) => {
    held = undefined;
    lentAt.set(copy, generation);
    return copy;
  };
  return {
    async take(store, runId) {
      const idle = held?.runId === runId ? held : undefined;
      if (idle) return lend(idle);
      const at = generation;
      const loaded = await RunCopy.load(store, runId);
      lentAt.set(loaded, at);
      return loaded;
    },
    lend: (runId) => (held?.runId === runId ? lend(held) : undefined),
    keep(copy) {
      if (lentAt.get(copy) === generation) held = copy;
    },
    drop() {
      held = undefined;
      generation += 1;
    },
    hold(copy) {
      generation += 1;
      held = copy;
      lentAt.set(copy, generation);
    },
  };
}
