import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

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
