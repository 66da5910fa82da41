import { afterEach, describe, expect, it } from 'vitest';
import { eventually, testBrowser, type Tab } from './testTabs';

let browser: ReturnType<typeof testBrowser>;
afterEach(() => browser?.closeAll());

const stored = async (tab: Tab, id = 'example') => {
  const result = await tab.persistence().repository.loadDesign(id);
  return result.status === 'ok' ? result.design : undefined;
};
const names = (tab: Tab) => [
  ...tab.store.getState().doc!.producers.map((n) => n.name),
  ...tab.store.getState().doc!.projections.map((n) => n.name),
];

describe('one design, many tabs', () => {
  it('given two tabs on one design, when A saves an edit, then B (no unsaved edits) follows the newer revision at once', async () => {
    browser = testBrowser();
    const a = await browser.startTab();
    const b = await browser.startTab();
    expect(b.store.getState().doc?.id).toBe('example');

    a.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    a.store.getState().setDesignInfo({ name: 'Orders v2' });
    await a.store.getState().flushAutosave();

    await eventually(() => expect(b.store.getState().doc?.name).toBe('Orders v2'));
    expect(names(b)).toEqual(['billing']);
    expect(b.store.getState().conflict).toBeNull();

    b.store.getState().addNode('projection', { x: 0, y: 300 }, 'totals');
    await b.store.getState().flushAutosave();
    const final = await stored(a);
    expect([final?.doc.name, final?.revision]).toEqual(['Orders v2', 3]);
    expect(final?.doc.projections.map((p) => p.name)).toEqual(['totals']);
    expect(final?.doc.producers.map((p) => p.name)).toEqual(['billing']);
  });

  it('given B has an unsaved edit when A saves, then B is told, and "keep mine as a copy" keeps both versions', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();
    const b = await browser.startTab();
    b.store.getState().addNode('projection', { x: 0, y: 300 }, 'totals');

    a.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    await a.store.getState().flushAutosave();

    await eventually(() => expect(b.store.getState().conflict).toEqual({ kind: 'changed', designName: 'Orders' }));
    expect(b.store.getState().saveState).toBe('conflict');
    await b.store.getState().flushAutosave();
    expect((await stored(a))?.doc.projections).toEqual([]);

    await b.store.getState().keepMineAsCopy();

    const copy = b.store.getState().doc!;
    expect(copy.name).toBe('Orders (my copy)');
    expect(names(b)).toEqual(['totals']);
    expect((await stored(b, copy.id))?.doc.projections.map((p) => p.name)).toEqual(['totals']);
    expect((await stored(a))?.doc.producers.map((p) => p.name)).toEqual(['billing']);
    expect(await b.persistence().db.journal.get(['example', b.persistence().tabs.tabId])).toBeUndefined();
    expect(b.store.getState().conflict).toBeNull();
  });

  it('given a conflict, when B takes theirs, then B shows A\'s version and its own unsaved edit is dropped', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();
    const b = await browser.startTab();
    b.store.getState().addNode('projection', { x: 0, y: 300 }, 'totals');
    a.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    await a.store.getState().flushAutosave();
    await eventually(() => expect(b.store.getState().conflict).not.toBeNull());

    await b.store.getState().takeTheirs();

    expect(names(b)).toEqual(['billing']);
    expect(b.store.getState().conflict).toBeNull();
    expect(b.store.getState().saveState).toBe('saved');
    expect(await b.persistence().db.journal.count()).toBe(0);
  });

  it('given both tabs saving the same revision without hearing each other, then the second save is refused, not lost', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();
    const b = await browser.startTab();
    b.persistence().channel.close();
    a.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    b.store.getState().addNode('projection', { x: 0, y: 300 }, 'totals');

    await a.store.getState().flushAutosave();
    await b.store.getState().flushAutosave();

    expect(b.store.getState().conflict?.kind).toBe('changed');
    expect((await stored(a))?.doc.producers.map((p) => p.name)).toEqual(['billing']);
    expect((await b.persistence().db.journal.get(['example', b.persistence().tabs.tabId]))?.doc.projections.map((p) => p.name)).toEqual(['totals']);
  });

  it('given a design deleted in A while B has no unsaved edits, then B opens another design and says why', async () => {
    browser = testBrowser();
    const a = await browser.startTab();
    await a.store.getState().createDesign();
    const doomed = a.store.getState().doc!.id;
    const b = await browser.startTab();
    expect(b.store.getState().doc?.id).toBe(doomed);

    await a.store.getState().deleteDesign(doomed);

    await eventually(() => expect(b.store.getState().doc?.id).toBe('example'));
    expect(b.store.getState().toast?.message).toBe('“Untitled design” was deleted in another tab.');
  });

  it('given a design deleted in A while B edits it, then B\'s save cannot bring it back, and B chooses to keep its edits as a new design', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();
    const b = await browser.startTab();
    b.persistence().channel.close();
    b.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');

    await a.store.getState().deleteDesign('example');
    await b.store.getState().flushAutosave();

    expect(await b.persistence().repository.loadDesign('example')).toEqual({ status: 'deleted' });
    expect(b.store.getState().conflict).toEqual({ kind: 'deleted', designName: 'Orders' });

    await b.store.getState().keepMineAsCopy();
    expect(b.store.getState().toast?.message).toBe('Your edits are saved as “Orders”.');
    const kept = b.store.getState().doc!;
    expect(kept.id).not.toBe('example');
    expect((await stored(b, kept.id))?.doc.producers.map((p) => p.name)).toEqual(['billing']);
  });
});

describe('the journal of unsaved edits', () => {
  it('given an edit, then it is journalled at once, before any save, per design and per tab', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();

    a.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');

    const key: [string, string] = ['example', a.persistence().tabs.tabId];
    await eventually(async () => expect((await a.persistence().db.journal.get(key))?.doc.producers.map((p) => p.name)).toEqual(['billing']));
    expect((await stored(a))?.doc.producers).toEqual([]);
  });

  it('given a tab killed right after an edit, when the app starts again, then the edit is saved and the journal is empty', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();
    a.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    await eventually(async () => expect(await a.persistence().db.journal.count()).toBe(1));
    a.kill();

    const next = await browser.startTab();

    expect(names(next)).toEqual(['billing']);
    expect((await stored(next))?.doc.producers.map((p) => p.name)).toEqual(['billing']);
    expect(await next.persistence().db.journal.count()).toBe(0);
    expect(next.store.getState().recoveredEdits).toEqual([]);
  });

  it('given a closed page whose IndexedDB write never finished, then the localStorage backup made on page hide is replayed', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();
    a.persistence().journal.record = () => new Promise(() => {});
    a.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    a.store.getState().saveBeforePageHide();
    a.kill();

    const next = await browser.startTab();

    expect(names(next)).toEqual(['billing']);
    expect(browser.storage.length).toBe(0);
  });

  it('given a live tab with unsaved edits, when another tab starts, then it leaves that journal alone', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();
    a.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    await eventually(async () => expect(await a.persistence().db.journal.count()).toBe(1));

    const b = await browser.startTab();

    expect(names(b)).toEqual([]);
    expect(await b.persistence().db.journal.count()).toBe(1);
  });

  it('given tab B saving another design, then tab A\'s pending edit of its design stays journalled', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();
    const b = await browser.startTab();
    await b.store.getState().createDesign();
    a.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    await eventually(async () => expect(await a.persistence().db.journal.count()).toBe(1));

    b.store.getState().addNode('event', { x: 0, y: 0 });
    await b.store.getState().flushAutosave();

    expect(await a.persistence().db.journal.get(['example', a.persistence().tabs.tabId])).toBeDefined();
  });

  it('given a killed tab whose edits were made on a revision another tab moved past, then the next start offers them, and they can be kept as a copy', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();
    const b = await browser.startTab();
    b.persistence().channel.close();
    b.store.getState().addNode('projection', { x: 0, y: 300 }, 'totals');
    a.store.getState().addNode('producer', { x: 0, y: 0 }, 'billing');
    await a.store.getState().flushAutosave();
    await eventually(async () => expect(await b.persistence().db.journal.count()).toBeGreaterThan(0));
    b.kill();

    const next = await browser.startTab();

    const [offered] = next.store.getState().recoveredEdits;
    expect(offered).toMatchObject({ designId: 'example', name: 'Orders', reason: 'changed' });
    expect(names(next)).toEqual(['billing']);

    await next.store.getState().keepRecoveredAsCopy(offered!);
    expect(next.store.getState().doc?.name).toBe('Orders (recovered)');
    expect(names(next)).toEqual(['totals']);
    expect(next.store.getState().recoveredEdits).toEqual([]);
    expect(await next.persistence().db.journal.count()).toBe(0);
  });

  it('given recovered edits, when discarded, then they are gone for good', async () => {
    browser = testBrowser({ autosaveDelayMs: 60_000 });
    const a = await browser.startTab();
    const b = await browser.startTab();
    b.persistence().channel.close();
    b.store.getState().addNode('projection', { x: 0, y: 300 }, 'totals');
    await a.store.getState().deleteDesign('example');
    await eventually(async () => expect(await b.persistence().db.journal.count()).toBe(1));
    b.kill();

    const next = await browser.startTab();
    const [offered] = next.store.getState().recoveredEdits;
    expect(offered?.reason).toBe('deleted');
    await next.store.getState().discardRecovered(offered!);

    expect(await next.persistence().db.journal.count()).toBe(0);
    const again = await browser.startTab();
    expect(again.store.getState().recoveredEdits).toEqual([]);
  });
});
