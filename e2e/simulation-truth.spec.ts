import type { Locator } from '@playwright/test';
import { expect, test, type RunPage } from './fixtures';

/** The rows of a run table with a cell exactly equal to each text. */
function rowWithCells(run: RunPage, label: string, ...cells: string[]): Locator {
  let rows = run.rows(label);
  for (const text of cells) rows = rows.filter({ has: run.page.getByRole('cell', { name: text, exact: true }) });
  return rows;
}

/** Sets a number field of Faults & patterns (saved when it loses focus). */
async function setNumber(run: RunPage, label: string, value: number): Promise<void> {
  const field = run.page.getByRole('spinbutton', { name: label });
  await field.fill(String(value));
  await field.blur();
}

/** Presses S until the last-step line matches; returns its text. */
async function stepUntil(run: RunPage, pattern: RegExp, limit = 80): Promise<string> {
  for (let i = 0; i < limit; i++) {
    const text = await run.stepWithKey();
    if (pattern.test(text)) return text;
  }
  throw new Error(`no step matched ${pattern} within ${limit} steps`);
}

const test2 = test.extend<{ opened: RunPage }>({
  opened: async ({ editor, run }, use) => {
    await editor.open();
    await run.enter();
    await use(run);
  },
});

test2('a consumer that crashes after handling, before its ack, gets the message again after the ack timeout and its inbox skips it', async ({ opened: run, page }) => {
  await run.openTab('Faults & patterns');
  await setNumber(run, 'Ack timeout (steps)', 6);
  await page.getByRole('slider', { name: 'Consumer crash after handle, before ack' }).fill('1');
  await page.getByRole('button', { name: 'Fire', exact: true }).click();

  const crash = await stepUntil(run, /crashed after the commit, before acknowledging/);
  const [, consumer = '', eventId = ''] = crash.match(/([\w-]+) applied \w+ (e-\S+?): /) ?? [];
  expect(consumer).not.toBe('');
  await expect(page.getByTestId('sim.last-step-fault')).toHaveText('crash-after-handle');
  await expect(run.lastStep).toContainText('stays unacknowledged at the broker until its ack deadline');
  await expect(page.getByTestId(`run-badges.${consumer}`)).toContainText('1 crash');
  await page.screenshot({ path: test2.info().outputPath('crash-after-handle.png') });

  await page.getByRole('slider', { name: 'Consumer crash after handle, before ack' }).fill('0');
  await stepUntil(run, new RegExp(`broker: no ack from ${consumer} for \\w+ ${eventId} within 6 steps`));
  await expect(page.getByTestId('sim.last-step-fault')).toHaveText('ack-timeout');
  await stepUntil(run, new RegExp(`broker delivered \\w+ ${eventId} to ${consumer} \\(attempt 2\\)`));
  await stepUntil(run, new RegExp(`${consumer} skipped duplicate \\w+ ${eventId}: already in its inbox`));
  await expect(page.getByTestId(`run-badges.${consumer}`)).toContainText('1 redelivered');
  await expect(page.getByTestId(`run-badges.${consumer}`)).toContainText('1 dup skipped');

  await run.openTab('Inbox');
  await expect(rowWithCells(run, 'Inbox', consumer, eventId).getByRole('cell').last()).toHaveText('1');
  await page.getByRole('button', { name: 'Run until quiet', exact: true }).click();
  await expect(page.getByRole('toolbar', { name: 'Run controls' }).getByRole('status')).toContainText('quiet');
  await run.openTab('Broker');
  const delivery = rowWithCells(run, 'Broker deliveries', consumer, eventId);
  await expect(delivery).toContainText('acked');
  await expect(delivery.getByRole('cell').nth(5)).toHaveText('2');
  await run.openTab('Anomalies');
  await expect(page.getByTestId('sim.report-status')).toContainText(/every invariant holds/);
  await expect(run.rows('Anomalies')).toHaveCount(0);
  await page.screenshot({ path: test2.info().outputPath('crash-redelivered-quiet.png') });
});

test2('with the inbox off and fresh ids at author-service, the anomalies name author-service as where it went wrong first, and the cards show the run\'s switches', async ({ opened: run, page, editor }) => {
  await run.openTab('Faults & patterns');
  await page.getByRole('checkbox', { name: 'Inbox for author-service' }).uncheck();
  await page.getByRole('checkbox', { name: 'Derived event ids for author-service' }).uncheck();
  await page.getByRole('slider', { name: 'Duplicate delivery' }).fill('1');
  await expect(page.getByRole('checkbox', { name: 'Derived event ids for author-service' })).not.toBeChecked();

  // The card itself says what the run switched, not the design's value beside a badge.
  const card = editor.node('consumer', 'author-service');
  await expect(card).toContainText('INBOX off (run)');
  await expect(card).toContainText('FRESH IDS (run)');
  await expect(card).not.toContainText('INBOX on');

  await page.getByRole('spinbutton', { name: 'How many commands to fire' }).fill('3');
  await page.getByRole('button', { name: 'Fire 3', exact: true }).click();
  await page.getByRole('button', { name: 'Run until quiet', exact: true }).click();
  await expect(page.getByRole('toolbar', { name: 'Run controls' }).getByRole('status')).toContainText('quiet');

  await run.openTab('Anomalies');
  const groups = page.getByRole('group', { name: 'Anomalies by kind' });
  await expect(groups.getByRole('button').first()).toContainText('harmful duplicate');
  await expect(groups.getByRole('button').first()).toContainText('root cause author-service');
  const first = run.rows('Anomalies').first();
  await expect(first).toContainText(/applied twice by author-service \(it keeps no inbox\): emitted 1 new event/);
  await expect(first).toContainText('follow-center');
  await expect(first).toContainText('notifications');
  await expect(page.getByTestId('sim.broken')).toBeVisible();
  await page.screenshot({ path: test2.info().outputPath('anomalies-grouped.png') });
  await card.screenshot({ path: test2.info().outputPath('card-overrides.png') });
});

test2('run until quiet with the relay down for long stops with a verdict in the last-step line instead of spinning', async ({ opened: run, page }) => {
  await run.openTab('Faults & patterns');
  const down = page.getByRole('spinbutton', { name: 'Relay down for how many steps' });
  await down.fill('5000');
  await down.blur();
  await page.getByRole('button', { name: 'Fire', exact: true }).click();
  await page.getByRole('button', { name: 'Run until quiet', exact: true }).click();
  await expect(page.getByTestId('sim.verdict')).toHaveText('waiting');
  await expect(run.lastStep).toContainText(/Run until quiet stopped: relay down: waiting until step 5001 \(\d+ steps\)/);
  expect(Number(await run.stepNumber.textContent())).toBeLessThan(100);
  await page.screenshot({ path: test2.info().outputPath('verdict-waiting.png') });
  // Asked again, it waits the outage out and ends quiet.
  await page.getByRole('button', { name: 'Run until quiet', exact: true }).click();
  await expect(page.getByRole('toolbar', { name: 'Run controls' }).getByRole('status')).toContainText('quiet', { timeout: 60_000 });
  expect(Number(await run.stepNumber.textContent())).toBeGreaterThan(5000);
});
