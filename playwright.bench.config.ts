import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

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
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
