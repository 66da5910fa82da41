import type { Page } from '@playwright/test';
import type { EfdBench } from '../harness/engine';

/**
 * Calls `window.efdBench[method]` (bench/harness/engine.ts) in a page: the bench's engine page, or
 * the app's own page, into which the harness is imported first (same origin, same IndexedDB).
 */
export function harness<K extends keyof EfdBench>(page: Page, method: K, ...args: Parameters<EfdBench[K]>): Promise<Awaited<ReturnType<EfdBench[K]>>> {
  return page.evaluate(async ([name, values]) => {
    const w = window as unknown as { efdBench?: Record<string, (...a: unknown[]) => Promise<unknown>> };
    const url = '/bench/assets/engine.js';
    if (!w.efdBench) await import(/* @vite-ignore */ url);
    return w.efdBench![name]!(...values);
  }, [method, args] as [string, unknown[]]) as Promise<Awaited<ReturnType<EfdBench[K]>>>;
}
