import type { Browser } from '@playwright/test';

/** One line of the bench's table. */
export interface BenchRow {
  scenario: string;
  /** The ceiling measured in the same run, as shown (e.g. "bulkPut 12,271 rows/s"). */
  ceiling: string;
  /** The app's figure, as shown. */
  app: string;
  /** app ÷ ceiling (or as the goal states it), the median over the repeats; null when not measured. */
  ratio: number | null;
  goal: string;
  /** null when it could not be measured (see note). */
  met: boolean | null;
  /** Partial runs, repeats, what else to know. */
  note: string;
  /** Every figure behind the line, for bench-results/*.json. */
  figures: Record<string, unknown>;
}

export interface BenchContext {
  browser: Browser;
  /** Progress, printed as it goes. */
  log(message: string): void;
}

export interface Scenario {
  name: string;
  /** The share of the time budget it plans to use, in ms. */
  plannedMs: number;
  run(context: BenchContext, budgetMs: number): Promise<BenchRow[]>;
}

/** A figure with thousands separators: 12271 → "12,271". */
export const fmt = (value: number, digits = 0) => value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
