/**
 * Paths into JSON values: JSON Pointers (RFC 6901). `''` is the whole value, `/customer/name` a
 * nested property, `/lines/0` an array item. Inside a key `~` is written `~0` and `/` is `~1`, so
 * every key has exactly one spelling: `a.b` is `/a.b`, `a/b` is `/a~1b`, `__proto__` is
 * `/__proto__`, the empty key is `/`. All pure; nothing here mutates its input.
 */
import { getOwn, hasOwn, setOwn } from '../ownKeys';
import type { JsonValue } from '../types';
import { pointerSegment, unescapePointerSegment } from '../validation/problems';

/** The path of the whole value. */
export const ROOT_PATH = '';

/** Whether `path` is a JSON Pointer (empty, or `/`-separated segments with only `~0` / `~1` escapes). */
export function isValidPath(path: string): boolean {
  return path === '' || (path.startsWith('/') && !/~[^01]|~$/.test(path));
}

/** The unescaped segments of a path (`/a~1b/c` → `['a/b', 'c']`); undefined for a string that is no pointer. */
export function pathSegments(path: string): string[] | undefined {
  if (!isValidPath(path)) return undefined;
  return path === '' ? [] : path.slice(1).split('/').map(unescapePointerSegment);
}

/** The path of these keys: `pathOf(['a/b', 'c'])` → `/a~1b/c`. */
export function pathOf(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}

/** The path one key deeper: `childPath('/customer', 'name')` → `/customer/name`. */
export function childPath(path: string, key: string | number): string {
  return `${path}/${pointerSegment(key)}`;
}

/** The path of the parent (`/a/b` → `/a`); undefined for the root. */
export function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  return path.slice(0, path.lastIndexOf('/'));
}

/** The last key of a path, unescaped (`/a/b~1c` → `b/c`); undefined for the root. */
export function lastSegment(path: string): string | undefined {
  if (path === '') return undefined;
  return unescapePointerSegment(path.slice(path.lastIndexOf('/') + 1));
}

/** Whether `path` is `prefix` or lies under it (`/a/b` is under `/a`, `/ab` is not). */
export function isSameOrUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** `path` with its leading `from` replaced by `to`, when it starts with `from`; else `path` unchanged. */
export function rebasePath(path: string, from: string, to: string): string {
  return isSameOrUnder(path, from) ? `${to}${path.slice(from.length)}` : path;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * A path as people read it: `customer.name`, `lines.0.price`; `(whole value)` for the root. Keys
 * that a dotted name would make ambiguous (dots, slashes, spaces, empty) are shown as the pointer
 * itself, so two different paths never read the same.
 */
export function pathLabel(path: string): string {
  const segments = pathSegments(path);
  if (!segments) return path;
  if (segments.length === 0) return '(whole value)';
  return segments.every((s) => PLAIN_KEY.test(s) || /^(0|[1-9]\d*)$/.test(s)) ? segments.join('.') : path;
}

const isRecordValue = (value: JsonValue | undefined): value is { [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ARRAY_INDEX = /^(0|[1-9]\d*)$/;

/** The value at `path`, or undefined when the path leads nowhere (never an inherited `constructor`). */
export function valueAtPath(value: JsonValue | undefined, path: string): JsonValue | undefined {
  const segments = pathSegments(path);
  if (!segments) return undefined;
  let current: JsonValue | undefined = value;
  for (const segment of segments) {
    if (Array.isArray(current)) current = ARRAY_INDEX.test(segment) ? current[Number(segment)] : undefined;
    else if (isRecordValue(current)) current = getOwn(current, segment);
    else return undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** A shallow copy of an object value whose every key is an own, plain key (a `__proto__` key included). */
function copyRecord(value: { [key: string]: JsonValue }): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) setOwn(out, key, value[key] as JsonValue);
  return out;
}

/**
 * `root` with `value` set at `path`: missing objects on the way are created, arrays are indexed
 * by number (a gap is filled with null). Setting the root path returns `value`. Returns `root`
 * unchanged when a segment crosses a scalar or indexes an array with a key that is no number.
 */
export function withValueAtPath(root: JsonValue | undefined, path: string, value: JsonValue): JsonValue | undefined {
  const segments = pathSegments(path);
  if (!segments) return root;
  const set = (current: JsonValue | undefined, depth: number): JsonValue | undefined => {
    if (depth === segments.length) return value;
    const segment = segments[depth]!;
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(segment)) return undefined;
      const index = Number(segment);
      const child = set(current[index], depth + 1);
      if (child === undefined) return undefined;
      const next = [...current];
      while (next.length < index) next.push(null);
      next[index] = child;
      return next;
    }
    if (current !== undefined && !isRecordValue(current)) return undefined;
    const record = current ?? {};
    const child = set(hasOwn(record, segment) ? record[segment] : undefined, depth + 1);
    if (child === undefined) return undefined;
    return setOwn(copyRecord(record), segment, child);
  };
  const result = set(root, 0);
  return result === undefined ? root : result;
}
