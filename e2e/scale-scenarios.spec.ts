import { test, expect } from './fixtures';

/**
 * Issue 13, item 6: the order fulfilment example carries scenarios that show each anomaly and its
 * remedy in the first minute. In run mode's Scenarios tab: lost updates without a control, none
 * with the lock under instance kills; a slow cache reader leaves a stale entry without leases, none
 * with them — each switched for the run by the scenario, without editing the design.
 */
test('the order example\'s scenarios show lost updates and a stale cache, and their remedies, in the Scenarios tab', async ({ editor, run, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  await page.getByRole('button', { name: '☰ Designs' }).click();
  const picker = page.getByRole('dialog', { name: 'Designs' }).getByRole('group', { name: 'New from example' });
  await picker.getByRole('button', { name: '+ Order fulfilment at scale' }).click();
  await expect(page.getByRole('group', { name: 'Consumer order-tracker', exact: true })).toBeVisible();
  await run.enter();
  await run.openTab('Scenarios');
  const panel = page.getByLabel('Scenarios', { exact: true });
  await expect(panel.locator('li.scenario')).toHaveCount(5);
  const runIt = async (name: string, expectation: RegExp) => {
    await page.getByRole('button', { name: `Run ${name}` }).click();
    const item = panel.getByRole('listitem', { name: `Scenario ${name}` });
    await expect(item).toHaveAttribute('data-status', 'passed', { timeout: 30_000 });
    await expect(item.getByRole('list', { name: /^Expectations of/ })).toContainText(expectation);
    return item;
  };
  const lost = await runIt('Lost updates without a concurrency control: three tracker instances and billing race on customer-stats', /at least one 'lost-update' anomaly/);
  await expect(lost).toContainText('seed 1');
  const lock = await runIt('The lock keeps every update, even when instances are killed (cache leases on)', /no broken invariant/);
  await expect(lock).toContainText('instance kill 3% · killed instances down 40 steps · customer-stats: lock · customer-stats: cache leases on');
  const stale = await runIt('A slow cache reader fills customer-stats with a row a write overtook: a stale cache entry (lock on, no leases)', /at least one 'stale-cache' anomaly/);
  await expect(stale).toContainText('reader:customer-stats slow ×6');
  await runIt('Cache leases refuse the fill a write overtook: no stale entry (same slow reader, lock on)', /no broken invariant/);
  await page.screenshot({ path: test.info().outputPath('scale-scenarios.png') });
});
