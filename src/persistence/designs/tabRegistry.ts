/**
 * Which tabs (page loads) are alive. Each tab holds a Web Lock named after its id for as long as it
 * lives; the browser releases it when the page goes away, however it goes (closed, reloaded,
 * crashed, killed). A journal row whose tab's lock is free belongs to a tab that is gone.
 */
export interface TabRegistry {
  readonly tabId: string;
  /**
   * Runs `fn` while holding a gone tab's lock (so two new tabs never replay the same journal at
   * once); resolves to undefined without running `fn` when that tab is alive.
   */
  whileTabIsGone<T>(tabId: string, fn: () => Promise<T>): Promise<T | undefined>;
  /** Lets this tab's lock go (tests; a page lets go by itself when it unloads). */
  release(): void;
}

const LOCK_PREFIX = 'efd-tab:';

/** A fresh tab id, random where the browser offers it. */
export function newTabId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return `tab-${crypto.randomUUID()}`;
  return `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The registry over the Web Locks API (every browser this app supports has it). */
export function createWebLockTabRegistry(locks: LockManager, tabId: string = newTabId()): TabRegistry {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  void locks.request(`${LOCK_PREFIX}${tabId}`, () => held);
  return {
    tabId,
    whileTabIsGone<T>(other: string, fn: () => Promise<T>): Promise<T | undefined> {
      if (other === tabId) return Promise.resolve(undefined);
      // LockManager.request resolves to what the callback's promise resolves to (its typing says otherwise).
      const held = locks.request(`${LOCK_PREFIX}${other}`, { ifAvailable: true }, (lock) => (lock ? fn() : undefined));
      return held as unknown as Promise<T | undefined>;
    },
    release() {
      release();
    },
  };
}

/**
 * Tabs in one JavaScript realm: node tests share `alive` between their tabs. In a browser without
 * Web Locks only this page is known alive, so another live tab's journal may be replayed; that
 * tab's next save then meets a conflict and offers the choice, so nothing is lost.
 */
export function createLocalTabRegistry(alive: Set<string> = new Set(), tabId: string = newTabId()): TabRegistry {
  alive.add(tabId);
  const claimed = new Set<string>();
  return {
    tabId,
    async whileTabIsGone(other, fn) {
      if (alive.has(other) || claimed.has(other)) return undefined;
      claimed.add(other);
      try {
        return await fn();
      } finally {
        claimed.delete(other);
      }
    },
    release() {
      alive.delete(tabId);
    },
  };
}

/** The registry for this page: Web Locks when available, else only this tab is known. */
export function createTabRegistry(): TabRegistry {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? createWebLockTabRegistry(locks) : createLocalTabRegistry();
}
