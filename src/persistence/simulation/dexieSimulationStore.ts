import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import { recordFrom, type SimulationStore, type StoreTx } from '../../core';
import { nativeStoreTx, type KnownDesigns, type WrittenTables } from './nativeStoreTx';
import type { SimulationDb } from './simulationDb';

/** One task later: IndexedDB's events queued meanwhile (request answers, a commit) are handled first. Faster than a 0 ms timer. */
let channel: { post(): void; waiting: (() => void)[] } | undefined;
function yieldTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    const { port1, port2 } = new MessageChannel();
    const waiting: (() => void)[] = [];
    port1.onmessage = () => waiting.shift()?.();
    // In node (tests, tools) an open port would keep the process alive.
    (port1 as { unref?(): void }).unref?.();
    channel = { waiting, post: () => port2.postMessage(null) };
  }
  const { waiting, post } = channel;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    post();
  });
}

/**
 * Tells Dexie's live queries (this tab's, and through Dexie's BroadcastChannel every other tab's)
 * that `written` changed, as Dexie tells them after a write of its own: the whole of each table
 * written (its rows, its deletions, each of its indexes), so that no reader of it misses a change.
 */
function fireWritten(db: SimulationDb, written: WrittenTables): void {
  if (written.size === 0) return;
  const parts = new Map<string, RangeSet>();
  const everything = () => new RangeSet(-Infinity, [[[]]]);
  for (const [table, deleted] of written) {
    const at = `idb://${db.name}/${table}/`;
    parts.set(at, everything());
    if (deleted) parts.set(`${at}:dels`, everything());
    for (const index of db.table(table).schema.indexes) if (index.name) parts.set(`${at}${index.name}`, everything());
  }
  Dexie.on('storagemutated').fire(recordFrom(parts) as ObservabilitySet);
}

/** At most one signal per this many milliseconds: a reader re-reads at most once a frame, whatever the step rate. */
export const SIGNAL_INTERVAL_MS = 16;

/**
 * Signals what each commit wrote, coalesced: the first commit after a quiet spell at once, later
 * ones together at most `SIGNAL_INTERVAL_MS` after the last signal (firing after every one of a
 * fast run's hundreds of commits a second cost more than a tenth of a step, and no reader can use
 * them: each only schedules the next re-read). Nothing written is left unsignalled.
 */
function writtenSignals(db: SimulationDb): (written: WrittenTables) => void {
  let pending: WrittenTables = new Map();
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    last = performance.now();
    const tables = pending;
    pending = new Map();
    fireWritten(db, tables);
  };
  return (written) => {
    for (const [table, deleted] of written) pending.set(table, deleted || (pending.get(table) ?? false));
    if (pending.size === 0 || timer !== undefined) return;
    const wait = last + SIGNAL_INTERVAL_MS - performance.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
}

/** The open connection (Dexie opens it on first use and again after another tab's upgrade closed it). */
async function connection(db: SimulationDb): Promise<IDBDatabase> {
  if (!db.isOpen()) await db.open();
  return db.backendDB();
}

/**
 * Runs `fn` in one native transaction: committed when `fn` resolves, aborted (nothing written) when
 * it rejects or a request fails; settles once IndexedDB says the transaction committed or aborted.
 */
async function inTransaction<R>(trans: IDBTransaction, fn: () => Promise<R>): Promise<R> {
  const settled = new Promise<void>((resolve, reject) => {
    trans.oncomplete = () => resolve();
    trans.onabort = () => reject(trans.error ?? new DOMException('the transaction was aborted', 'AbortError'));
  });
  settled.catch(() => {}); // heard below, or replaced by fn's own error
  let result: R;
  try {
    result = await fn();
  } catch (error) {
    try {
      trans.abort();
    } catch {
      // Finished already (aborted by the failed request).
    }
    throw error;
  }
  try {
    trans.commit(); // no need to wait for the end of this task
  } catch {
    // Not active any more: it commits (or has) on its own.
  }
  await settled;
  return result;
}

/**
 * The engine's storage: the simulation database (Dexie declares it, opens and upgrades it; the UI
 * reads it through Dexie) written and read by the engine through IndexedDB's own requests, one
 * native transaction per `transaction` (Dexie's wrapping of each request cost more than IndexedDB
 * itself on a step). The engine awaits nothing but IndexedDB inside it. A transaction over the run
 * rows also spans their design snapshots (`runDesigns`, see runDesigns.ts). After a commit, Dexie's
 * live queries hear of the tables written (at most once a frame).
 */
export function createDexieSimulationStore(db: SimulationDb): SimulationStore {
  const known: KnownDesigns = new Map();
  const signal = writtenSignals(db);
  return {
    pause: yieldTask,
    async transaction(mode, tables, fn) {
      const scope: string[] = tables.includes('runs') ? [...tables, 'runDesigns'] : [...tables];
      const idb = await connection(db);
      const trans = idb.transaction(scope, mode === 'rw' ? 'readwrite' : 'readonly', { durability: 'relaxed' });
      const learned: KnownDesigns = new Map();
      const written: WrittenTables = new Map();
      const tx: StoreTx = nativeStoreTx(trans, known, learned, written);
      const result = await inTransaction(trans, () => fn(tx));
      // Only what committed is known: an aborted transaction's snapshot was never stored.
      for (const [runId, design] of learned) known.set(runId, design);
      signal(written);
      return result;
    },
  };
}
