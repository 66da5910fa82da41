import { readFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import type { Download, Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** The files of a downloaded .zip, by path. */
async function zipEntries(download: Download): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

async function downloadEverything(page: Page): Promise<Record<string, string>> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download everything readable' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^event-flow-designer-backup-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);
  return zipEntries(download);
}

const recovery = (page: Page) => page.getByRole('main', { name: /./ }).filter({ has: page.getByRole('heading', { level: 1 }) });

test.describe('the designs database goes away or cannot be opened', () => {
  test('deleted while the app is open: a recovery screen, everything readable downloads, and "Start again" brings the open design back', async ({ editor, page }) => {
    await editor.open();
    await editor.designName.fill('Open when the database vanished');
    await editor.waitUntilSaved();

    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('efd-designs');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }));

    const screen = recovery(page);
    await expect(screen.getByRole('heading', { level: 1 })).toHaveText('The designs database was deleted while the app was open');
    await expect(screen).toContainText('The design that was open in this page is still here, in memory');
    await expect(screen).toContainText('What to do');
    await page.screenshot({ path: test.info().outputPath('recovery-deleted.png') });

    const files = await downloadEverything(page);
    expect(Object.keys(files)).toContain('open-in-this-page/open-when-the-database-vanished.flow.json');
    expect(JSON.parse(files['open-in-this-page/open-when-the-database-vanished.flow.json']!).name).toBe('Open when the database vanished');
    expect(JSON.parse(files['raw/efd-designs.json']!)).toMatchObject({ name: 'efd-designs', exists: false });

    await test.step('nothing recreated the database behind the user\'s back', async () => {
      const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
      expect(names).not.toContain('efd-designs');
    });

    await page.getByRole('button', { name: 'Start again' }).click();
    await expect(editor.designName).toHaveValue('Open when the database vanished');
    await expect(editor.node('event', 'VideoInputEvent')).toBeVisible();
    await editor.waitUntilSaved();
    await page.reload();
    await expect(editor.designName).toHaveValue('Open when the database vanished');
  });

  test('an older database whose primary key changed cannot be upgraded: a recovery screen, a download of everything readable, then a reset', async ({ editor, page }) => {
    const legacyDesign = JSON.parse(await readFile('public/examples/content-platform.json', 'utf8'));
    legacyDesign.name = 'Kept in an old database';
    await page.goto('/favicon.svg');
    await page.evaluate((document) => new Promise<void>((resolve, reject) => {
      // Version 1 of the app's schema (Dexie stores version 1 as 10), but keyed by name instead of id.
      const request = indexedDB.open('efd-designs', 10);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('designs', { keyPath: 'name' });
        request.result.createObjectStore('settings', { keyPath: 'key' });
        request.transaction!.objectStore('designs').put({ id: document.id, name: document.name, createdAt: 1, updatedAt: 2, document });
      };
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    }), legacyDesign);

    await page.goto('/');
    const screen = recovery(page);
    await expect(screen.getByRole('heading', { level: 1 })).toHaveText('The designs database could not be opened');
    await expect(screen).toContainText('It was written by a different version of Event Flow Designer, or updating it to this version failed. Nothing in it was changed.');
    await screen.getByText('Technical detail').click();
    await expect(screen).toContainText('UpgradeError');
    await page.screenshot({ path: test.info().outputPath('recovery-upgrade.png') });

    const files = await downloadEverything(page);
    expect(JSON.parse(files['designs/kept-in-an-old-database.flow.json']!).name).toBe('Kept in an old database');
    expect(JSON.parse(files['raw/efd-designs.json']!)).toMatchObject({ name: 'efd-designs', version: 10, exists: true });

    await page.getByRole('button', { name: 'Reset the database…' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm the reset' });
    await expect(confirm).toContainText('This deletes every design stored in this browser. Download everything first if you have not.');
    await page.screenshot({ path: test.info().outputPath('recovery-upgrade-confirm.png') });
    await confirm.getByRole('button', { name: 'Delete and start again' }).click();

    await expect(editor.designName).toHaveValue('Content platform');
    await editor.waitUntilSaved();
  });

  test('another tab opened the database with a newer version of the app: this page says so, and after a reload works with what it can read', async ({ editor, page }) => {
    await editor.open();
    await editor.waitUntilSaved();
    const other = await page.context().newPage();
    await other.goto('/favicon.svg');
    await other.evaluate(() => new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('efd-designs', 1000);
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    }));

    const screen = recovery(page);
    await expect(screen.getByRole('heading', { level: 1 })).toHaveText('A newer version of Event Flow Designer is open in another tab');
    await page.screenshot({ path: test.info().outputPath('recovery-replaced.png') });
    await page.getByRole('button', { name: 'Reload this page' }).click();
    await expect(editor.designName).toHaveValue('Content platform');
  });
});
