import { pointerSegment, unescapePointerSegment } from '../model/validation/problems';

/** A problem found while reading a foreign document: where (a JSON pointer) and what. */
export interface ImportIssue {
  path: string;
  message: string;
}

/** Thrown inside importers to stop at the first structural problem; caught at their entry point. */
export class ImportError extends Error {
  constructor(readonly issue: ImportIssue) {
    super(`${issue.message} (at ${issue.path || '/'})`);
    this.name = 'ImportError';
  }
}

/** Appends a key to a JSON pointer, escaping `~` and `/`. Pure. */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${pointerSegment(key)}`;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Describes a JSON value's kind for messages: `an array`, `a string`, `null`… */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing (it is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Reads the value at a local JSON pointer (`#/components/schemas/X`), or undefined. Pure. */
export function readPointer(root: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '#') return root;
  const tokens = pointer.replace(/^#?\//, '').split('/').map((t) => unescapePointerSegment(decodeURIComponent(t)));
  let current: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isRecord(current) && Object.prototype.hasOwnProperty.call(current, token)) current = current[token];
    else return undefined;
  }
  return current;
}

/**
 * Follows `$ref`s (local ones only) until a value that is not a reference. Returns the value
 * and the pointer it lives at. Throws `ImportError` for an external or dangling reference, or a
 * cycle of references. Pure.
 */
export function followRefs(root: unknown, value: unknown, at: string): { value: unknown; pointer: string } {
  let current = value;
  let pointer = at;
  const seen = new Set<string>();
  while (isRecord(current) && typeof current.$ref === 'string') {
    const target = current.$ref;
    if (!target.startsWith('#')) {
      throw new ImportError({ path: childPointer(pointer, '$ref'), message: `External reference "${target}" is not supported; only local references (#/…) are` });
    }
    if (seen.has(target)) throw new ImportError({ path: childPointer(pointer, '$ref'), message: `Reference cycle through "${target}"` });
    seen.add(target);
    const next = readPointer(root, target);
    if (next === undefined) {
      throw new ImportError({ path: childPointer(pointer, '$ref'), message: `Dangling reference: "${target}" does not exist` });
    }
    current = next;
    pointer = target.replace(/^#/, '');
  }
  return { value: current, pointer };
}
