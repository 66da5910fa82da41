// IndexedDB's ceiling in this page: what raw Dexie (and raw IndexedDB) does with no engine around it.
import Dexie from 'dexie';
import { SIMULATION_DB_OPTIONS } from '../../src/persistence/simulation';

interface Row { id: number; runId: string; payload: { title: string; n: number; tags: string[] } }

const row = (id: number): Row => ({ id, runId: 'bench', payload: { title: `row ${id}`, n: id, tags: ['a', 'b'] } });

export interface Ceiling {
  /** One read-write transaction per row (a Step's shape), committed one after the other. */
  oneTxPerRowPerSecond: number;
  /** One `bulkPut` of many rows in one transaction (a batch's shape). */
  bulkRowsPerSecond: number;
}

/** Raw Dexie with the simulation database's options, so the ratios compare like with like. */
export async function rawCeiling(singleRows = 1000, bulkRows = 20_000): Promise<Ceiling> {
  const db = new Dexie(`efd-bench-raw-${crypto.randomUUID()}`, SIMULATION_DB_OPTIONS);
  db.version(1).stores({ rows: 'id, [runId+id]' });
  await db.open();
  const table = db.table<Row, number>('rows');
  let t = performance.now();
  for (let i = 0; i < singleRows; i++) await db.transaction('rw', table, () => table.put(row(i)));
  const perTx = singleRows / ((performance.now() - t) / 1000);
  t = performance.now();
  await db.transaction('rw', table, () => table.bulkPut(Array.from({ length: bulkRows }, (_, i) => row(singleRows + i))));
  const bulk = bulkRows / ((performance.now() - t) / 1000);
  db.close();
  await db.delete();
  return { oneTxPerRowPerSecond: Math.round(perTx), bulkRowsPerSecond: Math.round(bulk) };
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Milliseconds of one raw IndexedDB put (read-write transaction) followed by a get (read transaction), per sample. */
export async function rawPutGetMs(samples = 30): Promise<number[]> {
  const name = `efd-bench-putget-${crypto.randomUUID()}`;
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'id' });
  const db = await request(open);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    const write = db.transaction('rows', 'readwrite', { durability: 'relaxed' });
    write.objectStore('rows').put(row(i));
    await new Promise((resolve, reject) => { write.oncomplete = resolve; write.onerror = () => reject(write.error); });
    await request(db.transaction('rows', 'readonly').objectStore('rows').get(i));
    times.push(performance.now() - t);
  }
  db.close();
  indexedDB.deleteDatabase(name);
  return times;
}

/**
 * Milliseconds of a raw read of the newest `limit` rows of a run's table through its primary key
 * (a reverse cursor over `[runId, …]`), per sample: what a panel's first page costs IndexedDB itself.
 */
export async function rawNewestRowsMs(database: string, store: string, runId: string, limit = 50, samples = 7): Promise<number[]> {
  const db = await request(indexedDB.open(database));
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    const rows: unknown[] = [];
    const cursor = db.transaction(store, 'readonly').objectStore(store).openCursor(IDBKeyRange.bound([runId], [runId, []]), 'prev');
    await new Promise<void>((resolve, reject) => {
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c || rows.length >= limit) return resolve();
        rows.push(c.value);
        c.continue();
      };
    });
    times.push(performance.now() - t);
  }
  db.close();
  return times;
}
