import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// Runs the benchmark page of the production build and saves its figures to bench-results/.
// Reports ratios against the ceiling measured in the same page; asserts no timing.
test('simulation throughput against the IndexedDB ceiling', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/bench/index.html');
  await page.getByRole('button', { name: 'Run benchmark' }).click();
  const handle = await page.waitForFunction(() => {
    const w = window as unknown as { __benchResult?: unknown; __benchError?: string };
    return w.__benchResult ?? (w.__benchError ? { error: w.__benchError } : undefined);
  }, undefined, { timeout: 280_000, polling: 500 });
  type Figures = { quiet: boolean; anomalies: number; rebuildEqual: boolean };
  const result = (await handle.jsonValue()) as { error?: string; engine?: Record<string, Figures> };
  expect(result.error).toBeUndefined();
  for (const figures of Object.values(result.engine ?? {})) {
    expect(figures).toMatchObject({ quiet: true, anomalies: 0, rebuildEqual: true });
  }
  mkdirSync('bench-results', { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(`bench-results/simulation-${stamp}.json`, JSON.stringify(result, null, 2));
  writeFileSync('bench-results/simulation-latest.json', JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
});
