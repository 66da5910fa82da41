import { getOwn } from '../../core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DesignsDb } from '../../persistence/designs';
import { eventually, testBrowser, type Tab } from './testTabs';
import { DRAG_JOURNAL_INTERVAL_MS } from './designSession';

let browser: ReturnType<typeof testBrowser>;
afterEach(() => {
  vi.useRealTimers();
  browser?.closeAll();
});

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
/** The disk is full: every IndexedDB write of this tab is refused. */
function fillDisk(tab: Tab) {
  const { repository, journal } = tab.persistence();
  repository.saveDesign = () => Promise.reject(quotaError());
  repository.setLastOpenedId = () => Promise.reject(quotaError());
  journal.record = () => Promise.reject(quotaError());
}
const names = (tab: Tab) => tab.store.getState().doc!.producers.map((p) => p.name);

describe('storage faults', () => {
  it('given a full disk, when an edit cannot be saved, then the tab goes read-only, keeps the edit on screen and in localStorage, and refuses further edits', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    fillDisk(tab);

    tab.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    await eventually(() => expect(tab.store.getState().storageReadOnly).toBe(true));

    expect(tab.store.getState().saveState).toBe('read-only');
    expect(names(tab)).toEqual(['billing']);
    expect(browser.storage.length).toBe(1);
    tab.store.getState().addNode('producer', { x: 0, y: 0 }, 'refused');
    expect(names(tab)).toEqual(['billing']);
    expect(tab.store.getState().toast?.message).toBe('Editing is paused because nothing can be saved right now. Export keeps working; see the message at the top.');
  });

  it('given a full disk, when the app starts again, then the unsaved edit opens read-only, and a retry after space is freed saves it', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    fillDisk(tab);
    tab.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    await eventually(() => expect(tab.store.getState().storageReadOnly).toBe(true));
    tab.kill();

    const next = browser.openTab();
    const realSave = next.persistence().repository.saveDesign;
    next.persistence().repository.saveDesign = () => Promise.reject(quotaError());
    await next.store.getState().initDesigns();
    expect(names(next)).toEqual(['billing']);
    expect(next.store.getState().storageReadOnly).toBe(true);

    next.persistence().repository.saveDesign = realSave;
    await next.store.getState().retrySaving();

    expect(next.store.getState().storageReadOnly).toBe(false);
    expect(next.store.getState().saveState).toBe('saved');
    const stored = await next.persistence().repository.loadDesign('example');
    expect(stored.status === 'ok' && stored.design.doc.producers.map((p) => p.name)).toEqual(['billing']);
  });

  it('given the database deleted under the page, then the tab shows the fault, writes nothing and keeps the open design in localStorage', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    tab.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    await tab.store.getState().flushAutosave();

    await new DesignsDb(browser.dbName).delete();

    await eventually(() => expect(tab.store.getState().storageFault?.kind).toBe('deleted'));
    expect(tab.store.getState().saveState).toBe('offline');
    tab.store.getState().addNode('producer', { x: 0, y: 0 }, 'refused');
    expect(names(tab)).toEqual(['billing']);
    expect(browser.storage.length).toBe(1);
    const files = await tab.store.getState().readableBackup();
    expect(files.map((f) => f.path)).toEqual(['open-in-this-page/orders.flow.json', 'unsaved-edits/orders.flow.json', `raw/${browser.dbName}.json`]);
  });

  it('given a drag, then the journal is written at most once per DRAG_JOURNAL_INTERVAL_MS while it lasts, and at once when it ends', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const tab = await browser.startTab();
    const writes: number[] = [];
    const journal = tab.persistence().journal;
    const record = journal.record.bind(journal);
    journal.record = (entry) => { writes.push(entry.seq); return record(entry); };
    const producerId = tab.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing')!;
    writes.length = 0;
    vi.useFakeTimers();

    // A drag of 1.6 intervals, a move a frame: one write while it lasts.
    const moves = Math.ceil((1.6 * DRAG_JOURNAL_INTERVAL_MS) / 16);
    for (let x = 1; x <= moves; x++) {
      tab.store.getState().moveNodes({ [producerId]: { x, y: 0 } }, true);
      vi.advanceTimersByTime(16);
    }
    const during = writes.length;
    tab.store.getState().moveNodes({ [producerId]: { x: moves + 1, y: 0 } }, false);

    expect(during).toBe(1);
    expect(writes).toHaveLength(2);
    vi.useRealTimers();
    await eventually(async () => expect(getOwn((await tab.persistence().db.journal.toArray()).at(0)?.doc.layout.positions, producerId)).toEqual({ x: moves + 1, y: 0 }));
  });
});
