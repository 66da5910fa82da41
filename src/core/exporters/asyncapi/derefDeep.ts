import { put } from './normalized';
import { isRecord } from '../jsonPointer';
import { child, fail, locationKey, type DocumentSet, type Location } from './documentSet';

/** Deeper than this is not a document a person wrote: refuse it with its place instead of overflowing the stack. */
export const MAX_DEPTH = 256;

/**
 * A plain JSON copy of `value` with every `$ref` inside the set replaced by what it points at,
 * so the copy means the same wherever it is written again (servers, bindings, parameters,
 * correlation ids, tags). Remote references (`https://…`) are kept as they are. A reference that
 * leads back into itself is refused with its place. Keys are copied as own keys (`__proto__` is
 * a key like any other). Pure; throws `SetImportError`.
 */
export function derefDeep(set: DocumentSet, value: unknown, at: Location): unknown {
  const walk = (current: unknown, place: Location, stack: string[], depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(place, `Nested more than ${MAX_DEPTH} levels deep`);
    if (Array.isArray(current)) return current.map((item, i) => walk(item, child(place, i), stack, depth + 1));
    if (!isRecord(current)) return current;
    if (typeof current.$ref === 'string') {
      const found = set.follow(current, place);
      if (found.remote !== undefined) return { $ref: found.remote };
      const key = locationKey(found.at);
      if (stack.includes(key)) fail(child(place, '$ref'), `Reference "${current.$ref}" refers back to an object that contains it`);
      return walk(found.value, found.at, [...stack, key], depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(current)) put(out, key, walk(item, child(place, key), stack, depth + 1));
    return out;
  };
  return walk(value, at, [], 0);
}
