import type { Page } from '@playwright/test';
import { EditorPage, expect, test } from '../fixtures';

/** A second tab of the same browser profile, on the app. */
async function secondTab(page: Page): Promise<EditorPage> {
  const other = new EditorPage(await page.context().newPage());
  await other.open();
  return other;
}

/**
 * Tab B types into the design's name, a key every 40 ms, while `meanwhile` runs in tab A: autosave
 * waits 300 ms after the last edit, so B has unsaved edits for as long as it types — two people
 * editing the same design at the same moment. (Playwright's clock cannot hold one tab's timers: it
 * is shared by every page of the context.)
 */
async function whileTyping(b: EditorPage, text: string, meanwhile: () => Promise<void>): Promise<void> {
  await b.designName.click();
  await b.designName.press('End');
  const typing = b.designName.pressSequentially(text, { delay: 40 });
  await meanwhile();
  await typing;
}

/** Enough keys to outlast tab A's few clicks and its save. */
const LONG_TEXT = ' — edited in tab B while tab A saved its own change';

test.describe('one design in two tabs', () => {
  test('edits made one after the other in two tabs are all kept: each tab follows the other at once', async ({ editor, page }) => {
    await editor.open();
    const b = await secondTab(page);
    await expect(b.designName).toHaveValue(await editor.designName.inputValue());

    await editor.addByClick('producer', 'new-producer');
    await editor.designName.fill('Shared design');
    await editor.designName.press('Enter');
    await editor.waitUntilSaved();

    await expect(b.node('producer', 'new-producer')).toBeVisible();
    await expect(b.designName).toHaveValue('Shared design');

    await b.addByClick('projection', 'new-projection');
    await b.waitUntilSaved();
    await expect(editor.node('projection', 'new-projection')).toBeVisible();

    await page.reload();
    await b.page.reload();
    for (const tab of [editor, b]) {
      await expect(tab.designName).toHaveValue('Shared design');
      await expect(tab.node('producer', 'new-producer')).toBeVisible();
      await expect(tab.node('projection', 'new-projection')).toBeVisible();
    }
  });

  test('edits made at the same time in two tabs: the conflict is offered, and after reloading both nothing is lost', async ({ editor, page }) => {
    await editor.open();
    const b = await secondTab(page);
    const original = await editor.designName.inputValue();

    await test.step('B is typing (unsaved) while A adds a node and saves it', async () => {
      await whileTyping(b, LONG_TEXT, async () => {
        await expect(b.page.getByTestId('save-indicator')).toHaveText('Editing…');
        await editor.addByClick('producer', 'new-producer');
        await editor.waitUntilSaved();
      });
      await expect(b.designName).toHaveValue(`${original}${LONG_TEXT}`);
    });

    await test.step('B is told, and offered the choice', async () => {
      const banner = b.page.getByRole('alert', { name: 'Edited in another tab' });
      await expect(banner).toContainText('was changed in another tab while you were editing it here');
      await expect(banner.getByRole('button', { name: 'Keep mine as a copy' })).toBeVisible();
      await expect(banner.getByRole('button', { name: 'Take theirs (drop my edits)' })).toBeVisible();
      await expect(b.page.getByTestId('save-indicator')).toHaveText('Not saved: conflict');
      await b.page.screenshot({ path: test.info().outputPath('conflict-banner.png') });
    });

    await test.step('reload both: A has its edit; B offers its unsaved edit again, and keeps it as a copy', async () => {
      await page.reload();
      await expect(editor.node('producer', 'new-producer')).toBeVisible();
      await expect(editor.designName).toHaveValue(original);

      await b.page.reload();
      const recovered = b.page.getByRole('region', { name: 'Recovered edits' });
      await expect(recovered).toContainText('Since then the design was changed in another tab');
      await b.page.screenshot({ path: test.info().outputPath('recovered-edits.png') });
      await recovered.getByRole('button', { name: 'Keep as a copy' }).click();
      await expect(recovered).toHaveCount(0);
      await expect(b.designName).toHaveValue(`${original}${LONG_TEXT} (recovered)`);
      await expect(b.node('producer', 'new-producer')).toHaveCount(0);
    });

    await test.step('the original keeps A\'s version', async () => {
      await page.reload();
      await expect(editor.node('producer', 'new-producer')).toBeVisible();
      await expect(editor.designName).toHaveValue(original);
    });
  });

  test('"take theirs" shows the other tab\'s version and drops this tab\'s unsaved edit', async ({ editor, page }) => {
    await editor.open();
    const b = await secondTab(page);
    const original = await editor.designName.inputValue();
    await whileTyping(b, LONG_TEXT, async () => {
      await editor.addByClick('producer', 'new-producer');
      await editor.waitUntilSaved();
    });

    await b.page.getByRole('button', { name: 'Take theirs (drop my edits)' }).click();

    await expect(b.node('producer', 'new-producer')).toBeVisible();
    await expect(b.designName).toHaveValue(original);
    await expect(b.page.getByRole('alert', { name: 'Edited in another tab' })).toHaveCount(0);
    await b.page.reload();
    await expect(b.node('producer', 'new-producer')).toBeVisible();
    await expect(b.page.getByRole('region', { name: 'Recovered edits' })).toHaveCount(0);
  });

  test('a design deleted in one tab while the other edits it does not come back; the editor keeps its edits as a new design', async ({ editor, page }) => {
    await editor.open();
    await editor.createEmptyDesign();
    await editor.designName.fill('Doomed');
    await editor.designName.press('Enter');
    await editor.waitUntilSaved();
    const b = await secondTab(page);
    await expect(b.designName).toHaveValue('Doomed');
    await b.addByClick('event', 'NewEvent');
    await b.waitUntilSaved();

    await test.step('B is typing while A deletes the design', async () => {
      await whileTyping(b, LONG_TEXT, async () => {
        await editor.toolbarButton('☰ Designs').click();
        const list = page.getByRole('dialog', { name: 'Designs' });
        await list.getByRole('button', { name: 'Delete Doomed' }).click();
        await list.getByRole('button', { name: 'Delete', exact: true }).click();
        await expect(editor.designName).not.toHaveValue('Doomed');
      });
    });

    await test.step('B is told; its edits are not saved over the deletion', async () => {
      const banner = b.page.getByRole('alert', { name: 'Edited in another tab' });
      await expect(banner).toContainText('“Doomed” was deleted in another tab');
      await expect(b.page.getByTestId('save-indicator')).toHaveText('Not saved: conflict');
      await b.page.screenshot({ path: test.info().outputPath('deleted-banner.png') });
      await page.reload();
      await editor.toolbarButton('☰ Designs').click();
      await expect(page.getByRole('list', { name: 'Saved designs' }).getByRole('button', { name: /^Open Doomed/ })).toHaveCount(0);
      await page.keyboard.press('Escape');
    });

    await test.step('B keeps its edits as a new design', async () => {
      await b.page.getByRole('button', { name: 'Keep my edits as a new design' }).click();
      await expect(b.node('event', 'NewEvent')).toBeVisible();
      await expect(b.designName).toHaveValue(`Doomed${LONG_TEXT}`);
      await b.waitUntilSaved();
      await b.page.reload();
      await expect(b.designName).toHaveValue(`Doomed${LONG_TEXT}`);
      await expect(b.node('event', 'NewEvent')).toBeVisible();
    });
  });

  test('a design deleted in another tab while this one has no unsaved edits: this tab opens another design and says so', async ({ editor, page }) => {
    await editor.open();
    await editor.createEmptyDesign();
    await editor.designName.fill('Short-lived');
    await editor.designName.press('Enter');
    await editor.waitUntilSaved();
    const b = await secondTab(page);
    await expect(b.designName).toHaveValue('Short-lived');

    await editor.toolbarButton('☰ Designs').click();
    const list = page.getByRole('dialog', { name: 'Designs' });
    await list.getByRole('button', { name: 'Delete Short-lived' }).click();
    await list.getByRole('button', { name: 'Delete', exact: true }).click();

    await expect(b.page.getByText('“Short-lived” was deleted in another tab.')).toBeVisible();
    await expect(b.designName).not.toHaveValue('Short-lived');
  });
});
