/** A fresh design id: random where the browser offers it, else time plus a random suffix. */
export function newDesignId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return `design-${crypto.randomUUID()}`;
  return `design-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** `base`, or `base 2`, `base 3`… so two designs never share a name in the list. */
export function uniqueDesignName(taken: readonly string[], base: string): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}
