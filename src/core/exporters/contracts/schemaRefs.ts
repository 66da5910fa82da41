/**
 * Walking exported schemas: which named definitions a schema needs, rewriting `#/$defs/<name>`
 * references for another home (`#/components/schemas/<name>`), and writing JSON Schema 2020-12 as
 * the draft-07 dialect AsyncAPI schemas use. All pure; linear in the size of the schema.
 */
import { libraryRef, parseLibraryRef } from '../../model/schema/schemaAccess';
import type { JsonSchema } from '../../model/types';

type Json = unknown;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const encodeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** Keywords whose values are data, never schemas: references inside them are not references. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);

/** The definition names a schema refers to (`#/$defs/<name>`), directly. */
function directRefs(schema: Json, into: Set<string>): void {
  const walk = (value: Json): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!isPlainObject(value)) return;
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') {
        const target = parseLibraryRef(item);
        if (target) into.add(target.name);
      } else if (!DATA_KEYWORDS.has(key)) walk(item);
    }
  };
  walk(schema);
}

/** Every definition `roots` need, directly or through other definitions, in a stable order. */
export function definitionClosure(roots: readonly Json[], definitions: ReadonlyMap<string, JsonSchema>): string[] {
  const needed = new Set<string>();
  const queue: string[] = [];
  const visit = (schema: Json) => {
    const found = new Set<string>();
    directRefs(schema, found);
    for (const name of found) if (!needed.has(name) && definitions.has(name)) { needed.add(name); queue.push(name); }
  };
  roots.forEach(visit);
  while (queue.length > 0) visit(definitions.get(queue.shift()!));
  return [...needed];
}

/** `/properties/a b` → `/properties/a%20b`: a JSON pointer written into a URI fragment. */
const fragment = (pointer: string) => pointer.split('/').map((segment) => encodeURIComponent(segment)).join('/');

/**
 * A copy of `schema` whose library references (`#/$defs/<name>[/pointer inside]`, names escaped
 * and percent-encoded as `libraryRef` writes them) point at `prefix` + the renamed entry: the
 * design's own `#/$defs/` with other names, or `#/components/schemas/` in AsyncAPI.
 */
export function rewriteRefs(schema: Json, prefix: string, rename: (name: string) => string = (n) => n): Json {
  const walk = (value: Json, data: boolean): Json => {
    if (Array.isArray(value)) return value.map((v) => walk(v, data));
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      let next: unknown;
      const target = !data && key === '$ref' && typeof item === 'string' ? parseLibraryRef(item) : undefined;
      if (target) {
        const name = rename(target.name);
        next = prefix === '#/$defs/' ? `${libraryRef(name)}${fragment(target.pointer)}` : `${prefix}${encodeURIComponent(encodeToken(name))}${fragment(target.pointer)}`;
      } else {
        next = walk(item, data || DATA_KEYWORDS.has(key));
      }
      Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(schema, false);
}

/** A copy of `value` with `#/components/schemas/<key>` references as `#/$defs/<rename(key)>` (the reverse of exporting). */
export function rewriteComponentRefs(value: Json, rename: (key: string) => string): Json {
  const PREFIX = '#/components/schemas/';
  const walk = (item: Json, data: boolean): Json => {
    if (Array.isArray(item)) return item.map((v) => walk(v, data));
    if (!isPlainObject(item)) return item;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(item)) {
      // `#/components/schemas/<key>[/pointer]` has the shape of a library reference once its prefix is swapped.
      const target = !data && key === '$ref' && typeof v === 'string' && v.startsWith(PREFIX) ? parseLibraryRef(`#/$defs/${v.slice(PREFIX.length)}`) : undefined;
      const next = target ? `${libraryRef(rename(target.name))}${fragment(target.pointer)}` : walk(v, data || DATA_KEYWORDS.has(key));
      Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(value, false);
}

const SCHEMA_VALUED = new Set(['additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else', 'not', 'items', 'unevaluatedProperties', 'unevaluatedItems', 'contentSchema']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs']);

/**
 * A 2020-12 schema in the draft-07 words AsyncAPI schemas use: `prefixItems` becomes tuple
 * `items` (and `items` beside it `additionalItems`), `dependentRequired`/`dependentSchemas`
 * become `dependencies`, `$defs` become `definitions`. Keywords draft-07 lacks
 * (`unevaluatedProperties`, `minContains`…) are kept: draft-07 readers ignore them.
 */
export function toDraft07(schema: Json): Json {
  if (Array.isArray(schema) || !isPlainObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  const mapOf = (value: unknown) => {
    if (!isPlainObject(value)) return value;
    const map: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(map, k, { value: toDraft07(v), enumerable: true, writable: true, configurable: true });
    return map;
  };
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'prefixItems' && Array.isArray(value)) {
      set('items', value.map(toDraft07));
      if (schema.items !== undefined) set('additionalItems', toDraft07(schema.items));
    } else if (key === 'items' && schema.prefixItems !== undefined) {
      continue;
    } else if (key === 'dependentRequired' || key === 'dependentSchemas') {
      const dependencies = (isPlainObject(out.dependencies) ? out.dependencies : {}) as Record<string, unknown>;
      const converted = key === 'dependentSchemas' ? mapOf(value) : value;
      if (isPlainObject(converted)) for (const [k, v] of Object.entries(converted)) Object.defineProperty(dependencies, k, { value: v, enumerable: true, writable: true, configurable: true });
      set('dependencies', dependencies);
    } else if (key === '$defs') {
      set('definitions', mapOf(value));
    } else if (SCHEMA_VALUED.has(key)) {
      set(key, toDraft07(value));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      set(key, value.map(toDraft07));
    } else if (SCHEMA_MAPS.has(key)) {
      set(key, mapOf(value));
    } else {
      set(key, value);
    }
  }
  return out;
}
