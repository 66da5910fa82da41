import { defineConfig } from '@playwright/test';
import { chromiumUse, previewServer } from './e2e/chromium';

// `npm run bench`: the app's production build with the bench pages under /bench/ (BENCH_OUT_DIR,
// default .bench-build), in Chromium. No time limit here: the bench keeps to its own budget.
const port = Number(process.env.BENCH_PORT ?? 4183);
const outDir = process.env.BENCH_OUT_DIR ?? '.bench-build';

export default defineConfig({
  testDir: 'bench',
  testMatch: '**/*.bench.ts',
  timeout: 0,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: chromiumUse(port),
  webServer: previewServer(port, outDir),
});
