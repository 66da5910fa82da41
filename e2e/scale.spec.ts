import { test, expect, type RunPage } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Consistency at scale (issue 13) in run mode, on the second built-in example: the order tracker
 * runs as three instances on 8 partitions; a kill moves the killed instance's partitions; without
 * a concurrency control on customer-stats updates are lost, with the lock they are not.
 */

async function openOrderExample(page: Page): Promise<void> {
  await page.getByRole('button', { name: '☰ Designs' }).click();
  const picker = page.getByRole('dialog', { name: 'Designs' }).getByRole('group', { name: 'New from example' });
  await picker.getByRole('button', { name: '+ Order fulfilment at scale' }).click();
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue(/^Order fulfilment at scale/);
  await expect(page.getByRole('group', { name: 'Consumer order-tracker', exact: true })).toBeVisible();
}

/** The partitions an instance owns, as the Instances tab shows them ("0, 3, 6"), as numbers. */
async function partitionsOf(page: Page, instance: string): Promise<number[]> {
  const text = (await page.getByTestId(`partitions.${instance}`).textContent()) ?? '';
  return text.split(',').map((s) => s.trim()).filter((s) => /^\d+$/.test(s)).map(Number);
}

async function runUntilQuiet(run: RunPage): Promise<void> {
  await run.button('Run until quiet').click();
  await expect(run.status).toContainText('quiet', { timeout: 60_000 });
}

test('kill an instance and watch its partitions move; lost updates without a concurrency control, none with the lock after a reset', async ({ editor, run, page }) => {
  test.setTimeout(180_000);
  await editor.open();
  await openOrderExample(page);
  await run.enter();
  await run.fireMany(30);

  await test.step('the Instances tab shows three live instances owning the 8 partitions round robin', async () => {
    await run.openTab('Instances');
    // Instances and Locks are sub-tabs of Scale; the dock's tab row is one line at 1,280 px, what does not fit is under More.
    const dockTabs = page.getByRole('tablist', { name: 'Run tables' }).getByRole('tab');
    const tabTops = await dockTabs.evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
    expect(new Set(tabTops).size).toBe(1);
    const more = page.getByRole('button', { name: 'More run tables' });
    const underMore = (await more.isVisible()) ? (await more.getAttribute('title'))?.split(', ').length ?? 0 : 0;
    expect(tabTops.length + underMore).toBe(12);
    await page.screenshot({ path: test.info().outputPath('scale-dock-1280.png') });
    await expect(run.tab('Scale')).toHaveAttribute('aria-selected', 'true');
    // Arrow keys move along the sub-tabs (WAI-ARIA tabs), and back.
    await run.tab('Instances').focus();
    await page.keyboard.press('ArrowRight');
    await expect(run.tab('Locks')).toBeFocused();
    await expect(run.tab('Locks')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(run.tab('Instances')).toHaveAttribute('aria-selected', 'true');
    const group = page.getByTestId('group.order-tracker');
    await expect(group).toContainText('3 of 3 live');
    expect(await partitionsOf(page, 'order-tracker#1')).toEqual([0, 3, 6]);
    expect(await partitionsOf(page, 'order-tracker#2')).toEqual([1, 4, 7]);
    expect(await partitionsOf(page, 'order-tracker#3')).toEqual([2, 5]);
    for (let i = 0; i < 40; i++) await run.stepWithKey();
    await page.screenshot({ path: test.info().outputPath('scale-instances.png') });
  });

  await test.step('Kill order-tracker#2: it is down, the last step names it and the rebalance, its partitions move to #1 and #3', async () => {
    await page.getByRole('button', { name: 'Kill order-tracker#2' }).click();
    await expect(page.getByTestId('instance.order-tracker#2')).toContainText('down until step');
    await expect(run.lastStep).toContainText('order-tracker#2 killed (by the run controls)');
    await expect(run.lastStep).toContainText('rebalance of order-tracker');
    await expect(page.getByTestId('partitions.order-tracker#2')).toHaveText('none');
    const moved = [...await partitionsOf(page, 'order-tracker#1'), ...await partitionsOf(page, 'order-tracker#3')].sort((a, b) => a - b);
    expect(moved).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await expect(page.getByTestId('run-badges.order-tracker')).toContainText('#2 down');
    // The card has a line per instance: partitions owned, lag over them, in flight; the killed one says down.
    const lines = page.getByTestId('run-badges.order-tracker').locator('.run-badge--line');
    await expect(lines).toHaveCount(3);
    await expect(lines.nth(1)).toHaveText('#2 down');
    await expect(lines.nth(0)).toHaveText(/^#1 P[\d,]+ · lag \d+/);
    // A taller window shows the whole card above the dock for the screenshot; every line inside the card.
    await page.setViewportSize({ width: 1280, height: 1400 });
    const card = page.getByRole('group', { name: 'Consumer order-tracker', exact: true });
    const cardBox = (await card.boundingBox())!;
    for (const line of await lines.all()) {
      const box = (await line.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(cardBox.y + cardBox.height);
      expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    }
    await card.screenshot({ path: test.info().outputPath('scale-consumer-card.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: test.info().outputPath('scale-instance-killed.png') });
  });

  await test.step('the Broker shows the 8 partitions with owners, offsets and lag; none is owned by the killed instance', async () => {
    await run.openTab('Broker');
    await page.getByRole('combobox', { name: 'Broker panel shows' }).selectOption({ label: 'Partitions per subscriber' });
    const partitions = page.getByRole('table', { name: 'Broker partitions' });
    await expect(partitions.locator('tbody tr')).toHaveCount(8);
    const owners = await partitions.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(owners).toHaveLength(8);
    expect(owners.every((o) => o === 'order-tracker#1' || o === 'order-tracker#3')).toBe(true);
    await page.screenshot({ path: test.info().outputPath('scale-broker-partitions.png') });
  });

  await test.step('run until quiet: the checker finds lost updates on customer-stats', async () => {
    await runUntilQuiet(run);
    await run.openTab('Anomalies');
    await expect(page.getByRole('group', { name: 'Anomalies by kind' })).toContainText('lost update');
    await expect(page.getByTestId('sim.report-status')).not.toContainText('every invariant holds');
  });

  await test.step('switch customer-stats to the lock, reset the run with the design, fire the same orders', async () => {
    await run.openTab('Instances');
    await page.getByRole('combobox', { name: 'Concurrency control of customer-stats' }).selectOption('lock');
    const banner = page.getByRole('alert').filter({ hasText: 'The design changed since this run started' });
    await banner.getByRole('button', { name: 'Reset the run with this design' }).click();
    await page.getByRole('alertdialog', { name: 'Reset the run with this design?' }).getByRole('button', { name: 'Reset the run' }).click();
    await expect(banner).toBeHidden();
    await expect(run.stepNumber).toHaveText('0');
    await run.fireMany(30);
  });

  await test.step('the Locks tab shows the lock table; a lock whose holder is killed stays, highlighted, until its lease ends', async () => {
    await run.openTab('Locks');
    const locks = page.getByRole('table', { name: 'Locks' }).locator('tbody tr');
    for (let i = 0; i < 150 && (await locks.count()) === 0; i++) await run.stepWithKey();
    await expect(locks.first()).toBeVisible();
    const holder = (await locks.first().locator('td').nth(2).textContent()) ?? '';
    expect(holder).toMatch(/^order-tracker#[123]$/);
    await run.openTab('Instances');
    await page.getByRole('button', { name: `Kill ${holder}` }).click();
    await run.openTab('Locks');
    await expect(page.getByRole('table', { name: 'Locks' })).toContainText('holder dead');
    await page.screenshot({ path: test.info().outputPath('scale-locks.png') });
  });

  await test.step('run until quiet: no lost update, every invariant holds', async () => {
    await runUntilQuiet(run);
    await run.openTab('Anomalies');
    await expect(page.getByTestId('sim.report-status')).toContainText('every invariant holds', { timeout: 30_000 });
    await expect(page.getByRole('group', { name: 'Anomalies by kind' })).not.toContainText('lost update');
  });
});
