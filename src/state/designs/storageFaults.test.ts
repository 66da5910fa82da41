import { getOwn } from '../../core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DesignsDb } from '../../persistence/designs';
import { eventually, testBrowser, type Tab } from './testTabs';

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

  it('given a drag, then each position is journalled once the write before it committed (one in flight, the newest waiting), as the moved positions only, with no timer: the journal holds the last position on screen while the drag lasts', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const tab = await browser.startTab();
    const journal = tab.persistence().journal;
    const producerId = tab.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing')!;
    const xOf = (entry: { doc: { layout: { positions: unknown } } }) => getOwn(entry.doc.layout.positions as Record<string, { x: number }>, producerId)?.x;
    // What the next start would replay: the tab's entry with its drag's moves applied.
    const stored = async () => xOf((await journal.readAll()).find((e) => e.tabId === tab.persistence().tabs.tabId)!);
    await eventually(async () => expect(await stored()).toBe(0));
    const writes: string[] = [];
    /** Moves writes in flight, and the most at once. */
    let inFlight = 0;
    let most = 0;
    const record = journal.record.bind(journal);
    const recordMoves = journal.recordMoves.bind(journal);
    journal.record = (entry) => {
      writes.push(`document x=${xOf(entry)}`);
      return record(entry);
    };
    journal.recordMoves = (moves) => {
      writes.push(`moves ${JSON.stringify(moves.moves)}`);
      most = Math.max(most, ++inFlight);
      return recordMoves(moves).finally(() => inFlight--);
    };
    // Time stands still (IndexedDB still commits): a position must not wait for a timer to be journalled.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const committed = async (x: number) => {
      for (let i = 0; i < 500 && (inFlight > 0 || (await stored()) !== x); i++) await new Promise((resolve) => setImmediate(resolve));
      expect(await stored()).toBe(x);
    };
    const move = (x: number, dragging = true) => tab.store.getState().moveNodes({ [producerId]: { x, y: 0 } }, dragging);

    const moved = (x: number) => `moves ${JSON.stringify([[producerId, { x, y: 0 }]])}`;
    // Ten moves in one task: the first (the whole document) at once, then the second position's moves;
    // the tenth waits and replaces the third to ninth.
    for (let x = 1; x <= 10; x++) move(x);
    expect(writes).toEqual(['document x=1', moved(2)]);
    await committed(10);
    expect(writes).toEqual(['document x=1', moved(2), moved(10)]);
    // One move at a time: every position is journalled while the drag lasts (the mouse is still down).
    for (let x = 11; x <= 13; x++) {
      move(x);
      await committed(x);
    }
    expect(writes.slice(3)).toEqual([moved(11), moved(12), moved(13)]);
    expect(most).toBe(1);
    // The drag ends: the whole document again.
    move(14, false);
    await committed(14);
    expect(writes.at(-1)).toBe('document x=14');
  });
});
