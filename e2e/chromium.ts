import { existsSync } from 'node:fs';
import { devices, type LaunchOptions } from '@playwright/test';

/**
 * Playwright cannot download its own browsers on every machine, so the system Chromium
 * (CHROMIUM_PATH, else /usr/bin/chromium) is preferred; elsewhere Playwright's managed one is used.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return {
    executablePath: existsSync(candidate) ? candidate : undefined,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--no-sandbox',
    ],
  };
}

/** The `use` block shared by the e2e and bench configs: desktop Chromium at 1280×800 on `port`. */
export function chromiumUse(port: number) {
  return {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: chromiumLaunchOptions(),
  };
}

/** Serves a production build (`vite preview`) from `outDir` on `port` for the duration of a run. */
export function previewServer(port: number, outDir: string) {
  return {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  };
}
