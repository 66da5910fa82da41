import { afterEach, describe, expect, it } from 'vitest';
import { makeEventType, makeFlow } from '../../core/testing';
import { createDesignsPersistence } from '../../persistence/designs';
import { openSimulationEngine } from '../../persistence/simulation';
import { createAppStore } from '../store';
import { testBrowser, type Tab } from './testTabs';

let browser: ReturnType<typeof testBrowser>;
afterEach(() => browser?.closeAll());

const loadedDoc = async (tab: Tab, id: string) => {
  const result = await tab.persistence().repository.loadDesign(id);
  return result.status === 'ok' ? result.design.doc : undefined;
};

describe('the designs slice', () => {
  it('on a first visit opens the example, stored as revision 1', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    const state = tab.store.getState();

    expect(state.doc?.name).toBe('Orders');
    expect(state.designsReady).toBe(true);
    expect(await tab.persistence().repository.getLastOpenedId()).toBe('example');
    expect((await tab.persistence().repository.loadDesign('example')).status).toBe('ok');
  });

  it('given an open design, when a document is opened (imported), then it becomes a NEW design and the old one is kept', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    const before = tab.store.getState().doc!;
    const imported = makeFlow({ id: before.id, name: before.name, eventTypes: [makeEventType({ name: 'Imported' })] });

    await tab.store.getState().openDesign(imported);

    const opened = tab.store.getState().doc!;
    expect(opened.id).not.toBe(before.id);
    expect(opened.name).toBe(`${before.name} 2`);
    expect(opened.eventTypes.map((e) => e.name)).toEqual(['Imported']);
    const ids = (await tab.store.getState().listDesigns()).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([before.id, opened.id]));
  });

  it('given an edit, when autosave is flushed, then the repository holds the edited document', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    tab.store.getState().addNode('event', { x: 10, y: 20 });

    await tab.store.getState().flushAutosave();

    expect(await loadedDoc(tab, 'example')).toEqual(tab.store.getState().doc);
    expect(tab.store.getState().saveState).toBe('saved');
  });

  it('given two designs, when the open one is deleted, then the other one opens', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    const first = tab.store.getState().doc!;
    await tab.store.getState().createDesign();
    const second = tab.store.getState().doc!;

    await tab.store.getState().deleteDesign(second.id);

    expect(tab.store.getState().doc?.id).toBe(first.id);
    expect(await tab.persistence().repository.loadDesign(second.id)).toEqual({ status: 'deleted' });
  });

  it('given a design with a run, when the design is deleted, then its run is deleted too', async () => {
    const store = createAppStore({ persistence: () => createDesignsPersistence({ dbName: 'efd-designs-run-delete', channelName: 'run-delete' }) });
    await store.getState().initDesigns();
    const first = store.getState().doc!;
    await store.getState().createDesign();
    store.getState().addNode('event', { x: 0, y: 0 });
    const doomed = store.getState().doc!;
    const engine = openSimulationEngine();
    await engine.startRun(doomed, { seed: 3 });

    await store.getState().deleteDesign(doomed.id);

    expect(await engine.getRun(doomed.id)).toBeUndefined();
    expect(store.getState().doc?.id).toBe(first.id);
  });

  it('given a design, when duplicated, then a copy with its own id and a "copy" name opens', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    const source = tab.store.getState().doc!;

    await tab.store.getState().duplicateDesign(source.id);

    expect(tab.store.getState().doc?.id).not.toBe(source.id);
    expect(tab.store.getState().doc?.name).toBe(`${source.name} copy`);
  });

  it('given the open design, when renamed from the list, then the name is an undoable edit and saved', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    const id = tab.store.getState().doc!.id;

    await tab.store.getState().renameDesign(id, 'Payments');

    expect(tab.store.getState().doc?.name).toBe('Payments');
    expect((await loadedDoc(tab, id))?.name).toBe('Payments');
    tab.store.getState().undo();
    expect(tab.store.getState().doc?.name).not.toBe('Payments');
  });

  it('given a damaged last-opened design, when the app starts, then it opens the newest healthy one and says which is damaged', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    await tab.store.getState().createDesign();
    const damagedId = tab.store.getState().doc!.id;
    tab.kill();
    const db = createDesignsPersistence({ dbName: browser.dbName, channelName: 'x' });
    await db.db.designs.update(damagedId, { document: null as never });
    db.close();

    const next = await browser.startTab();

    expect(next.store.getState().doc?.id).toBe('example');
    expect(next.store.getState().toast?.message).toBe('A design is damaged and could not be opened: “Untitled design”. Open ☰ Designs to download the raw data or delete it.');
    expect((await next.store.getState().listDesigns()).find((d) => d.id === damagedId)?.status).toBe('damaged');
  });

  it('given a failing write, when a verb of the list runs, then the failure is told in words and nothing escapes', async () => {
    browser = testBrowser();
    const tab = await browser.startTab();
    const repository = tab.persistence().repository;
    repository.saveDesign = () => Promise.reject(Object.assign(new Error('Transaction aborted'), { name: 'AbortError' }));

    await tab.store.getState().duplicateDesign('example');

    expect(tab.store.getState().toast?.message).toBe('Duplicating the design failed: AbortError: Transaction aborted');
    expect(tab.store.getState().doc?.id).toBe('example');
  });
});
