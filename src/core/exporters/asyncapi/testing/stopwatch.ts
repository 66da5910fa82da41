import { performance } from 'node:perf_hooks';

/** Test support: milliseconds spent in `work` (for figures a test prints, never asserts). */
export function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}
