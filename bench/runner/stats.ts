/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile (0..1) of some numbers, by the nearest-rank method (NaN for none). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Rounds for display and JSON: at most `digits` decimals. */
export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** One frame at 60 Hz, in milliseconds: the "within one frame" of the goals. */
export const FRAME_MS = 1000 / 60;
