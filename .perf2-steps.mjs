import { chromium } from '@playwright/test';
const ports = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (let round = 0; round < 3; round++) for (const port of ports) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/bench/engine.html`);
  await page.waitForFunction(() => 'efdBench' in window);
  const c = await page.evaluate(() => window.efdBench.rawCeiling(500, 1000));
  const r = await page.evaluate(() => window.efdBench.singleSteps(4000));
  console.log(port, r.stepsPerSecond, c.oneTxPerRowPerSecond, (r.stepsPerSecond / c.oneTxPerRowPerSecond).toFixed(3));
  await page.close();
}
await browser.close();
