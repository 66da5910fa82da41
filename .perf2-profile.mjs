// Usage: node profile.mjs <port> <what> ; what = steps | quiet1k
import { chromium } from '@playwright/test';
const [port, what] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/bench/engine.html`);
await page.waitForFunction(() => 'efdBench' in window);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
// warm up
if (what === 'steps') await page.evaluate(() => window.efdBench.singleSteps(2000));
else await page.evaluate(() => window.efdBench.runUntilQuiet(300, 'batched', 20000));
await cdp.send('Profiler.start');
const t = Date.now();
const result = what === 'steps'
  ? await page.evaluate(() => window.efdBench.singleSteps(6000))
  : await page.evaluate(() => window.efdBench.runUntilQuiet(1000, 'batched', 60000));
const { profile } = await cdp.send('Profiler.stop');
console.log(JSON.stringify(result), Date.now() - t, 'ms');
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
const counts = new Map();
profile.samples.forEach((id, i) => { counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)); total += dt[i] ?? 0; });
for (const [id, us] of counts) { const n = byId.get(id); const f = n.callFrame; const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`; self.set(k, (self.get(k) ?? 0) + us); }
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 45);
for (const [k, us] of top) console.log((us / 1000).toFixed(1).padStart(8), 'ms', (100 * us / total).toFixed(1).padStart(5), '%', k);
await browser.close();
