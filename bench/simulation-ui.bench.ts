import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// The run workspace under load: fire N commands (default 10,000) on the built-in example with the
// Trace tab open, run until quiet, and measure how the page keeps painting (frame gaps, long tasks)
// and how fast a jump into the middle of the trace shows its rows. Prints figures; asserts no timing.
const N = Number(process.env.SIM_UI_COMMANDS ?? 10_000);

test('run workspace stays responsive while commands run', async ({ page }) => {
  test.setTimeout(900_000);
  await page.goto('/favicon.svg');
  await page.evaluate(async () => {
    for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
  });
  await page.goto('/');
  await page.getByRole('radio', { name: 'Run' }).click();
  await page.getByRole('tab', { name: /^Trace/ }).click();
  await page.getByRole('spinbutton', { name: 'How many commands to fire' }).fill(String(N));
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask' });
  });
  const status = page.getByRole('toolbar', { name: 'Run controls' }).getByRole('status');

  const fireStart = Date.now();
  await page.getByRole('button', { name: `Fire ${N.toLocaleString('en')}` }).click();
  await expect(page.getByRole('button', { name: 'Run until quiet' })).toBeEnabled({ timeout: 120_000 });
  const fireMs = Date.now() - fireStart;

  const runStart = Date.now();
  await page.getByRole('button', { name: 'Run until quiet' }).click();
  const frames = await page.evaluate(async () => {
    const gaps: number[] = [];
    let last = performance.now();
    const end = last + 5000;
    while (performance.now() < end) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    gaps.sort((a, b) => b - a);
    return { framesIn5s: gaps.length, worstGapsMs: gaps.slice(0, 5).map(Math.round) };
  });
  await expect(status).toContainText('· quiet', { timeout: 840_000 });
  const runMs = Date.now() - runStart;
  const steps = Number(await page.getByTestId('sim.step').textContent());
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.sort((a, b) => b - a));

  const table = page.getByRole('table', { name: 'Trace', exact: true });
  const jumps: Record<string, number> = {};
  for (const fraction of [0.5, 0.23, 0.91]) {
    const t = Date.now();
    await table.locator('.vt-scroll').evaluate((el, f) => { el.scrollTop = (el.scrollHeight - el.clientHeight) * f; }, fraction);
    await expect(table.locator('.vt-loading')).toHaveCount(0);
    jumps[`jumpTo${fraction}Ms`] = Date.now() - t;
  }

  const result = {
    commands: N, fireMs, runUntilQuietMs: runMs, steps, stepsPerSecond: Math.round(steps / (runMs / 1000)),
    ...frames, longTasks: longTasks.length, worstLongTasksMs: longTasks.slice(0, 5), ...jumps,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/simulation-ui-latest.json', JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
});
