// The canvas and the first visit: JavaScript shipped, cold first paint, opening 1,000 nodes, dragging.
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { makeLargeFlow } from '../../src/core/testing';
import { AppDriver } from './appDriver';
import { firstContentfulPaintMs, firstNodeVisibleMs, installProbe, journalWrites, stopDrag } from './probe';
import { median, quantile, round } from './stats';
import { fmt, type Scenario } from './types';

const LARGE = { nodes: 1000, seed: 11 };
const JS_BUDGET_BYTES = 200_000;
const kB = (bytes: number) => `${fmt(bytes / 1000, 1)} kB`;

/** JavaScript (gzip, level 9) a fresh browser loads for a page until it shows a node and the network is idle. */
async function firstVisitScripts(browser: Browser, path: string, timeoutMs: number) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bodies = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.set(new URL(response.url()).pathname, response.body());
    });
    await gotoPage(page, path);
    await page.locator('.react-flow__node').first().waitFor({ timeout: timeoutMs });
    await page.waitForLoadState('networkidle', { timeout: timeoutMs });
    const files = await Promise.all([...bodies].map(async ([file, body]) => ({ file, gzip: gzipSync(await body, { level: 9 }).length })));
    return { bytes: files.reduce((sum, f) => sum + f.gzip, 0), files };
  } finally {
    await context.close();
  }
}

export const firstVisitJs: Scenario = {
  name: 'JS on the first visit',
  plannedMs: 8_000,
  async run({ browser, log }, budgetMs) {
    log('  React + React Flow + Dexie alone (bench/baseline.html)…');
    const ceiling = await firstVisitScripts(browser, '/bench/baseline.html', budgetMs);
    log('  the app, first visit…');
    const app = await firstVisitScripts(browser, '/', budgetMs);
    return [{
      scenario: 'JS on the first visit (gzip)',
      ceiling: `React + React Flow + Dexie alone: ${kB(ceiling.bytes)}`,
      app: `${kB(app.bytes)} in ${app.files.length} files`,
      ratio: round(app.bytes / ceiling.bytes, 2),
      goal: '≤ 200 kB',
      met: app.bytes <= JS_BUDGET_BYTES,
      note: 'bytes, not time: one measurement',
      figures: { ceiling, app },
    }];
  },
};

/** First contentful paint of a page in a fresh browser context (cold cache, empty IndexedDB). */
async function coldPaint(browser: Browser, path: string, timeoutMs: number): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await gotoPage(page, path);
    return await withTimeout(firstContentfulPaintMs(page), timeoutMs, `first paint of ${path}`);
  } finally {
    await context.close();
  }
}

export const coldFirstPaint: Scenario = {
  name: 'cold load, first paint',
  plannedMs: 12_000,
  async run({ browser, log }, budgetMs) {
    const end = Date.now() + budgetMs;
    const rounds: { ceiling: number; app: number }[] = [];
    // Unmeasured: right after a build the first load of each page reads the server's files from disk
    // (1.61 against 1.24 a minute later on one build). Each measured load is still a fresh browser
    // context: nothing in the HTTP cache, IndexedDB empty.
    log('  warm-up (not measured): each page once, so both are served from memory…');
    await coldPaint(browser, '/bench/blank.html', budgetMs);
    await coldPaint(browser, '/', budgetMs);
    while (rounds.length < 3 && (rounds.length === 0 || Date.now() < end)) {
      log(`  round ${rounds.length + 1}: blank Vite + React page, then the app…`);
      const ceiling = await coldPaint(browser, '/bench/blank.html', budgetMs);
      const app = await coldPaint(browser, '/', budgetMs);
      rounds.push({ ceiling: round(ceiling), app: round(app) });
    }
    const ratio = median(rounds.map((r) => r.app / r.ceiling));
    return [{
      scenario: 'cold load, first paint',
      ceiling: `blank Vite + React page ${fmt(median(rounds.map((r) => r.ceiling)))} ms`,
      app: `${fmt(median(rounds.map((r) => r.app)))} ms`,
      ratio: round(ratio, 2),
      goal: '≤ 1.5',
      met: ratio <= 1.5,
      note: repeats(rounds.length),
      figures: { rounds },
    }];
  },
};

/** Loads a page in the context and returns the ms from navigation start to its first node on screen. */
async function openAndTime(context: BrowserContext, path: string, timeoutMs: number) {
  const page = await context.newPage();
  await gotoPage(page, path);
  const ms = await withTimeout(firstNodeVisibleMs(page), timeoutMs, `first node of ${path}`);
  await expectShows(page, LARGE_NAME, timeoutMs);
  await page.close();
  return ms;
}

const LARGE_NAME = makeLargeFlow(LARGE).name;

/** The page shows the design it was meant to: the app by its name, the plain React Flow page by its node count. */
async function expectShows(page: Page, designName: string, timeoutMs: number): Promise<void> {
  if (page.url().includes('/bench/')) {
    const count = await page.locator('.react-flow__node').count();
    if (count !== LARGE.nodes) throw new Error(`${page.url()} shows ${count} nodes, expected ${LARGE.nodes}`);
    return;
  }
  const name = await new AppDriver(page, timeoutMs).designName.inputValue({ timeout: timeoutMs });
  if (name !== designName) throw new Error(`the app opened "${name}", expected "${designName}"`);
}

export const open1000: Scenario = {
  name: 'open a 1,000-node design',
  plannedMs: 35_000,
  async run({ browser, log }, budgetMs) {
    const end = Date.now() + budgetMs;
    log('  importing the generated 1,000-node design into the app (Open…)…');
    const context = await contextWithDesign(browser, JSON.stringify(makeLargeFlow(LARGE)), budgetMs);
    try {
      const plain = `/bench/reactflow.html?nodes=${LARGE.nodes}&seed=${LARGE.seed}`;
      log('  warming the HTTP cache of both pages…');
      await openAndTime(context, plain, budgetMs);
      await openAndTime(context, '/', budgetMs);
      const rounds: { ceiling: number; app: number }[] = [];
      while (rounds.length < 3 && (rounds.length === 0 || Date.now() < end)) {
        log(`  round ${rounds.length + 1}: plain React Flow, then the app…`);
        const ceiling = await openAndTime(context, plain, budgetMs);
        const app = await openAndTime(context, '/', budgetMs);
        rounds.push({ ceiling: round(ceiling), app: round(app) });
      }
      const ratio = median(rounds.map((r) => r.app / r.ceiling));
      return [{
        scenario: 'open a 1,000-node design, first node visible',
        ceiling: `plain React Flow ${fmt(median(rounds.map((r) => r.ceiling)))} ms`,
        app: `${fmt(median(rounds.map((r) => r.app)))} ms`,
        ratio: round(ratio, 2),
        goal: '≤ 1.5',
        met: ratio <= 1.5,
        note: `${repeats(rounds.length)}; warm HTTP cache for both`,
        figures: { rounds },
      }];
    } finally {
      await context.close();
    }
  },
};

interface DragFigures {
  frameGapP95: number;
  latencyP50: number;
  latencyP95: number;
  movesPerSecond: number;
  inputsPerSecond: number;
  /** Edit-journal writes per second while dragging (each stores the position then on screen). */
  journalledPerSecond: number;
}

/** Drags the node nearest the middle of the canvas in circles for `ms`, with the real mouse. */
async function dragFor(page: Page, ms: number): Promise<DragFigures> {
  const target = await page.evaluate(() => {
    const middle = { x: innerWidth / 2, y: innerHeight / 2 };
    let best: { id: string; x: number; y: number; d: number } | undefined;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(10, r.height / 2);
      const d = Math.hypot(x - middle.x, y - middle.y);
      if (r.width > 0 && (!best || d < best.d)) best = { id: el.dataset.id ?? '', x, y, d };
    }
    if (!best) return undefined;
    // The node the mouse grabs at that point is the topmost one there (an earlier round's drag may
    // have left another node over this one): that is the node to watch.
    const grabbed = document.elementFromPoint(best.x, best.y)?.closest<HTMLElement>('.react-flow__node');
    return grabbed?.dataset.id ? { ...best, id: grabbed.dataset.id } : best;
  });
  if (!target) throw new Error('no node to drag');
  const mouse = page.mouse;
  await mouse.move(target.x, target.y);
  await mouse.down();
  await mouse.move(target.x + 5, target.y + 5);
  await page.evaluate((id) => (window as unknown as { __startDrag(s: string): void }).__startDrag(`.react-flow__node[data-id="${CSS.escape(id)}"]`), target.id);
  const journalledBefore = await journalWrites(page);
  const start = Date.now();
  let inputs = 0;
  while (Date.now() - start < ms) {
    const angle = inputs / 8;
    await mouse.move(target.x + 5 + 40 * Math.cos(angle), target.y + 5 + 40 * Math.sin(angle));
    inputs++;
  }
  const record = await stopDrag(page);
  const journalled = (await journalWrites(page)) - journalledBefore;
  await mouse.up();
  if (record.updates === 0) throw new Error(`the watched node "${target.id}" never moved while the mouse dragged at (${Math.round(target.x)}, ${Math.round(target.y)})`);
  return {
    frameGapP95: round(quantile(record.gaps.slice(1), 0.95)),
    latencyP50: round(quantile(record.latencies, 0.5)),
    latencyP95: round(quantile(record.latencies, 0.95)),
    movesPerSecond: Math.round(record.updates / record.seconds),
    inputsPerSecond: Math.round(inputs / record.seconds),
    journalledPerSecond: Math.round(journalled / record.seconds),
  };
}

async function dragOn(context: BrowserContext, path: string, designName: string, ms: number, timeoutMs: number) {
  const page = await context.newPage();
  try {
    await gotoPage(page, path);
    await withTimeout(firstNodeVisibleMs(page), timeoutMs, `first node of ${path}`);
    await page.waitForLoadState('networkidle', { timeout: timeoutMs });
    await expectShows(page, designName, timeoutMs);
    await viewportStill(page, timeoutMs);
    return await dragFor(page, ms);
  } finally {
    await page.close();
  }
}

/** A browser context with the probe whose app opens `doc` (imported through Open…, so the last opened design). */
async function contextWithDesign(browser: Browser, json: string, timeoutMs: number) {
  const context = await browser.newContext();
  await installProbe(context);
  const page = await context.newPage();
  const app = new AppDriver(page, timeoutMs);
  await app.open();
  await app.importDesign(json);
  await page.close();
  return context;
}

export const drag1000: Scenario = {
  name: 'drag on 1,000 nodes',
  plannedMs: 70_000,
  async run({ browser, log }, budgetMs) {
    const end = Date.now() + budgetMs;
    log('  importing the 1,000-node and the 3-node designs (Open…)…');
    const large = await contextWithDesign(browser, JSON.stringify(makeLargeFlow(LARGE)), budgetMs);
    const small = await contextWithDesign(browser, JSON.stringify(makeLargeFlow({ nodes: 3, seed: 11 })), budgetMs);
    try {
      const dragMs = Math.max(1500, Math.min(3000, budgetMs / 12));
      const rounds: { ceiling: DragFigures; app: DragFigures; app3: DragFigures }[] = [];
      while (rounds.length < 3 && (rounds.length === 0 || Date.now() + 3 * dragMs + 15_000 < end)) {
        log(`  round ${rounds.length + 1}: plain React Flow on 1,000 nodes, the app on 1,000 nodes, the app on 3 nodes (${fmt(dragMs / 1000, 1)} s each)…`);
        const ceiling = await dragOn(large, `/bench/reactflow.html?nodes=${LARGE.nodes}&seed=${LARGE.seed}`, LARGE_NAME, dragMs, budgetMs);
        const app = await dragOn(large, '/', LARGE_NAME, dragMs, budgetMs);
        const app3 = await dragOn(small, '/', SMALL_NAME, dragMs, budgetMs);
        rounds.push({ ceiling, app, app3 });
      }
      const m = (pick: (f: DragFigures) => number, which: 'ceiling' | 'app' | 'app3') => median(rounds.map((r) => pick(r[which])));
      const gap = (f: DragFigures) => f.frameGapP95;
      const latency = (f: DragFigures) => f.latencyP95;
      const moves = (f: DragFigures) => f.movesPerSecond;
      const gapRatio = median(rounds.map((r) => r.app.frameGapP95 / r.app3.frameGapP95));
      const latencyRatio = median(rounds.map((r) => r.app.latencyP95 / r.app3.latencyP95));
      const movesRatio = median(rounds.map((r) => r.app3.movesPerSecond / r.app.movesPerSecond));
      const journalled = (f: DragFigures) => f.journalledPerSecond;
      const journalledRatio = median(rounds.map((r) => r.app.journalledPerSecond / Math.max(1, r.app.movesPerSecond)));
      const note = `${repeats(rounds.length)}; ratio = the app on 1,000 nodes ÷ the app on 3 nodes`;
      return [
        {
          scenario: 'drag on 1,000 nodes: frame gap p95',
          ceiling: `plain React Flow ${fmt(m(gap, 'ceiling'), 1)} ms`,
          app: `${fmt(m(gap, 'app'), 1)} ms (3 nodes: ${fmt(m(gap, 'app3'), 1)} ms)`,
          ratio: round(gapRatio, 2), goal: '≤ 1.2 × the app on 3 nodes', met: gapRatio <= 1.2, note, figures: { dragMs, rounds },
        },
        {
          scenario: 'drag on 1,000 nodes: input → DOM p95',
          ceiling: `plain React Flow ${fmt(m(latency, 'ceiling'), 1)} ms`,
          app: `${fmt(m(latency, 'app'), 1)} ms (3 nodes: ${fmt(m(latency, 'app3'), 1)} ms)`,
          ratio: round(latencyRatio, 2), goal: '≤ 1.2 × the app on 3 nodes', met: latencyRatio <= 1.2, note, figures: {},
        },
        {
          scenario: 'drag on 1,000 nodes: moves shown per second',
          ceiling: `plain React Flow ${fmt(m(moves, 'ceiling'))}/s`,
          app: `${fmt(m(moves, 'app'))}/s (3 nodes: ${fmt(m(moves, 'app3'))}/s)`,
          ratio: round(movesRatio, 2), goal: '≤ 1.2 (3-node rate ÷ 1,000-node rate)', met: movesRatio <= 1.2,
          note: `${repeats(rounds.length)}; rAF is capped at 60 Hz in headless Chromium: moves/s and input → DOM are measured besides frame gaps`,
          figures: {},
        },
        {
          scenario: 'drag on 1,000 nodes: positions journalled per second',
          ceiling: `moves shown ${fmt(m(moves, 'app'))}/s`,
          app: `${fmt(m(journalled, 'app'))}/s (3 nodes: ${fmt(m(journalled, 'app3'))}/s of ${fmt(m(moves, 'app3'))}/s shown)`,
          ratio: round(journalledRatio, 2), goal: '≥ 0.5 (journalled ÷ shown: a kill loses at most the moves of one write)', met: journalledRatio >= 0.5,
          note: `${repeats(rounds.length)}; a small IndexedDB row of the moved positions per write (the whole document at the drag's start and end), one in flight at a time (the newest position waits, older ones are dropped)`,
          figures: {},
        },
      ];
    } finally {
      await large.close();
      await small.close();
    }
  },
};

const SMALL_NAME = makeLargeFlow({ nodes: 3, seed: 11 }).name;

/** Waits until the canvas viewport (fit view is animated) stays where it is for a few frames. */
async function viewportStill(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => {
    const w = window as unknown as { __still?: { last: string | null; frames: number } };
    const now = document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? null;
    const state = w.__still ?? { last: null, frames: 0 };
    state.frames = now === state.last ? state.frames + 1 : 0;
    state.last = now;
    w.__still = state;
    return state.frames >= 5;
  }, undefined, { polling: 'raf', timeout: timeoutMs });
}

/** Opens a page; a bench page that is missing (the preview would serve the app instead) is an error. */
async function gotoPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  if (path.startsWith('/bench/') && (await page.title()).startsWith('Event Flow Designer')) {
    throw new Error(`${path} is missing from the build: run \`npm run bench\` (it builds the bench pages after the app)`);
  }
}

export function repeats(n: number): string {
  return n >= 3 ? 'median of 3 rounds' : `${n} round${n === 1 ? '' : 's'} in the time budget (3 planned)`;
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: not within the bench's time budget`)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

