import { defineConfig } from '@playwright/test';
import { chromiumUse, previewServer } from './e2e/chromium';

// `npm run bench`: the benchmark page of the production build (dist, or BENCH_OUT_DIR), in Chromium.
const port = Number(process.env.BENCH_PORT ?? 4183);
const outDir = process.env.BENCH_OUT_DIR ?? 'dist';

export default defineConfig({
  testDir: 'bench',
  testMatch: '**/*.bench.ts',
  timeout: 300_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: chromiumUse(port),
  webServer: previewServer(port, outDir),
});
