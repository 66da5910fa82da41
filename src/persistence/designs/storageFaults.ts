/**
 * What went wrong with the browser's storage, in the terms the app acts on:
 * - `quota`: the disk (or the origin's quota) is full: saving stops, reading and export go on;
 * - `closed`: the database went away under the page (deleted by the browser, another tab or the
 *   developer tools);
 * - `upgrade`: the database could not be opened at this app's version (written by another version,
 *   or its upgrade failed);
 * - `unavailable`: IndexedDB cannot be used at all (some private modes);
 * - `other`: anything else (kept as a message).
 */
export type StorageFaultKind = 'quota' | 'closed' | 'upgrade' | 'unavailable' | 'other';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The error and its causes (Dexie wraps IndexedDB's errors in `inner`). */
function chain(error: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isObject(current); depth++) {
    out.push(current);
    current = current.inner ?? current.cause;
  }
  return out;
}

const nameOf = (e: Record<string, unknown>) => (typeof e.name === 'string' ? e.name : '');
const messageOf = (e: Record<string, unknown>) => (typeof e.message === 'string' ? e.message : '');

/** Classifies an error from IndexedDB or Dexie. */
export function classifyStorageError(error: unknown): StorageFaultKind {
  const errors = chain(error);
  const names = errors.map(nameOf);
  const text = errors.map(messageOf).join(' ').toLowerCase();
  if (names.includes('QuotaExceededError') || text.includes('quota')) return 'quota';
  if (names.some((n) => n === 'UpgradeError' || n === 'VersionError' || n === 'SchemaError')) return 'upgrade';
  if (names.some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError')) return 'closed';
  if (names.some((n) => n === 'MissingAPIError' || n === 'SecurityError')) return 'unavailable';
  return 'other';
}

/** The error's own words, for the screen that explains what happened. */
export function storageErrorText(error: unknown): string {
  const errors = chain(error);
  const parts = errors.map((e) => [nameOf(e), messageOf(e)].filter(Boolean).join(': ')).filter(Boolean);
  const unique = parts.filter((p, i) => parts.findIndex((q) => q.includes(p) || p.includes(q)) === i);
  return unique.join(' — ') || String(error);
}

/** How full the origin's storage is, when the browser says. */
export interface StorageUsage {
  usage: number;
  quota: number;
}

/** The origin's usage and quota (navigator.storage.estimate), or undefined when unknown. */
export async function estimateStorage(): Promise<StorageUsage | undefined> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (!estimate || typeof estimate.usage !== 'number' || typeof estimate.quota !== 'number') return undefined;
    return { usage: estimate.usage, quota: estimate.quota };
  } catch {
    return undefined;
  }
}
