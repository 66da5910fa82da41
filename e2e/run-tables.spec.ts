import { test, expect } from './fixtures/editor';

// A long log opens on its newest rows (issue 11, item 4): the Trace and the Event store, reached
// after a run, show the last step and the last event without scrolling.
test('after a run, the Trace and the Event store open on their newest rows', async ({ editor, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  await page.getByRole('radio', { name: 'Run' }).click();
  await page.getByRole('spinbutton', { name: 'How many commands to fire' }).fill('60');
  await page.getByRole('button', { name: 'Fire 60' }).click();
  await page.getByRole('button', { name: 'Run until quiet' }).click();
  const status = page.getByRole('toolbar', { name: 'Run controls' }).getByRole('status');
  await expect(status).toContainText('quiet', { timeout: 90_000 });
  const lastStep = Number(await page.getByTestId('sim.step').textContent());
  expect(lastStep).toBeGreaterThan(300);

  // Every row the table ever shows from the click on: the first page must never appear on the way.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { seenRows: number[] }).seenRows = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLElement && node.dataset.rowId) seen.push(Number(node.dataset.rowId));
        }
      }
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.getByRole('tab', { name: /^Trace/ }).click();
  const trace = page.getByRole('table', { name: 'Trace', exact: true });
  const newest = trace.locator(`[role="row"][data-row-id="${lastStep}"]`);
  await expect(newest).toBeInViewport();
  const seen = await page.evaluate(() => (window as unknown as { seenRows: number[] }).seenRows);
  expect(Math.min(...seen), 'the oldest row the Trace showed on its way to the newest').toBeGreaterThan(lastStep - 200);

  const events = Number((await status.textContent())?.match(/(\d[\d,]*) events/)?.[1]?.replace(/,/g, ''));
  await page.getByRole('tab', { name: /^Event store/ }).click();
  const store = page.getByRole('table', { name: 'Event store', exact: true });
  await expect(store.locator(`[role="row"][data-row-id="${events}"]`)).toBeInViewport();
});
