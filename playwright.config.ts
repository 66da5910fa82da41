import { defineConfig } from '@playwright/test';
import { chromiumUse, previewServer } from './e2e/chromium';

// E2E_PORT / E2E_OUT_DIR let several builds be tested side by side; `npm test` uses the defaults.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_OUT_DIR ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { ...chromiumUse(port), trace: 'retain-on-failure', acceptDownloads: true },
  webServer: previewServer(port, outDir),
});
