import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';
import { EditorPage, ExchangePage, expect, test } from '../fixtures';

/**
 * The origin's storage quota, lowered through the DevTools protocol. The override lives as long as
 * its session. Chromium checks an open database against the quota it read up to 30 s earlier, so a
 * quota lowered mid-session bites within about 30 s; in a browser started with it, at once.
 */
class Quota {
  private constructor(private readonly cdp: CDPSession, private readonly origin: string) {}

  static async of(page: Page, origin: string): Promise<Quota> {
    return new Quota(await page.context().newCDPSession(page), origin);
  }

  async set(bytes: number): Promise<void> {
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin, quotaSize: bytes });
  }

  async restore(): Promise<void> {
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin });
  }
}

const fullBanner = (page: Page) => page.getByRole('alert', { name: 'Storage is full' });

test.describe('a full disk', () => {
  test('the browser starts with a full disk: the last design opens read-only, export works, and saving resumes after space is freed', async ({ baseURL }) => {
    const profile = mkdtempSync(join(tmpdir(), 'efd-profile-'));
    const launch = async () => {
      const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL, viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      const page = context.pages()[0] ?? await context.newPage();
      return { context, page, editor: new EditorPage(page) };
    };
    try {
      const first = await launch();
      await first.editor.open();
      await first.editor.designName.fill('Saved before the disk filled up');
      await first.editor.waitUntilSaved();
      await first.context.close();

      const { context, page, editor } = await launch();
      await page.goto('/favicon.svg');
      const quota = await Quota.of(page, new URL(baseURL!).origin);
      await quota.set(1);
      await editor.open();

      await expect(editor.designName).toHaveValue('Saved before the disk filled up');
      await expect(editor.node('event', 'VideoInputEvent')).toBeVisible();
      await expect(fullBanner(page)).toContainText('storage for the app is full, so nothing can be saved');
      await expect(page.getByTestId('save-indicator')).toHaveText('Not saved: disk full');
      await page.screenshot({ path: test.info().outputPath('storage-full-at-start.png') });

      await test.step('editing is paused, with a word why', async () => {
        await editor.paletteItem('producer').click();
        await expect(page.getByText('Editing is paused because nothing can be saved right now.')).toBeVisible();
        await expect(editor.node('producer', 'new-producer')).toHaveCount(0);
      });

      await test.step('export still works', async () => {
        const file = await new ExchangePage(page, editor).download('Design (.json)');
        expect(JSON.parse(file.text).name).toBe('Saved before the disk filled up');
      });

      await test.step('after space is freed, "Try saving again" resumes editing', async () => {
        await quota.restore();
        await fullBanner(page).getByRole('button', { name: 'Try saving again' }).click();
        await expect(fullBanner(page)).toHaveCount(0);
        await editor.addByClick('producer', 'new-producer');
        await editor.waitUntilSaved();
        await page.reload();
        await expect(editor.node('producer', 'new-producer')).toBeVisible();
      });
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('the disk fills up mid-session: the edit that could not be saved stays on screen, survives a reload, is exported, and is saved after a retry', async ({ editor, exchange, page, baseURL }) => {
    test.setTimeout(120_000);
    await editor.open();
    await editor.waitUntilSaved();
    const quota = await Quota.of(page, new URL(baseURL!).origin);
    await quota.set(1);

    let typed = await editor.designName.inputValue();
    await test.step('keep editing until the browser refuses a write', async () => {
      await expect(async () => {
        if (await fullBanner(page).count() === 0) {
          await editor.designName.press('End');
          await editor.designName.press('x');
        }
        await expect(fullBanner(page)).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 90_000, intervals: [1_000] });
      typed = await editor.designName.inputValue();
      expect(typed).toMatch(/x$/);
      await expect(page.getByTestId('save-indicator')).toHaveText('Not saved: disk full');
      await page.screenshot({ path: test.info().outputPath('storage-full-mid-session.png') });
    });

    await test.step('a reload keeps the unsaved edit (and still says the disk is full)', async () => {
      await page.reload();
      await expect(editor.designName).toHaveValue(typed);
      await expect(fullBanner(page)).toBeVisible();
    });

    await test.step('export has the edit', async () => {
      const file = await exchange.download('Design (.json)');
      expect(JSON.parse(file.text).name).toBe(typed);
    });

    await test.step('space freed: a retry saves it', async () => {
      await quota.restore();
      await fullBanner(page).getByRole('button', { name: 'Try saving again' }).click();
      await editor.waitUntilSaved();
      await page.reload();
      await expect(editor.designName).toHaveValue(typed);
      await expect(fullBanner(page)).toHaveCount(0);
    });
  });
});
