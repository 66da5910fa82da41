// `npm run bench`: every scenario of issue 11 beside its ceiling measured in the same run, on the
// production build, within one time budget (BENCH_BUDGET_S, default 540 s) whatever the machine's
// load: a scenario that runs out of time stops and says how far it got. Prints progress, then one
// table (scenario, ceiling, app, ratio, goal, met) and writes bench-results/*.json. Asserts no time.
import { test } from '@playwright/test';
import { Budget } from './runner/budget';
import { coldFirstPaint, drag1000, firstVisitJs, open1000 } from './runner/pageScenarios';
import { runUntilQuiet, singleStep, stepClick, uiRun } from './runner/engineScenarios';
import { panels } from './runner/panelScenarios';
import { machine, markdownTable, writeResults } from './runner/report';
import type { BenchRow, Scenario } from './runner/types';

const SCENARIOS: Scenario[] = [firstVisitJs, coldFirstPaint, open1000, drag1000, singleStep, stepClick, runUntilQuiet, uiRun, panels];
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim().toLowerCase());
const selected = only ? SCENARIOS.filter((s) => only.some((o) => s.name.toLowerCase().includes(o))) : SCENARIOS;

test('the bench: each scenario beside its ceiling', async ({ browser }) => {
  test.setTimeout(0);
  const totalMs = Number(process.env.BENCH_BUDGET_S ?? 540) * 1000;
  const planned = selected.reduce((sum, s) => sum + s.plannedMs, 0);
  const budget = new Budget(totalMs, planned);
  const started = Date.now();
  const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);
  log(`bench: ${selected.length} scenarios in ${totalMs / 1000} s on ${machine(browser.version()).cpus} CPUs (load ${machine(browser.version()).loadAverage1m})`);

  const rows: BenchRow[] = [];
  for (const scenario of selected) {
    const share = budget.take(scenario.plannedMs);
    log(`▶ ${scenario.name} (up to ${(share / 1000).toFixed(0)} s)`);
    const t = Date.now();
    try {
      const result = await scenario.run({ browser, log }, Math.max(share, 1000));
      rows.push(...result);
      for (const row of result) log(`  = ${row.scenario}: ${row.app} vs ${row.ceiling} → ratio ${row.ratio} (${row.goal}: ${row.met ? 'met' : 'NOT met'})`);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`  ✗ ${scenario.name}: ${message}`);
      rows.push({ scenario: scenario.name, ceiling: '—', app: '—', ratio: null, goal: '—', met: null, note: `not measured: ${message}`, figures: {} });
    }
    log(`  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }

  const table = markdownTable(rows);
  const file = writeResults({
    machine: machine(browser.version()),
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    budgetSeconds: totalMs / 1000,
    table,
    rows,
  });
  console.log(`\n${table}\n\n(${file}, ${Math.round((Date.now() - started) / 1000)} s)`);
});
