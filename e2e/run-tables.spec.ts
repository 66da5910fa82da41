import { test, expect } from './fixtures';

// A long log opens on its newest rows (issue 11, item 4): the Trace and the Event store, reached
// after a run, show the last step and the last event without scrolling.
test('after a run, the Trace and the Event store open on their newest rows', async ({ editor, run, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  await run.enter();
  await run.fireMany(60);
  await run.runUntilQuiet();
  const lastStep = await run.step();
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
  await run.openTab('Trace');
  const trace = run.table('Trace');
  const newest = trace.locator(`[role="row"][data-row-id="${lastStep}"]`);
  await expect(newest).toBeInViewport();
  const seen = await page.evaluate(() => (window as unknown as { seenRows: number[] }).seenRows);
  expect(Math.min(...seen), 'the oldest row the Trace showed on its way to the newest').toBeGreaterThan(lastStep - 200);

  const events = Number((await run.status.textContent())?.match(/(\d[\d,]*) events/)?.[1]?.replace(/,/g, ''));
  await run.openTab('Event store');
  const store = run.table('Event store');
  await expect(store.locator(`[role="row"][data-row-id="${events}"]`)).toBeInViewport();
});
