// The run's panels on a long log: the first page of every panel, the Trace tab on its newest rows,
// and a jump into the middle, each beside a raw IndexedDB read of 50 rows in the same page.
import type { Page } from '@playwright/test';
import { AppDriver } from './appDriver';
import { harness } from './harness';
import { FRAME_MS, median, round } from './stats';
import { fmt, type Scenario } from './types';

const TABS = ['Outbox', 'Broker', 'Inbox', 'Projections', 'Event store', 'Dead letters', 'Trace', 'Anomalies'] as const;
const COMMANDS = 10_000;
const ROWS_PER_COMMAND = 25;

/** Clicks a panel tab and returns the ms until its panel shows rows (or says it has none); from another tab first. */
async function timeTab(page: Page, tabName: string, timeoutMs: number): Promise<{ ms: number; rows: string[] }> {
  const away = page.getByRole('tab', { name: /^Faults/ });
  await away.click();
  await page.locator('#sim-panel-faults').waitFor({ timeout: timeoutMs });
  return page.evaluate(async ([name, timeout]) => {
    const tab = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.textContent?.startsWith(name));
    if (!tab) throw new Error(`no tab ${name}`);
    const panelId = tab.getAttribute('aria-controls') ?? '';
    const shown = () => {
      const panel = document.getElementById(panelId);
      if (!panel) return undefined;
      const rows = [...panel.querySelectorAll<HTMLElement>('.vt-rows > .vt-row:not(.vt-loading)')];
      if (rows.length > 0) return rows.map((r) => r.dataset.rowId ?? '');
      return panel.querySelector('.vt-empty') ? [] : undefined;
    };
    const t = performance.now();
    const done = new Promise<{ ms: number; rows: string[] }>((resolve, reject) => {
      const observer = new MutationObserver(() => {
        const rows = shown();
        if (rows) { observer.disconnect(); resolve({ ms: performance.now() - t, rows }); }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      setTimeout(() => { observer.disconnect(); reject(new Error(`${name}: no rows within the time budget`)); }, timeout);
    });
    tab.click();
    return done;
  }, [tabName, timeoutMs] as const);
}

/** Scrolls the open table to a fraction of its height and returns the ms until no row there is loading. */
function timeJump(page: Page, fraction: number): Promise<number> {
  return page.evaluate(async (f) => {
    const scroller = document.querySelector<HTMLElement>('[role="tabpanel"] .vt-scroll');
    if (!scroller) throw new Error('no table');
    const t = performance.now();
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * f;
    const loaded = () => scroller.querySelector('.vt-loading') === null && scroller.querySelector('.vt-rows > .vt-row') !== null;
    await new Promise<void>((resolve) => {
      const check = () => (loaded() ? resolve() : requestAnimationFrame(check));
      requestAnimationFrame(check);
    });
    return performance.now() - t;
  }, fraction);
}

export const panels: Scenario = {
  name: 'panels on a long run',
  plannedMs: 55_000,
  async run({ browser, log }, budgetMs) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const app = new AppDriver(page, budgetMs);
      await app.open();
      const designId = await harness(page, 'lastOpenedDesignId');
      if (!designId) throw new Error('the app has no open design');
      // As many of the 10,000 commands as this machine can write in 60% of the budget: ~25 rows a
      // command at the bulkPut rate measured here, plus ~5 ms a command for the engine itself.
      const { bulkRowsPerSecond } = await harness(page, 'rawCeiling', 50, 5000);
      const msPerCommand = (ROWS_PER_COMMAND * 1000) / bulkRowsPerSecond + 5;
      const commands = Math.max(200, Math.min(COMMANDS, Math.floor((budgetMs * 0.6) / msPerCommand)));
      log(`  a quiet run of ${fmt(commands)} commands in the app's database (engine on the memory store, writes replayed into IndexedDB)…`);
      const seeded = await harness(page, 'seedAppRun', designId, commands, 7);
      log(`    ${fmt(seeded.traceRows)} trace rows, ${fmt(seeded.writtenRows)} rows written in ${fmt(seeded.seconds, 1)} s`);
      await page.reload();
      await app.enterRunMode();
      const lastStep = await app.steps();

      const raw = await harness(page, 'rawNewestRowsMs', 'efd-simulation', 'trace', designId, 50, 7);
      const rawMs = median(raw);
      const limit = FRAME_MS + 3 * rawMs;
      log('  first page of every panel, 3 times each…');
      const firstPages: Record<string, number> = {};
      for (const tab of TABS) {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) times.push((await timeTab(page, tab, budgetMs)).ms);
        firstPages[tab] = round(median(times), 1);
      }
      log('  the Trace tab, 5 more times…');
      const trace: { ms: number; newestShown: boolean }[] = [];
      for (let i = 0; i < 5; i++) {
        const opened = await timeTab(page, 'Trace', budgetMs);
        trace.push({ ms: round(opened.ms, 1), newestShown: opened.rows.includes(String(lastStep)) });
      }
      const jumps = [];
      for (const fraction of [0.5, 0.23, 0.91]) jumps.push(round(await timeJump(page, fraction), 1));
      const traceMs = median(trace.map((t) => t.ms));
      const newest = trace.every((t) => t.newestShown);
      const worstTab = Object.entries(firstPages).sort((a, b) => b[1] - a[1])[0]!;
      return [
        {
          scenario: `Trace tab first rows, ${fmt(seeded.traceRows)}-row log`,
          ceiling: `raw read of the newest 50 rows ${fmt(rawMs, 2)} ms`,
          app: `${fmt(traceMs, 1)} ms, ${newest ? 'on the newest rows' : 'NOT on the newest rows'}; a jump to the middle ${fmt(median(jumps), 1)} ms`,
          ratio: round(traceMs / rawMs, 1),
          goal: `≤ one frame + 3× raw (${fmt(limit, 1)} ms), newest rows first`,
          met: traceMs <= limit && newest,
          note: `median of 5 openings; a quiet run of ${fmt(commands)} commands (of ${fmt(COMMANDS)} planned; as many as the budget lets this machine write), seeded`,
          figures: { designId, seeded, raw, trace, jumps, lastStep },
        },
        {
          scenario: 'first page of every panel (worst of 8)',
          ceiling: `raw read of 50 rows ${fmt(rawMs, 2)} ms`,
          app: `${worstTab[0]} ${fmt(worstTab[1], 1)} ms`,
          ratio: round(worstTab[1] / rawMs, 1),
          goal: `≤ one frame + 3× raw (${fmt(limit, 1)} ms)`,
          met: worstTab[1] <= limit,
          note: `median of 3 openings each: ${Object.entries(firstPages).map(([tab, ms]) => `${tab} ${fmt(ms, 1)}`).join(', ')} ms`,
          figures: { firstPages },
        },
      ];
    } finally {
      await context.close();
    }
  },
};
