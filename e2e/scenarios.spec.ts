import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { test, expect } from './fixtures';

const exec = promisify(execFile);

/** Runs `npm run flow -- test <file> [--scenario name]` as CI would: exit code and output. */
async function flowTest(file: string, scenario?: string): Promise<{ code: number; out: string }> {
  const args = ['--import', 'tsx', 'scripts/flow.ts', 'test', file, ...(scenario ? ['--scenario', scenario] : [])];
  try {
    const { stdout, stderr } = await exec(process.execPath, args, { cwd: process.cwd() });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

test('a run saved as a scenario passes; with the inbox switched off in its when it fails in the UI and in the CLI; delete is undone through the design history', async ({ editor, run, exchange, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  await run.enter();
  await run.fire();
  await run.runUntilQuiet();
  await run.openTab('Scenarios');
  const panel = page.getByLabel('Scenarios', { exact: true });
  const scenario = (name: string) => panel.getByRole('listitem', { name: `Scenario ${name}` });

  const saved = scenario('Saved run 4');
  await test.step('save this run as a scenario: the command becomes the given, the rows the then; run, it passes', async () => {
    await expect(panel.locator('li.scenario')).toHaveCount(3);
    await page.getByRole('button', { name: 'Save this run as a scenario' }).click();
    await expect(saved).toBeVisible();
    await expect(saved).toContainText('1 command');
    await expect(saved).toContainText(/\d+ rows · no broken invariant/);
    await page.getByRole('button', { name: 'Run Saved run 4' }).click();
    await expect(saved).toHaveAttribute('data-status', 'passed');
    await page.screenshot({ path: test.info().outputPath('scenarios-tab.png') });
  });

  await test.step('an example scenario (dual write loses the event) runs and shows its expectations', async () => {
    await page.getByRole('button', { name: 'Run Dual write with a crash after commit loses the event' }).click();
    const lost = scenario('Dual write with a crash after commit loses the event');
    await expect(lost).toHaveAttribute('data-status', 'passed');
    await expect(lost.getByRole('list', { name: /^Expectations of/ })).toContainText("at least one 'lost' anomaly");
  });

  await test.step('break it: duplicates on and the follow center\'s inbox off in its when; it fails, naming the row and column', async () => {
    await page.getByRole('button', { name: 'Edit Saved run 4 as JSON' }).click();
    const json = page.getByRole('textbox', { name: 'JSON of Saved run 4' });
    const edited = JSON.parse(await json.inputValue());
    edited.when = { ...edited.when, faults: { duplicateDelivery: 1 }, patterns: { inbox: { 'follow-center': false } } };
    await json.fill(JSON.stringify(edited, null, 2));
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(saved).toContainText('follow-center: inbox off');
    await page.getByRole('button', { name: 'Run Saved run 4' }).click();
    await expect(saved).toHaveAttribute('data-status', 'failed');
    const failures = saved.getByRole('list', { name: 'Expectations of Saved run 4' }).locator('li.bad');
    await expect(failures.first()).toContainText(/found: column notificationsSent of notifications\['[^']+'\] is [2-9]/);
    await expect(failures.last()).toContainText("'duplicate'");
    await failures.last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('scenarios-failed.png') });
  });

  await test.step('the exported design fails the same scenario in the CLI (exit 1) and passes the others', async () => {
    const design = await exchange.download('Design (.json)');
    const file = test.info().outputPath('design-with-scenarios.json');
    await writeFile(file, design.bytes);
    const one = await flowTest(file, 'Saved run 4');
    expect(one.out).toMatch(/^FAIL {2}Saved run 4/m);
    expect(one.out).toMatch(/✗ row: expected row notifications\[.*found column notificationsSent/);
    expect(one.code).toBe(1);
    const examples = await flowTest(file, 'A duplicate delivery with the inbox on counts the notification once');
    expect(examples.code).toBe(0);
  });

  await test.step('rename with the keyboard; delete, then Undo brings it back', async () => {
    await page.getByRole('button', { name: 'Rename Saved run 4' }).click();
    const name = page.getByRole('textbox', { name: 'Scenario name' });
    await name.fill('Inbox off duplicates the notification');
    await name.press('Enter');
    const renamed = scenario('Inbox off duplicates the notification');
    await expect(renamed).toBeVisible();
    await page.getByRole('button', { name: 'Delete Inbox off duplicates the notification' }).click();
    await expect(renamed).toHaveCount(0);
    await expect(panel.getByRole('status')).toContainText('Deleted “Inbox off duplicates the notification”.');
    await panel.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(renamed).toBeVisible();
    await expect(renamed).toContainText('follow-center: inbox off');
  });
});

test('a poison message is dead-lettered; with the poison off, Redrive puts it back, it is applied and its dead letter no longer breaks the run', async ({ editor, run, page }) => {
  await editor.open();
  await run.enter();
  await run.openTab('Faults & patterns');
  const poison = page.getByRole('textbox', { name: 'Poison value' });
  await poison.fill('POISON');
  await poison.press('Tab');
  await page.getByRole('textbox', { name: 'title' }).fill('POISON');
  await run.fire();
  await run.runUntilQuiet();

  await run.openTab('Dead letters');
  await expect(run.rows('Dead letters')).toHaveCount(2);
  await expect(run.tab('Anomalies')).toHaveText(/^Anomalies\d+$/);
  await page.screenshot({ path: test.info().outputPath('dead-letters.png') });

  await run.openTab('Faults & patterns');
  await page.getByRole('textbox', { name: 'Poison value' }).fill('');
  await page.getByRole('textbox', { name: 'Poison value' }).press('Tab');
  await run.openTab('Dead letters');
  await page.getByRole('button', { name: 'Redrive dead letter 1' }).click();
  await expect(run.rows('Dead letters').first()).toContainText(/redriven at \d+/);
  await page.getByRole('button', { name: 'Redrive all', exact: true }).click();
  await expect(run.rows('Dead letters').filter({ hasText: /redriven at \d+/ })).toHaveCount(2);
  await run.runUntilQuiet();
  await expect(run.tab('Anomalies')).toHaveText('Anomalies');
  await page.screenshot({ path: test.info().outputPath('dead-letters-redriven.png') });
  await run.showProjection('author-videos');
  await expect(run.rows('Projection author-videos').filter({ hasText: 'POISON' })).toHaveCount(1);
});

test('the workload tab fires a seeded mix of commands in one go and saves it as a scenario', async ({ editor, run, page }) => {
  await editor.open();
  await run.enter();
  await run.openTab('Workload');
  await page.getByRole('spinbutton', { name: 'Rate of content-ingest · IngestVideo' }).fill('3');
  await expect(page.getByRole('table', { name: 'Workload mix' })).toContainText('75%');
  await page.getByRole('spinbutton', { name: 'Commands in the workload' }).fill('40');
  await page.getByRole('button', { name: 'Fire workload 40' }).click();
  await expect(run.status).toContainText('40 in flight');
  // A workload is one activity of the run session: while Play runs, it waits.
  await run.setSpeed(1);
  await run.playButton.click();
  await expect(run.playButton).toHaveText(/Pause/);
  await expect(page.getByRole('button', { name: 'Fire workload 40' })).toBeDisabled();
  await run.playButton.click();
  await expect(run.playButton).toHaveText(/Play/);
  await expect(page.getByRole('button', { name: 'Fire workload 40' })).toBeEnabled();
  await page.getByRole('button', { name: 'Save as a scenario' }).click();
  await run.openTab('Scenarios');
  const saved = page.getByRole('listitem', { name: 'Scenario Workload of 40' });
  await expect(saved).toContainText('workload of 40 (2 commands mixed)');
  await page.getByRole('button', { name: 'Run Workload of 40' }).click();
  await expect(saved).toHaveAttribute('data-status', 'passed');
});
