/**
 * A small promise layer over one IndexedDB database, for the designs database: four small stores
 * read and written by key. The simulation's database uses Dexie (src/persistence/simulation); the
 * designs database does not, so that the first visit does not load Dexie (31 kB of gzip) before the
 * first paint of a design. Stores and indexes are declared the way Dexie declares them, so a
 * database written by an earlier (Dexie) version of the app opens unchanged.
 */

/** An IndexedDB key as this layer uses them. */
export type Key = IDBValidKey;

/** A store: its key path and its secondary indexes (name = key path). */
export interface StoreSchema {
  keyPath: string | string[];
  indexes?: readonly string[];
}

/** The database on disk has a shape this version cannot upgrade (e.g. a store keyed differently). Named as Dexie names it. */
export class UpgradeError extends Error {
  override readonly name = 'UpgradeError';
}

const sameKeyPath = (a: string | string[] | null, b: string | string[]) =>
  JSON.stringify(typeof a === 'string' ? a : a === null ? null : [...a]) === JSON.stringify(b);

/** Thrown by every call after the database was closed for good. Named as Dexie names it. */
export class DatabaseClosedError extends Error {
  override readonly name = 'DatabaseClosedError';
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

/** One store inside one transaction. */
export class TxStore<T> {
  constructor(private readonly store: IDBObjectStore) {}
  get(key: Key): Promise<T | undefined> { return request(this.store.get(key)) as Promise<T | undefined>; }
  put(row: T): Promise<void> { return request(this.store.put(row)).then(() => undefined); }
  delete(key: Key): Promise<void> { return request(this.store.delete(key)).then(() => undefined); }
  toArray(): Promise<T[]> { return request(this.store.getAll()) as Promise<T[]>; }
  primaryKeys(): Promise<Key[]> { return request(this.store.getAllKeys()); }
  count(): Promise<number> { return request(this.store.count()); }
}

type Listener<A extends unknown[]> = (...args: A) => unknown;

/**
 * A database opened on first use (never at import time), at one version, whose upgrade creates
 * what is missing. `transaction(mode, stores, body)` runs `body` in one transaction and resolves
 * with its result once the transaction committed; a throw in `body` aborts it.
 */
export class IdbDatabase<R extends Record<string, unknown>> {
  private connection: Promise<IDBDatabase> | undefined;
  private closedForGood = false;
  private readonly listeners = { ready: new Set<Listener<[]>>(), close: new Set<Listener<[]>>(), versionchange: new Set<Listener<[IDBVersionChangeEvent]>>() };
  private readonly commitListeners = new Set<(stores: readonly string[]) => void>();

  constructor(
    readonly name: string,
    /** The IndexedDB version (a Dexie `version(n)` is IndexedDB version n × 10). */
    readonly version: number,
    private readonly schema: { readonly [K in keyof R]: StoreSchema },
    private readonly factory: () => IDBFactory = () => indexedDB,
  ) {}

  on(event: 'ready' | 'close', listener: Listener<[]>): void;
  on(event: 'versionchange', listener: Listener<[IDBVersionChangeEvent]>): void;
  on(event: 'ready' | 'close' | 'versionchange', listener: Listener<never[]>): void {
    (this.listeners[event] as Set<Listener<never[]>>).add(listener);
  }

  /** Hears every read-write transaction of this page that committed, with the stores it could write; returns the unsubscribe. */
  onCommit(listener: (stores: readonly string[]) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Opens (or reuses) the connection, creating the stores and indexes that are missing. */
  open(): Promise<IDBDatabase> {
    if (this.closedForGood) return Promise.reject(new DatabaseClosedError(`The database ${this.name} was closed`));
    // A newer version of the app may have opened the database at a higher version: this one then
    // opens it as it is and works with it if its stores are the ones it knows (as Dexie does).
    this.connection ??= this.request(this.version).catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'VersionError') return this.request(undefined);
      throw error;
    }).catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  private request(version: number | undefined): Promise<IDBDatabase> {
    return new Promise<IDBDatabase>((resolve, reject) => {
      let req: IDBOpenDBRequest;
      try {
        req = version === undefined ? this.factory().open(this.name) : this.factory().open(this.name, version);
      } catch (error) {
        reject(error);
        return;
      }
      let refused: UpgradeError | undefined;
      req.onupgradeneeded = () => {
        refused = this.upgrade(req.result, req.transaction);
        if (refused) req.transaction?.abort();
      };
      req.onsuccess = () => {
        const db = req.result;
        const wrong = this.shapeProblem(db);
        if (wrong) {
          db.close();
          reject(wrong);
          return;
        }
        db.onversionchange = (event) => {
          for (const listener of this.listeners.versionchange) listener(event);
          this.close();
        };
        db.onclose = () => {
          this.connection = undefined;
          for (const listener of this.listeners.close) listener();
        };
        for (const listener of this.listeners.ready) listener();
        resolve(db);
      };
      req.onerror = () => reject(refused ?? req.error ?? new Error(`${this.name} could not be opened`));
      req.onblocked = () => reject(new Error(`${this.name} is open in another tab with an older version of the app: close that tab and reload`));
    });
  }


  /** Creates what is missing; refuses (nothing changed) a store whose key differs from this version's. */
  private upgrade(db: IDBDatabase, tx: IDBTransaction | null): UpgradeError | undefined {
    for (const [name, spec] of Object.entries(this.schema) as [string, StoreSchema][]) {
      if (db.objectStoreNames.contains(name) && !sameKeyPath(tx!.objectStore(name).keyPath, spec.keyPath)) {
        return new UpgradeError(`Not yet support for changing primary key: the store ${name} of ${this.name} is keyed by ${JSON.stringify(tx!.objectStore(name).keyPath)}, this version keys it by ${JSON.stringify(spec.keyPath)}`);
      }
    }
    for (const [name, spec] of Object.entries(this.schema) as [string, StoreSchema][]) {
      const store = db.objectStoreNames.contains(name) ? tx!.objectStore(name) : db.createObjectStore(name, { keyPath: spec.keyPath });
      for (const index of spec.indexes ?? []) if (!store.indexNames.contains(index)) store.createIndex(index, index);
    }
    return undefined;
  }

  /** What is wrong with an opened database's stores against this version's, if anything. */
  private shapeProblem(db: IDBDatabase): UpgradeError | undefined {
    const names = Object.keys(this.schema);
    const missing = names.filter((name) => !db.objectStoreNames.contains(name));
    if (missing.length > 0) return new UpgradeError(`${this.name} at version ${db.version} lacks the stores ${missing.join(', ')}`);
    const tx = db.transaction(names, 'readonly');
    for (const [name, spec] of Object.entries(this.schema) as [string, StoreSchema][]) {
      const keyPath = tx.objectStore(name).keyPath;
      if (!sameKeyPath(keyPath, spec.keyPath)) return new UpgradeError(`the store ${name} of ${this.name} is keyed by ${JSON.stringify(keyPath)}, this version keys it by ${JSON.stringify(spec.keyPath)}`);
    }
    return undefined;
  }

  /** Runs `body` in one transaction over `stores`; resolves with its result after the commit. */
  async transaction<T, K extends keyof R & string>(mode: 'r' | 'rw', stores: readonly K[], body: (tx: { [P in K]: TxStore<R[P]> }) => Promise<T>): Promise<T> {
    const db = await this.open();
    const tx = db.transaction([...stores], mode === 'rw' ? 'readwrite' : 'readonly');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
      tx.onerror = () => undefined;
    });
    const bound = Object.fromEntries(stores.map((name) => [name, new TxStore(tx.objectStore(name))])) as { [P in K]: TxStore<R[P]> };
    let result: T;
    try {
      result = await body(bound);
    } catch (error) {
      try { tx.abort(); } catch { /* already finished */ }
      done.catch(() => undefined);
      throw error;
    }
    await done;
    if (mode === 'rw') for (const listener of this.commitListeners) listener(stores);
    return result;
  }

  /** One store, each call in its own transaction. */
  table<K extends keyof R & string>(name: K): Table<R[K]> {
    type T = R[K];
    const one = <V>(mode: 'r' | 'rw', run: (store: TxStore<T>) => Promise<V>) =>
      this.transaction(mode, [name], (tx) => run(tx[name]));
    return {
      get: (key) => one('r', (s) => s.get(key)),
      put: (row) => one('rw', (s) => s.put(row)),
      delete: (key) => one('rw', (s) => s.delete(key)),
      toArray: () => one('r', (s) => s.toArray()),
      primaryKeys: () => one('r', (s) => s.primaryKeys()),
      count: () => one('r', (s) => s.count()),
      update: (key, changes) => one('rw', async (s) => {
        const row = await s.get(key);
        if (row === undefined) return 0;
        await s.put({ ...row, ...changes });
        return 1;
      }),
    };
  }

  /** Closes the connection; with `disableAutoOpen` every later call fails instead of reopening it. */
  close(options: { disableAutoOpen?: boolean } = {}): void {
    if (options.disableAutoOpen) this.closedForGood = true;
    const connection = this.connection;
    this.connection = undefined;
    void connection?.then((db) => db.close(), () => undefined);
  }

  /** Closes and deletes the database. */
  async delete(): Promise<void> {
    this.close();
    await request(this.factory().deleteDatabase(this.name) as unknown as IDBRequest<undefined>);
  }
}

/** A store outside any transaction: each call is its own transaction. */
export interface Table<T> {
  get(key: Key): Promise<T | undefined>;
  put(row: T): Promise<void>;
  delete(key: Key): Promise<void>;
  toArray(): Promise<T[]>;
  primaryKeys(): Promise<Key[]>;
  count(): Promise<number>;
  /** Merges `changes` into the row; resolves with 1 when it existed, 0 when not. */
  update(key: Key, changes: Partial<T>): Promise<number>;
}
