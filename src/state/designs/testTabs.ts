import { vi } from 'vitest';
import type { FlowDocument } from '../../core';
import { makeEventType, makeFlow } from '../../core/testing';
import { createDesignsPersistence, createLocalTabRegistry, type DesignsPersistence } from '../../persistence/designs';
import { createAppStore } from '../store';

/** A Storage in memory, shared by the "tabs" of one test like localStorage is by a browser's tabs. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  /** When set, every write throws it (a full localStorage). */
  refuseWrites: Error | null = null;
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(index: number) { return [...this.items.keys()][index] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) {
    if (this.refuseWrites) throw this.refuseWrites;
    this.items.set(key, String(value));
  }
}

let browserCounter = 0;

/** A design the tests start from: one event type. */
export function startingDesign(name = 'Orders'): FlowDocument {
  return makeFlow({ id: 'example', name, eventTypes: [makeEventType({ name: 'OrderPlaced', fields: ['orderId'] })] });
}

export interface Tab {
  store: ReturnType<typeof createAppStore>;
  persistence: () => DesignsPersistence;
  /** The tab's process dies: nothing more is saved or sent; its Web Lock is released. */
  kill(): void;
}

/**
 * One browser profile for a test: its own IndexedDB database, BroadcastChannel and localStorage,
 * in which tabs are opened (each an app store with its own tab id) and killed.
 */
export function testBrowser(options: { example?: FlowDocument; autosaveDelayMs?: number } = {}) {
  const id = ++browserCounter;
  const dbName = `efd-designs-tabs-${id}`;
  const channelName = `efd-designs-tabs-${id}`;
  const alive = new Set<string>();
  const storage = new MemoryStorage();
  const clock = { t: 1_000 };
  const tabs: Tab[] = [];

  function openTab(): Tab {
    let instance: DesignsPersistence | undefined;
    const persistence = () => {
      instance ??= createDesignsPersistence({ dbName, channelName, storage, tabs: createLocalTabRegistry(alive), now: () => clock.t });
      return instance;
    };
    const store = createAppStore({
      persistence,
      deleteRun: async () => undefined,
      fetchExample: async () => structuredClone(options.example ?? startingDesign()),
      estimateStorage: async () => undefined,
      now: () => clock.t,
      autosaveDelayMs: options.autosaveDelayMs ?? 5,
    });
    const tab: Tab = {
      store,
      persistence,
      kill() {
        persistence().close();
      },
    };
    tabs.push(tab);
    return tab;
  }

  /** Opens a tab and waits until its first design is open. */
  async function startTab(): Promise<Tab> {
    const tab = openTab();
    await tab.store.getState().initDesigns();
    return tab;
  }

  return {
    dbName, storage, clock, openTab, startTab,
    /** Closes every tab (end of the test). */
    closeAll() {
      for (const tab of tabs) tab.persistence().close();
    },
  };
}

/** Waits until `check` passes (messages between tabs arrive asynchronously). */
export function eventually(check: () => void | Promise<void>): Promise<void> {
  return vi.waitFor(check, { timeout: 3_000, interval: 10 });
}
