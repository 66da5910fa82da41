import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/**
 * Fault injection from the test, with no hook in the app: a getter on Object.prototype throws when
 * code reads `property` from an object that does not have it (an optional field left out). Only the
 * component that reads it during render breaks, as a bug there would. `heal` removes the getter.
 */
async function breakOnRead(page: Page, property: string): Promise<void> {
  await page.evaluate((name) => {
    Object.defineProperty(Object.prototype, name, {
      configurable: true,
      get() { throw new TypeError(`injected fault: ${name} cannot be read`); },
    });
  }, property);
}

async function heal(page: Page, property: string): Promise<void> {
  await page.evaluate((name) => { delete (Object.prototype as Record<string, unknown>)[name]; }, property);
}

test.describe('error boundaries: a broken area says what broke and offers a way out, the rest keeps working', () => {
  test('the inspector', async ({ editor, page }) => {
    await editor.open();
    await editor.node('event', 'VideoInputEvent').click();
    await editor.sidePanel.getByRole('button', { name: '+ Add field' }).click();
    await editor.waitUntilSaved();
    // The new field has no pattern: the inspector reads it when the field's details open.
    await breakOnRead(page, 'pattern');
    await editor.sidePanel.getByRole('button', { name: 'Field 5 details' }).click();

    const broken = page.getByRole('alert', { name: 'The inspector stopped working' });
    await expect(broken).toContainText('The inspector stopped working. Your design is saved; the canvas keeps working.');
    await expect(broken).toContainText('The error was: TypeError: injected fault: pattern cannot be read');
    await page.screenshot({ path: test.info().outputPath('boundary-inspector.png') });
    await expect(editor.node('event', 'VideoInputEvent')).toBeVisible();

    await heal(page, 'pattern');
    await broken.getByRole('button', { name: 'Clear the selection' }).click();
    await editor.node('producer', 'content-ingest').click();
    await expect(editor.sidePanel.getByLabel('Name', { exact: true })).toHaveValue('content-ingest');
  });

  test('a dock panel, and run mode', async ({ editor, run, page }) => {
    await editor.open();
    await run.enter();
    await run.fire();
    await run.runUntilQuiet();

    await test.step('the Broker panel breaks; the other panels work; "Try again" draws it again', async () => {
      await breakOnRead(page, 'duplicateOf');
      await run.openTab('Broker');
      const broken = page.getByRole('alert', { name: 'The Broker panel stopped working' });
      await expect(broken).toContainText('The error was: TypeError: injected fault: duplicateOf cannot be read');
      await expect(broken.getByRole('button', { name: 'Reset the run' })).toBeVisible();
      await page.screenshot({ path: test.info().outputPath('boundary-panel.png') });
      await run.openTab('Outbox');
      await expect(page.getByRole('alert', { name: 'The Broker panel stopped working' })).toHaveCount(0);
      await heal(page, 'duplicateOf');
      await run.openTab('Broker');
      await expect(page.getByRole('tabpanel')).toContainText('VideoInputEvent');
    });

    await test.step('run mode as a whole breaks; "Back to design" leads out', async () => {
      await page.evaluate(() => {
        (window as unknown as { efdFormat: unknown }).efdFormat = Number.prototype.toLocaleString;
        Number.prototype.toLocaleString = () => { throw new RangeError('injected fault: numbers cannot be formatted'); };
      });
      await run.fire();
      const broken = page.getByRole('alert', { name: 'Run mode stopped working' });
      await expect(broken).toContainText('Run mode stopped working. Your design is not affected.');
      await expect(broken).toContainText('RangeError: injected fault: numbers cannot be formatted');
      await page.screenshot({ path: test.info().outputPath('boundary-run-mode.png') });
      await page.evaluate(() => { Number.prototype.toLocaleString = (window as unknown as { efdFormat: () => string }).efdFormat; });
      await broken.getByRole('button', { name: 'Back to design' }).click();
      await expect(editor.paletteItem('producer')).toBeVisible();
      await run.enter();
      await expect(run.status).toContainText('in flight');
    });
  });

  test('the canvas', async ({ editor, page }) => {
    await editor.open();
    await breakOnRead(page, 'hidden');
    await editor.node('event', 'VideoInputEvent').click();

    const broken = page.getByRole('alert', { name: 'The canvas stopped working' });
    await expect(broken).toContainText('The canvas stopped working. Your design is saved in this browser; nothing is lost.');
    await expect(broken).toContainText('injected fault: hidden cannot be read');
    await page.screenshot({ path: test.info().outputPath('boundary-canvas.png') });
    await heal(page, 'hidden');
    await broken.getByRole('button', { name: 'Try again' }).click();
    await expect(editor.node('event', 'VideoInputEvent')).toBeVisible();
  });

  test('anything else: the whole page says what broke and offers the open design as a download, then a reload', async ({ editor, exchange, page }) => {
    await editor.open();
    await editor.designName.fill('Open when the page broke');
    await editor.waitUntilSaved();
    await breakOnRead(page, 'abstract');
    await editor.paletteItem('event').click();

    const broken = page.getByRole('alert', { name: 'Event Flow Designer stopped working' });
    await expect(broken).toContainText('Your designs are saved in this browser; edits not yet saved are kept and come back after a reload.');
    await expect(broken).toContainText('injected fault: abstract cannot be read');
    await page.screenshot({ path: test.info().outputPath('boundary-page.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), broken.getByRole('button', { name: 'Download the open design' }).click()]);
    expect(download.suggestedFilename()).toBe('open-when-the-page-broke.flow.json');

    await heal(page, 'abstract');
    await broken.getByRole('button', { name: 'Reload the page' }).click();
    await expect(editor.designName).toHaveValue('Open when the page broke');
    await expect(editor.node('event', 'NewEvent')).toBeVisible();
    void exchange;
  });
});
