import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';
import { EditorPage, expect, test } from '../fixtures';

/** The pid of the browser process (not a renderer or helper) started with this profile directory. */
function browserPid(profile: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args=']).toString().split('\n');
  const main = lines.find((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='));
  if (!main) throw new Error(`no browser process runs with the profile ${profile}`);
  return Number(main.trim().split(/\s+/)[0]);
}

/** A node's position in the design (flow coordinates: React Flow's translate of the node), whatever the zoom. */
function flowPosition(node: Locator): Promise<string> {
  return node.evaluate((el) => (el.closest<HTMLElement>('.react-flow__node') ?? (el as HTMLElement)).style.transform);
}

async function launch(profile: string, baseURL: string): Promise<{ context: BrowserContext; editor: EditorPage }> {
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL, viewport: { width: 1280, height: 800 } });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, editor: new EditorPage(page) };
}

test.describe('edits survive the browser', () => {
  test('the browser process is killed right after an edit: the edit is there on the next start', async ({ baseURL }) => {
    const profile = mkdtempSync(join(tmpdir(), 'efd-profile-'));
    try {
      const first = await launch(profile, baseURL!);
      await first.editor.open();
      await first.editor.waitUntilSaved();
      // Autosave waits 300 ms after an edit; hold its timer, so only the journal can bring the edit back.
      await first.editor.page.clock.pauseAt(Date.now() + 60_000);
      await first.editor.addByClick('projection', 'new-projection');
      await first.editor.designName.fill('Edited just before the crash');
      await expect(first.editor.designName).toHaveValue('Edited just before the crash');
      await expect(first.editor.page.getByTestId('save-indicator')).toHaveText('Editing…');

      process.kill(browserPid(profile), 'SIGKILL');
      await first.context.close().catch(() => undefined);

      const second = await launch(profile, baseURL!);
      await second.editor.open();
      await expect(second.editor.designName).toHaveValue('Edited just before the crash');
      await expect(second.editor.node('projection', 'new-projection')).toBeVisible();
      await second.editor.waitUntilSaved();
      await expect(second.editor.page.getByRole('region', { name: 'Recovered edits' })).toHaveCount(0);
      await second.context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('the browser process is killed during a drag, the mouse still down, right after a move: the node is where it was on screen on the next start', async ({ baseURL }) => {
    const profile = mkdtempSync(join(tmpdir(), 'efd-profile-'));
    try {
      const first = await launch(profile, baseURL!);
      const { page } = first.editor;
      await first.editor.open();
      await first.editor.waitUntilSaved();
      // Autosave waits 300 ms after an edit; hold every timer, so only the journal can bring the position back.
      await page.clock.pauseAt(Date.now() + 60_000);
      const node = first.editor.node('producer', 'content-ingest');
      const before = await flowPosition(node);
      const box = (await node.boundingBox())!;
      const grab = { x: box.x + box.width / 2, y: box.y + 12 };
      await page.mouse.move(grab.x, grab.y);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) await page.mouse.move(grab.x + 10 * i, grab.y + 6 * i);
      // The last move is on screen; the mouse is never released.
      await expect.poll(() => flowPosition(node)).not.toEqual(before);
      const shown = await flowPosition(node);
      await expect.poll(() => flowPosition(node)).toEqual(shown);

      process.kill(browserPid(profile), 'SIGKILL');
      await first.context.close().catch(() => undefined);

      const second = await launch(profile, baseURL!);
      await second.editor.open();
      const again = second.editor.node('producer', 'content-ingest');
      await expect(again).toBeVisible();
      expect(await flowPosition(again)).toEqual(shown);
      await second.editor.waitUntilSaved();
      await second.context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('a tab closed right after an edit: the edit is there in the next tab', async ({ editor, page }) => {
    await editor.open();
    await page.clock.pauseAt(Date.now() + 60_000);
    await editor.designName.fill('Edited just before closing');
    await expect(editor.designName).toHaveValue('Edited just before closing');
    const context = page.context();

    await page.close({ runBeforeUnload: true });

    const next = new EditorPage(await context.newPage());
    await next.page.clock.resume();
    await next.open();
    await expect(next.designName).toHaveValue('Edited just before closing');
    await next.waitUntilSaved();
  });
});
