import { createDesignsChannel, type DesignsChannel } from './designsChannel';
import { createDesignRepository, type DesignRepository } from './designRepository';
import { DESIGNS_DB_NAME, DesignsDb } from './designsDb';
import { createEditJournal, type EditJournal } from './editJournal';
import { createTabRegistry, type TabRegistry } from './tabRegistry';

/**
 * Why the database went away under the page:
 * - `deleted`: deleted by the browser, the developer tools or another program;
 * - `replaced`: another tab opened it with a newer version of the app;
 * - `closed`: the browser closed the connection (e.g. "clear site data").
 */
export type DatabaseLoss = 'deleted' | 'replaced' | 'closed';

/** Everything the designs part of the app stores, built for one page (or one test). */
export interface DesignsPersistence {
  readonly db: DesignsDb;
  readonly repository: DesignRepository;
  readonly journal: EditJournal;
  readonly channel: DesignsChannel;
  readonly tabs: TabRegistry;
  /**
   * The design this browser tab shows, kept across reloads of the tab (sessionStorage): a reload
   * brings each tab back to its own design, while a new tab opens the design opened last anywhere.
   */
  readonly tabMemory: { get(): string | undefined; set(designId: string): void };
  /**
   * Hears every change of the saved designs: this page's committed writes to the designs store,
   * and other tabs' saves and deletes (their channel messages). Returns the unsubscribe.
   */
  onDesignsChanged(listener: () => void): () => void;
  /** Called once when the database goes away under the page; nothing reopens (or recreates) it after. */
  onDatabaseLost(listener: (loss: DatabaseLoss) => void): () => void;
  /** Closes the database and the channel and lets this tab's lock go. */
  close(): void;
}

export interface DesignsPersistenceOptions {
  /** IndexedDB database name (tests give each test its own). */
  dbName?: string;
  /** BroadcastChannel name (tests give each test its own). */
  channelName?: string;
  tabs?: TabRegistry;
  storage?: Storage;
  /** Per-tab storage (sessionStorage in the browser). */
  tabStorage?: Storage;
  now?: () => number;
  indexedDB?: IDBFactory;
}

const TAB_DESIGN_KEY = 'efd-tab-design';

function pageSessionStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Builds the designs persistence. Nothing is opened until first used: no database at import time,
 * so each test can make its own.
 */
export function createDesignsPersistence(options: DesignsPersistenceOptions = {}): DesignsPersistence {
  const db = new DesignsDb(options.dbName ?? DESIGNS_DB_NAME, options.indexedDB ? { indexedDB: options.indexedDB } : undefined);
  const repository = createDesignRepository(db, options.now);
  const journal = createEditJournal(db, options.storage);
  const channel = createDesignsChannel(options.channelName);
  const tabs = options.tabs ?? createTabRegistry();
  const tabStorage = options.tabStorage ?? pageSessionStorage();
  const tabMemory = {
    get: () => {
      try {
        return tabStorage?.getItem(TAB_DESIGN_KEY) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set: (designId: string) => {
      try {
        tabStorage?.setItem(TAB_DESIGN_KEY, designId);
      } catch {
        // Only a convenience: a new start then opens the design opened last anywhere.
      }
    },
  };
  const listeners = new Set<(loss: DatabaseLoss) => void>();
  let lost = false;
  let closingOnPurpose = false;

  const loseDatabase = (loss: DatabaseLoss) => {
    if (lost) return;
    lost = true;
    closingOnPurpose = true;
    // Closed for good: the next call would otherwise reopen it and silently recreate it empty.
    db.close({ disableAutoOpen: true });
    for (const listener of listeners) listener(loss);
  };

  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    loseDatabase(event.newVersion === null ? 'deleted' : 'replaced');
    return false;
  });
  // Only a database that was open can be lost; a failed open is reported by the call that opened it.
  let opened = false;
  db.on('ready', () => { opened = true; });
  db.on('close', () => {
    if (!closingOnPurpose && opened) queueMicrotask(() => loseDatabase('closed'));
  });

  return {
    db, repository, journal, channel, tabs, tabMemory,
    onDesignsChanged(listener) {
      const offCommits = db.onCommit((stores) => { if (stores.includes('designs')) listener(); });
      const offChannel = channel.subscribe(() => listener());
      return () => { offCommits(); offChannel(); };
    },
    onDatabaseLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closingOnPurpose = true;
      db.close();
      channel.close();
      tabs.release();
    },
  };
}
