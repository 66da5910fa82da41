import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/**
 * Changes rows with the browser's own IndexedDB API while the app is not loaded (the page is on
 * /favicon.svg), as a crash mid-write, an older app version or a hand edit would leave them.
 */
async function tamper(page: Page, database: string, store: string, change: string, arg: unknown): Promise<void> {
  await page.goto('/favicon.svg');
  await page.evaluate(async ({ database, store, change, arg }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const objects = db.transaction(store, 'readwrite').objectStore(store);
    const all = await new Promise<unknown[]>((resolve) => { const r = objects.getAll(); r.onsuccess = () => resolve(r.result); });
    const apply = new Function('rows', 'arg', change) as (rows: unknown[], arg: unknown) => unknown[];
    const tx = db.transaction(store, 'readwrite');
    for (const row of apply(all, arg)) tx.objectStore(store).put(row);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
  }, { database, store, change, arg });
}

test.describe('damaged data is contained', () => {
  test('a damaged design, written before the app loads: it starts, shows the damage, and the design can be downloaded raw and deleted', async ({ editor, page }) => {
    await editor.open();
    await editor.waitUntilSaved();
    const healthy = await editor.designName.inputValue();

    await tamper(page, 'efd-designs', 'designs', `
      return [{ id: 'broken', name: 'Broken design', createdAt: 1, updatedAt: Date.now() + 60000, revision: 3, document: null }];`, null);
    await tamper(page, 'efd-designs', 'settings', 'return [{ key: "lastOpenedDesignId", value: "broken" }];', null);
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/');

    await test.step('the app starts on the healthy design and says which one is damaged', async () => {
      await expect(editor.designName).toHaveValue(healthy);
      await expect(page.getByText('A design is damaged and could not be opened: “Broken design”. Open ☰ Designs to download the raw data or delete it.')).toBeVisible();
    });

    const list = page.getByRole('dialog', { name: 'Designs' });
    await test.step('the list shows it as damaged, with what is wrong', async () => {
      await editor.toolbarButton('☰ Designs').click();
      const row = list.getByRole('listitem', { name: 'Broken design (damaged)' });
      await expect(row).toContainText('Damaged, cannot be opened: its saved document is missing.');
      await page.screenshot({ path: test.info().outputPath('damaged-design-in-list.png') });
    });

    await test.step('"Download raw JSON" gives the row exactly as stored', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Download raw JSON of Broken design' }).click()]);
      expect(download.suggestedFilename()).toBe('broken-design.damaged.raw.json');
      const raw = JSON.parse(await readFile(await download.path(), 'utf8'));
      expect(raw).toMatchObject({ id: 'broken', name: 'Broken design', revision: 3, document: null });
    });

    await test.step('"Delete" removes it (after asking)', async () => {
      await list.getByRole('button', { name: 'Delete Broken design' }).click();
      await list.getByRole('group', { name: 'Confirm deleting Broken design' }).getByRole('button', { name: 'Delete' }).click();
      await expect(list.getByRole('listitem', { name: 'Broken design (damaged)' })).toHaveCount(0);
      await page.reload();
      await expect(editor.designName).toHaveValue(healthy);
      await expect(page.getByText(/is damaged and could not be opened/)).toHaveCount(0);
    });
  });

  test('every design damaged: the app starts with a new design instead of a blank page', async ({ editor, page }) => {
    await editor.open();
    await editor.waitUntilSaved();
    await tamper(page, 'efd-designs', 'designs', 'return rows.map((row) => ({ ...row, document: { ...row.document, producers: "oops" } }));', null);
    await page.evaluate(() => sessionStorage.clear());

    await page.goto('/');

    await expect(editor.designName).toHaveValue('Untitled design');
    await expect(page.getByText(/A design is damaged and could not be opened: “Content platform”/)).toBeVisible();
  });

  test('a damaged run row: run mode says so and "Reset the run" starts a new run', async ({ editor, run, page }) => {
    await editor.open();
    await run.enter();
    await run.fire();
    await expect(run.status).toContainText('1 in flight');
    await editor.designMode();

    await tamper(page, 'efd-simulation', 'runs', 'return rows.map((row) => ({ ...row, flow: null, stats: undefined }));', null);
    await page.goto('/');
    await run.page.getByRole('radio', { name: 'Run', exact: true }).click();

    const notice = page.getByRole('alert', { name: 'The run is damaged' });
    await expect(notice).toContainText('The saved run of this design is damaged, so run mode cannot show it.');
    await expect(notice).toContainText('flow: expected an object, found null (and 1 more)');
    await expect(editor.node('event', 'VideoInputEvent')).toBeVisible();
    await expect(page.getByRole('alert', { name: 'The canvas stopped working' })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('damaged-run.png') });

    await notice.getByRole('button', { name: 'Reset the run' }).click();
    await expect(run.controls).toBeVisible();
    await expect(run.stepNumber).toHaveText('0');
    await run.fire();
    await run.runUntilQuiet();
  });

  test('damaged trace rows: the Trace tab and the last-step line show them as damaged and offer the reset', async ({ editor, run, page }) => {
    await editor.open();
    await run.enter();
    await run.fire();
    await run.stepWithKey();
    await expect(run.stepNumber).toHaveText('1');
    await editor.designMode();

    await tamper(page, 'efd-simulation', 'trace', 'return rows.map((row) => ({ ...row, text: { not: "text" }, nodeIds: 7 }));', null);
    await page.goto('/');
    await run.enter();

    await expect(run.lastStep).toContainText('⚠ damaged');
    await run.openTab('Trace');
    await expect(page.getByRole('tabpanel')).toContainText('⚠ damaged');
    const banner = page.getByRole('alert', { name: 'Damaged rows in this run' });
    await expect(banner).toContainText('Some rows of this run are damaged (in the trace table: text: expected text, found an object; nodeIds: expected a list of texts, found number 7)');
    await page.screenshot({ path: test.info().outputPath('damaged-trace.png') });

    await banner.getByRole('button', { name: 'Reset the run' }).click();
    await expect(run.stepNumber).toHaveText('0');
    await expect(banner).toHaveCount(0);
  });
});
