import { readFile } from 'node:fs/promises';
import { expect, test } from '../fixtures';

test.describe('bounds with clear messages', () => {
  test('a file with a retry limit of 1e15 and a zoom of 0 is refused with what and where; nothing changes', async ({ editor, exchange, page }) => {
    await editor.open();
    const design = JSON.parse(await readFile('public/examples/content-platform.json', 'utf8'));
    design.consumers[0].retryLimit = 1e15;
    design.layout.viewport = { x: 0, y: 0, zoom: 0 };

    await exchange.openFile('retries.json', JSON.stringify(design));

    const dialog = page.getByRole('alertdialog', { name: 'Import refused' });
    await expect(dialog).toContainText('"retries.json" is not a valid design at /consumers/0/retryLimit: retryLimit: expected a retry limit from 0 to 1,000, found the number 1000000000000000 (and 1 more problem).');
    await page.screenshot({ path: test.info().outputPath('bounds-refused.png') });
    await dialog.getByRole('button').first().click();
    expect(await exchange.savedDesignNames()).toEqual(['Content platform']);
  });

  test('the retry limit cannot be typed beyond its bound', async ({ editor, page }) => {
    await editor.open();
    await editor.node('consumer', 'follow-center').click();
    await editor.sidePanel.getByLabel('Retry limit').fill('1000000000000000');
    await expect(editor.node('consumer', 'follow-center')).toContainText('retry 1000');
    await editor.waitUntilSaved();
    await page.reload();
    await expect(editor.node('consumer', 'follow-center')).toContainText('retry 1000');
  });

  test('a 10,000-character design name downloads under a short file name', async ({ editor, exchange }) => {
    await editor.open();
    await editor.designName.fill(`Payments ${'x'.repeat(10_000)}`);
    await editor.waitUntilSaved();

    const file = await exchange.download('Design (.json)');

    expect(file.name.length).toBeLessThanOrEqual(100);
    expect(file.name).toMatch(/^payments-x+-[0-9a-z]{7}\.flow\.json$/);
    expect(JSON.parse(file.text).name).toHaveLength(10_009);
  });

  test('the production build ships no bench page: /bench/ serves the app itself, under its CSP', async ({ page }) => {
    await page.goto('/');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    const engine = await page.request.get('/bench/assets/engine.js');
    expect(engine.headers()['content-type'] ?? '').not.toContain('javascript');

    await page.goto('/bench/');
    await expect(page.getByRole('heading', { name: 'Simulation benchmark' })).toHaveCount(0);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(csp);
    await expect(page.addScriptTag({ content: 'window.inlineRan = true;' })).rejects.toThrow();
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
  });
});
