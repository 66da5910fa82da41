import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Newcomer fixes on the canvas (issue 12, item 4): visible keyboard focus on nodes and edges, a Tab
// order that follows the layout (nodes column by column, then edges), and run badges that never hide
// behind a neighbour. Looked at in screenshots at 1280×800 and 1024×700.
const SIZES = [{ width: 1280, height: 800 }, { width: 1024, height: 700 }] as const;

/** The accessible name of the focused element. */
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '');

/** The built-in example, in columns: x ≈ -30/0, 250, 540, 820, 1100, 1410. */
const NODE_ORDER = [
  'Event AbstractContentEvent', 'Producer content-ingest',
  'Event VideoEvent', 'Event VideoInputEvent', 'Event VideoStatusChangeEvent',
  'Consumer author-service', 'Consumer status-board',
  'Event AuthorVideoAddedEvent', 'Projection author-videos', 'Projection videos-by-status',
  'Consumer follow-center', 'Projection notifications',
];

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}, Tab walks the nodes by position, then the edges, each with a visible focus`, async ({ editor, page }) => {
    await page.setViewportSize(size);
    await editor.open();
    await editor.paletteItem('projection').focus();

    const names: string[] = [];
    for (let i = 0; i < NODE_ORDER.length; i++) {
      await page.keyboard.press('Tab');
      names.push(await focusedName(page));
    }
    expect(names).toEqual(NODE_ORDER);
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(ring).toBe('solid 3px');
    await page.screenshot({ path: test.info().outputPath(`canvas-focus-node-${size.width}.png`) });

    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('content-ingest emits VideoInputEvent');
    const halo = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.react-flow__edge-interaction')!).strokeOpacity);
    expect(Number(halo)).toBeGreaterThan(0);
    await page.screenshot({ path: test.info().outputPath(`canvas-focus-edge-${size.width}.png`) });

    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe('Projection notifications');

    // Past the last edge, Tab leaves the canvas for the controls after it.
    const edges = await page.locator('.react-flow__edge[tabindex="0"]').count();
    await page.keyboard.press('Tab');
    for (let i = 1; i < edges; i++) await page.keyboard.press('Tab');
    const lastEdge = await focusedName(page);
    await page.keyboard.press('Tab');
    const after = await page.evaluate(() => document.activeElement?.closest('.react-flow__node, .react-flow__edge') === null);
    expect(after, `Tab after the last edge (${lastEdge}) leaves the canvas`).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe(lastEdge);
  });
}

/** Run badges covered by anything else (another card, an edge label): each badge's centre must hit the badge. */
const coveredBadges = (page: Page) => page.evaluate(() => {
  const covered: string[] = [];
  for (const badge of document.querySelectorAll<HTMLElement>('.run-badge')) {
    const r = badge.getBoundingClientRect();
    if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) continue;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !badge.contains(hit)) covered.push(`${badge.closest('[data-id]')?.getAttribute('data-id')}: ${badge.textContent}`);
  }
  return covered;
});

/** Pairs of cards whose boxes overlap. */
const overlappingCards = (page: Page) => page.evaluate(() => {
  const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => ({ id: el.dataset.id ?? '', r: el.getBoundingClientRect() }));
  const pairs: string[] = [];
  for (const a of boxes) {
    for (const b of boxes) {
      if (a.id < b.id && a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) pairs.push(`${a.id} × ${b.id}`);
    }
  }
  return pairs;
});

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}, after auto-layout a run's badges never cover or hide behind a neighbour`, async ({ editor, run, page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await editor.open();
    // The canvas's own Auto-layout control: at 1024 px the toolbar keeps it in its ⋯ menu.
    await page.getByTestId('canvas').getByRole('button', { name: 'Auto-layout' }).click();
    await run.enter();
    // Faults give the consumers every counter: duplicates skipped, retries.
    await run.openTab('Faults & patterns');
    await page.getByRole('slider', { name: 'Duplicate delivery' }).fill('0.5');
    await page.getByRole('slider', { name: 'Consumer failure' }).fill('0.3');
    await run.fireMany(101);
    await run.runUntilQuiet();
    await expect(page.getByTestId('run-badges.content-ingest')).toContainText('101 sent');
    await expect(page.getByTestId('run-badges.author-service')).toContainText('dup skipped');
    await page.getByRole('button', { name: 'Fit view' }).first().click();

    await expect.poll(() => overlappingCards(page)).toEqual([]);
    await expect.poll(() => coveredBadges(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`canvas-run-badges-${size.width}.png`) });

    // Laid out again in run mode, with the badges on the cards: still nothing covered.
    await page.getByTestId('canvas').getByRole('button', { name: 'Auto-layout' }).click();
    await expect.poll(() => overlappingCards(page)).toEqual([]);
    await expect.poll(() => coveredBadges(page)).toEqual([]);
  });
}
