/** One object store as read with the browser's own IndexedDB API. */
export interface RawStore {
  name: string;
  records: { key: unknown; value: unknown }[];
  /** Why some records (or the whole store) could not be read. */
  errors: string[];
}

/** Everything readable in one database, whatever its schema or version. */
export interface RawDatabase {
  name: string;
  version: number | null;
  exists: boolean;
  stores: RawStore[];
  error?: string;
}

const describe = (error: unknown) => (error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error));

function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // No version: opens at whatever version is stored, without an upgrade.
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      // The database did not exist: do not create it.
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the database could not be opened'));
    request.onblocked = () => reject(new Error('the database is held by another tab'));
  });
}

function readStore(db: IDBDatabase, name: string): Promise<RawStore> {
  return new Promise((resolve) => {
    const store: RawStore = { name, records: [], errors: [] };
    try {
      const cursorRequest = db.transaction(name, 'readonly').objectStore(name).openCursor();
      cursorRequest.onsuccess = () => {
        const cursor = cursorRequest.result;
        if (!cursor) return resolve(store);
        try {
          store.records.push({ key: cursor.primaryKey, value: cursor.value });
        } catch (error) {
          store.errors.push(`record ${String(cursor.primaryKey)}: ${describe(error)}`);
        }
        cursor.continue();
      };
      cursorRequest.onerror = (event) => {
        event.preventDefault();
        store.errors.push(describe(cursorRequest.error));
        resolve(store);
      };
    } catch (error) {
      store.errors.push(describe(error));
      resolve(store);
    }
  });
}

/**
 * Reads every record of the database `name` with the raw IndexedDB API: no schema, no version
 * upgrade, nothing written. For the recovery screen, when the app's own database layer cannot open
 * it (an upgrade failed, a version from another app release).
 */
export async function readDatabaseRaw(name: string, factory: IDBFactory = indexedDB): Promise<RawDatabase> {
  try {
    const known = typeof factory.databases === 'function' ? await factory.databases() : undefined;
    if (known && !known.some((d) => d.name === name)) return { name, version: null, exists: false, stores: [] };
    const db = await openExisting(factory, name);
    try {
      const stores: RawStore[] = [];
      for (const storeName of Array.from(db.objectStoreNames)) stores.push(await readStore(db, storeName));
      return { name, version: db.version, exists: true, stores };
    } finally {
      db.close();
    }
  } catch (error) {
    return { name, version: null, exists: true, stores: [], error: describe(error) };
  }
}

/** Deletes the database `name` (the recovery screen's reset, after the export). */
export function deleteDatabase(name: string, factory: IDBFactory = indexedDB): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`${name} could not be deleted`));
    request.onblocked = () => reject(new Error(`${name} is still open in another tab: close the other tabs of this app and try again`));
  });
}
