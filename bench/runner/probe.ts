import type { BrowserContext, Page } from '@playwright/test';

/**
 * What the bench observes inside a page, installed before the page's own scripts (`addInitScript`):
 * - `firstNodeVisibleAt`: when the first React Flow node was on screen (React Flow hides a node
 *   until it has measured it), in ms since navigation start, checked every animation frame;
 * - `idbTransactions`: IndexedDB transactions opened so far; `journalWrites`: the read-write ones
 *   over the designs' edit journal (each stores the unsaved document: during a drag, a position);
 * - a drag recorder: for every pointer move, the time until the dragged element's position
 *   changed in the DOM (input → DOM), the DOM updates per second, and the gaps between frames.
 */
export async function installProbe(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const probe = {
      firstNodeVisibleAt: undefined as number | undefined,
      idbTransactions: 0,
      journalWrites: 0,
      drag: undefined as undefined | {
        inputs: number[]; latencies: number[]; updates: number; gaps: number[]; started: number; stop(): void;
      },
    };
    (window as unknown as { __probe: typeof probe }).__probe = probe;

    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function transaction(this: IDBDatabase, ...args: Parameters<typeof open>) {
      probe.idbTransactions++;
      const [stores, mode] = args;
      if (mode === 'readwrite' && (stores === 'journal' || (Array.isArray(stores) && stores.includes('journal')))) probe.journalWrites++;
      return open.apply(this, args);
    } as typeof open;

    const lookForNode = () => {
      const node = document.querySelector('.react-flow__node');
      if (node && getComputedStyle(node).visibility === 'visible' && node.getBoundingClientRect().width > 0) {
        probe.firstNodeVisibleAt = performance.now();
        return;
      }
      requestAnimationFrame(lookForNode);
    };
    requestAnimationFrame(lookForNode);

    (window as unknown as { __startDrag(selector: string): void }).__startDrag = (selector: string) => {
      const target = document.querySelector<HTMLElement>(selector);
      if (!target) throw new Error(`no element ${selector}`);
      const state = { inputs: [] as number[], latencies: [] as number[], updates: 0, gaps: [] as number[], started: performance.now(), stop: () => {} };
      let lastTransform = target.style.transform;
      const onMove = (event: PointerEvent) => { state.inputs.push(event.timeStamp); };
      window.addEventListener('pointermove', onMove, { capture: true, passive: true });
      const observer = new MutationObserver(() => {
        if (target.style.transform === lastTransform) return;
        lastTransform = target.style.transform;
        const now = performance.now();
        state.updates++;
        for (const input of state.inputs) state.latencies.push(now - input);
        state.inputs = [];
      });
      observer.observe(target, { attributes: true, attributeFilter: ['style'] });
      let running = true;
      let last = performance.now();
      const frame = (t: number) => {
        if (!running) return;
        state.gaps.push(t - last);
        last = t;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame((t) => { last = t; requestAnimationFrame(frame); });
      state.stop = () => {
        running = false;
        observer.disconnect();
        window.removeEventListener('pointermove', onMove, { capture: true });
      };
      probe.drag = state;
    };
  });
}

export interface DragRecord {
  seconds: number;
  updates: number;
  latencies: number[];
  gaps: number[];
}

/** Stops the drag recorder and returns what it saw. */
export function stopDrag(page: Page): Promise<DragRecord> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe: { drag?: { latencies: number[]; updates: number; gaps: number[]; started: number; stop(): void } } }).__probe;
    const drag = probe.drag;
    if (!drag) throw new Error('no drag recorded');
    drag.stop();
    return { seconds: (performance.now() - drag.started) / 1000, updates: drag.updates, latencies: drag.latencies, gaps: drag.gaps };
  });
}

/** Milliseconds from navigation start to the first React Flow node on screen (waits for it). */
export async function firstNodeVisibleMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __probe: { firstNodeVisibleAt?: number } }).__probe.firstNodeVisibleAt, undefined, { timeout: 0, polling: 100 });
  return (await handle.jsonValue()) as number;
}

/** Milliseconds from navigation start to the first contentful paint (waits for it). */
export async function firstContentfulPaintMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, undefined, { timeout: 0, polling: 50 });
  return (await handle.jsonValue()) as number;
}

/** Read-write IndexedDB transactions over the edit journal this page has opened so far. */
export function journalWrites(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __probe: { journalWrites: number } }).__probe.journalWrites);
}

/** IndexedDB transactions this page has opened so far. */
export function idbTransactions(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __probe: { idbTransactions: number } }).__probe.idbTransactions);
}
