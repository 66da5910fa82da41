import { getOwn } from '../ownKeys';
import { pointerSegment, unescapePointerSegment } from '../validation/problems';

/** One reason a document cannot be restored, at a JSON pointer. */
export interface RestoreError {
  path: string;
  message: string;
}

/** Checks one value at a path, recording errors on the checker. */
export type Check = (c: ShapeChecker, value: unknown, path: string) => void;

/** Describes a JSON value for a message: `the text "3"`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number': return `the number ${value}`;
    case 'boolean': return `${value}`;
    case 'object': return 'an object';
    default: return 'nothing';
  }
}

const lastSegment = (path: string) => unescapePointerSegment(path.slice(path.lastIndexOf('/') + 1)) || 'the document';

/** Records structural errors with JSON pointers while checks walk unknown input. Never throws. */
export class ShapeChecker {
  readonly errors: RestoreError[] = [];

  fail(path: string, expected: string, value: unknown): void {
    this.errors.push({ path, message: `${lastSegment(path)}: expected ${expected}, found ${describeValue(value)}` });
  }

  /** The value as an object, or undefined (with an error) when it is not one. */
  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, 'an object', value);
    return undefined;
  }

  /** Checks `obj[key]`; a missing required property is an error of its own. */
  prop(obj: Record<string, unknown>, path: string, key: string, check: Check, optional = false): void {
    const at = `${path}/${pointerSegment(key)}`;
    const value = getOwn(obj, key);
    if (value === undefined) {
      if (!optional) this.errors.push({ path: at, message: `${key}: missing` });
      return;
    }
    check(this, value, at);
  }
}

export const text: Check = (c, v, p) => { if (typeof v !== 'string') c.fail(p, 'text', v); };
export const bool: Check = (c, v, p) => { if (typeof v !== 'boolean') c.fail(p, 'true or false', v); };
export const finiteNumber: Check = (c, v, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) c.fail(p, 'a number', v);
};
export const integer: Check = (c, v, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) c.fail(p, 'a whole number', v);
};
export const literal: Check = (c, v, p) => {
  if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) c.fail(p, 'text, a number, true/false or null', v);
};

/** One of a fixed set of strings. */
export function oneOf(values: readonly string[]): Check {
  return (c, v, p) => {
    if (typeof v !== 'string' || !values.includes(v)) c.fail(p, `one of ${values.map((x) => `'${x}'`).join(', ')}`, v);
  };
}

/** Exactly this string. */
export function exactly(expected: string): Check {
  return (c, v, p) => { if (v !== expected) c.fail(p, `'${expected}'`, v); };
}

/** A list whose every item passes `item`. */
export function listOf(item: Check): Check {
  return (c, v, p) => {
    if (!Array.isArray(v)) return c.fail(p, 'a list', v);
    v.forEach((entry, index) => item(c, entry, `${p}/${index}`));
  };
}

/** An object whose every value passes `item`. */
export function recordOf(item: Check): Check {
  return (c, v, p) => {
    const obj = c.object(v, p);
    if (obj) for (const [key, entry] of Object.entries(obj)) item(c, entry, `${p}/${pointerSegment(key)}`);
  };
}

/** An object with these properties (`?` suffix: optional). Unknown properties are left alone. */
export function shape(props: Record<string, Check>): Check {
  return (c, v, p) => {
    const obj = c.object(v, p);
    if (!obj) return;
    for (const [key, check] of Object.entries(props)) {
      const optional = key.endsWith('?');
      c.prop(obj, p, optional ? key.slice(0, -1) : key, check, optional);
    }
  };
}

/** A tagged union: the tag picks which shape applies; an unknown tag is an error. */
export function tagged(tag: string, variants: Record<string, Record<string, Check>>, what: string): Check {
  return (c, v, p) => {
    const obj = c.object(v, p);
    if (!obj) return;
    const value = getOwn(obj, tag);
    const variant = typeof value === 'string' ? getOwn(variants, value) : undefined;
    if (!variant) {
      const known = Object.keys(variants).map((x) => `'${x}'`).join(', ');
      c.errors.push({ path: `${p}/${tag}`, message: value === undefined ? `${tag}: missing` : `${tag}: unknown ${what} ${describeValue(value)} (known: ${known})` });
      return;
    }
    shape(variant)(c, obj, p);
  };
}
