/**
 * JSON text of anything IndexedDB can hold (structured clones): cycles, `undefined`, BigInt, Dates,
 * Maps, Sets, typed arrays and Blobs become readable placeholders instead of an exception, so a
 * damaged row can always be downloaded as it is.
 */
export function toRawJson(value: unknown): string {
  const seen = new WeakSet<object>();
  const convert = (v: unknown): unknown => {
    if (v === undefined) return { $undefined: true };
    if (typeof v === 'bigint') return { $bigint: v.toString() };
    if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) };
    if (typeof v === 'function' || typeof v === 'symbol') return { $unsupported: typeof v };
    if (typeof v !== 'object' || v === null) return v;
    if (seen.has(v)) return { $cycle: true };
    seen.add(v);
    try {
      if (v instanceof Date) return { $date: Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString() };
      if (v instanceof Map) return { $map: [...v.entries()].map(([k, x]) => [convert(k), convert(x)]) };
      if (v instanceof Set) return { $set: [...v].map(convert) };
      if (ArrayBuffer.isView(v)) return { $bytes: v.byteLength };
      if (v instanceof ArrayBuffer) return { $bytes: v.byteLength };
      if (typeof Blob !== 'undefined' && v instanceof Blob) return { $blob: v.size };
      if (Array.isArray(v)) return v.map(convert);
      // Own keys only, written as own properties: a stored "__proto__" key stays a key.
      const out = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(v)) {
        Object.defineProperty(out, key, { value: convert(Object.getOwnPropertyDescriptor(v, key)?.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return `${JSON.stringify(convert(value), null, 2)}\n`;
}
