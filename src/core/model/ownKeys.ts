/**
 * Records keyed by names a user chose. Any string is a name: `__proto__`, `constructor` and
 * `toString` must behave like `videoId`. A plain `{}` does not: `obj['__proto__'] = v` changes its
 * prototype instead of adding a key, and `obj['constructor']` reads `Object` when the key is absent.
 * Use a `Map` in code; where the data must stay a plain JSON object (payloads, rows, JSON Schema
 * `properties`), read and write it through these helpers. All pure.
 */

/** An empty record without a prototype: every key is an own, plain key. */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** A prototype-free record from entries (later entries win). */
export function recordFrom<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out = emptyRecord<V>();
  for (const [key, value] of entries) setOwn(out, key, value);
  return out;
}

/** The value of an own key, or undefined (never an inherited `constructor` or `toString`). */
export function getOwn<V>(record: Readonly<Record<string, V>> | null | undefined, key: string): V | undefined {
  // Guarded by Object.hasOwn: the lint rule knows this read is of an own key.
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether `key` is an own key of `record`. */
export function hasOwn(record: object | null | undefined, key: string): boolean {
  return record != null && Object.hasOwn(record, key);
}

/**
 * Sets an own, enumerable key, even `__proto__`, on any object (a `{}` included) without touching
 * its prototype. Mutates `record`; returns it.
 */
export function setOwn<V>(record: Record<string, V>, key: string, value: V): Record<string, V> {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  return record;
}

/** A copy of `record` with `key` set (the copy keeps `record`'s own keys only). */
export function withOwn<V>(record: Readonly<Record<string, V>> | undefined, key: string, value: V): Record<string, V> {
  const out = recordFrom(record ? Object.entries(record) : []);
  return setOwn(out, key, value);
}

/** A copy of `record` without `key`. */
export function withoutOwn<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  return recordFrom(Object.entries(record).filter(([k]) => k !== key));
}

/** The value of an own key; when there is none, `make()` is stored under the key and returned. Mutates `record`. */
export function getOrInsertOwn<V>(record: Record<string, V>, key: string, make: () => V): V {
  if (Object.hasOwn(record, key)) return getOwn(record, key) as V;
  const value = make();
  setOwn(record, key, value);
  return value;
}
