import { gzipSync } from 'node:zlib';
import { test, expect } from './fixtures';

// The first visit ships at most 200 kB of JavaScript (gzip), and none of what loads on first use:
// run mode (but for the two small providers that lazy-load the overlay feed and the run session), the inspector, the exporters and importers (yaml, AsyncAPI), zip and image export.
// Bytes, not times: `npm run bench` measures how fast that first paint comes.
const BUDGET_BYTES = 200_000;

/** Source paths (from the build's source maps) that must never load on a first visit. */
const LOADED_ON_USE = [
  /node_modules\/yaml\//, /node_modules\/@asyncapi\//, /node_modules\/fflate\//, /node_modules\/html-to-image\//,
  /node_modules\/@tanstack\//, /node_modules\/elkjs\//, /src\/core\/engine\//, /src\/core\/exporters\//,
  /src\/features\/simulation\/(?!overlay\/RunOverlayProvider|session\/RunSession(Provider|Context))/, /src\/features\/inspector\//, /src\/persistence\/simulation\//,
];

test('the first visit ships at most 200 kB of JavaScript, and nothing that loads on first use', async ({ editor, page }) => {
  const scripts = new Map<string, Buffer>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.set(response.url(), await response.body());
  });
  await editor.open();
  await expect(editor.allNodes().first()).toBeVisible();
  await page.waitForLoadState('networkidle');

  const sizes = [...scripts].map(([url, body]) => ({ url: new URL(url).pathname, gzip: gzipSync(body, { level: 9 }).length }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  test.info().annotations.push({ type: 'first visit JS (gzip)', description: `${total} B in ${sizes.length} files: ${sizes.map((s) => `${s.url} ${s.gzip}`).join(', ')}` });
  expect(total, sizes.map((s) => `${s.url}: ${s.gzip} B`).join('\n')).toBeLessThanOrEqual(BUDGET_BYTES);

  for (const { url, gzip } of sizes) {
    const map = await page.request.get(`${url}.map`);
    if (!map.ok() || !(map.headers()['content-type'] ?? '').includes('json')) {
      // Only the bundler's own runtime helpers come without a source map.
      expect(gzip, `${url} has no source map, and is more than the bundler's runtime`).toBeLessThan(2000);
      continue;
    }
    const sources = ((await map.json()) as { sources: string[] }).sources;
    const early = sources.filter((source) => LOADED_ON_USE.some((pattern) => pattern.test(source)));
    expect(early, `${url} loads on the first visit what should load on first use`).toEqual([]);
  }
});

test('the shell paints before the editor loads, and says so when the editor cannot be loaded', async ({ page }) => {
  await page.route(/\/assets\/App-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('The editor could not be loaded');
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
