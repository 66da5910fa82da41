/**
 * Reading JSON Schema keywords safely: a schema is untrusted JSON, so every keyword is checked
 * for its shape before use and property names are read as own keys only. All pure.
 */
import { getOwn, hasOwn } from '../ownKeys';
import type { JsonSchema, JsonSchemaObject, SchemaDefinition } from '../types';
import { pointerSegment as escapeSegment } from '../validation/problems';
import { pathSegments } from './paths';

/** The JSON Schema type names (2020-12). */
export const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;
export type JsonTypeName = (typeof JSON_TYPES)[number];

export function isSchemaObject(value: unknown): value is JsonSchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value can stand as a (sub)schema: an object or a boolean. */
export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'boolean' || isSchemaObject(value);
}

/** The `type` keyword as a list (`'string'` → `['string']`); undefined when absent or malformed. */
export function schemaTypes(schema: JsonSchema | undefined): JsonTypeName[] | undefined {
  if (!isSchemaObject(schema)) return undefined;
  const type = schema.type;
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
  if (!list || !list.every((t): t is JsonTypeName => (JSON_TYPES as readonly unknown[]).includes(t))) return undefined;
  return list;
}

/** Whether the schema says `null` is allowed by its `type` (`type: ['string', 'null']`). */
export function isNullable(schema: JsonSchema | undefined): boolean {
  return schemaTypes(schema)?.includes('null') ?? false;
}

/** The own `properties` of a schema, in order, as [name, subschema] pairs (malformed entries skipped). */
export function schemaProperties(schema: JsonSchema | undefined): [string, JsonSchema][] {
  if (!isSchemaObject(schema) || !isSchemaObject(schema.properties)) return [];
  const properties = schema.properties;
  return Object.keys(properties).flatMap((name) => {
    const sub = properties[name];
    return isSchema(sub) ? [[name, sub] as [string, JsonSchema]] : [];
  });
}

/** The own property `name` of a schema's `properties`, or undefined. */
export function schemaProperty(schema: JsonSchema | undefined, name: string): JsonSchema | undefined {
  if (!isSchemaObject(schema) || !isSchemaObject(schema.properties)) return undefined;
  const sub = getOwn(schema.properties as Record<string, unknown>, name);
  return isSchema(sub) ? sub : undefined;
}

/** The names in `required` (strings only). */
export function requiredNames(schema: JsonSchema | undefined): string[] {
  if (!isSchemaObject(schema) || !Array.isArray(schema.required)) return [];
  return schema.required.filter((name): name is string => typeof name === 'string');
}

/** The subschemas of an applicator keyword that takes a list (`allOf`, `anyOf`, `oneOf`, `prefixItems`). */
export function schemaList(schema: JsonSchema | undefined, keyword: 'allOf' | 'anyOf' | 'oneOf' | 'prefixItems'): JsonSchema[] {
  if (!isSchemaObject(schema)) return [];
  const list = schema[keyword];
  return Array.isArray(list) ? list.filter(isSchema) : [];
}

/** A subschema keyword (`items`, `not`, `additionalProperties`…), when it holds a schema. */
export function subschema(schema: JsonSchema | undefined, keyword: string): JsonSchema | undefined {
  if (!isSchemaObject(schema)) return undefined;
  const sub = getOwn(schema, keyword);
  return isSchema(sub) ? sub : undefined;
}

/** The schema library as a lookup by name. */
export type SchemaDefs = ReadonlyMap<string, JsonSchema>;

const defsCache = new WeakMap<readonly SchemaDefinition[], SchemaDefs>();

/**
 * The library of a design as a lookup (the last of two same-named entries wins, as in a JSON
 * object). The same library list gives the same lookup, so results computed per lookup are shared.
 */
export function libraryDefs(library: readonly SchemaDefinition[]): SchemaDefs {
  const cached = defsCache.get(library);
  if (cached) return cached;
  const defs: SchemaDefs = new Map(library.map((entry) => [entry.name, entry.schema]));
  defsCache.set(library, defs);
  return defs;
}

/** The prefix of a reference into the schema library. */
export const LIBRARY_REF_PREFIX = '#/$defs/';

/** The `$ref` that points at library entry `name`: `#/$defs/Money`, `#/$defs/a~1b`, `#/$defs/a%20b` (a URI fragment). */
export function libraryRef(name: string): string {
  return `${LIBRARY_REF_PREFIX}${encodeURIComponent(escapeSegment(name))}`;
}

/** A reference split into the library entry it names and the pointer inside that entry; undefined for other refs. */
export function parseLibraryRef(ref: string): { name: string; pointer: string } | undefined {
  if (!ref.startsWith(LIBRARY_REF_PREFIX)) return undefined;
  let rest: string;
  try {
    rest = decodeURIComponent(ref.slice(LIBRARY_REF_PREFIX.length - 1));
  } catch {
    return undefined;
  }
  const segments = pathSegments(rest);
  if (!segments || segments.length === 0) return undefined;
  const [name, ...inside] = segments;
  return { name: name!, pointer: inside.map((s) => `/${escapeSegment(s)}`).join('') };
}

/** Reads a JSON pointer inside a schema (following keywords as plain JSON keys). */
function schemaAtPointer(schema: JsonSchema, pointer: string): JsonSchema | undefined {
  const segments = pathSegments(pointer);
  if (!segments) return undefined;
  let current: unknown = schema;
  for (const segment of segments) {
    if (Array.isArray(current)) current = /^(0|[1-9]\d*)$/.test(segment) ? current[Number(segment)] : undefined;
    else if (isSchemaObject(current) && hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return isSchema(current) ? current : undefined;
}

/** The schema a library `$ref` points at, or undefined for a ref that is not into the library or dangles. */
export function resolveLibraryRef(ref: string, defs: SchemaDefs): JsonSchema | undefined {
  const parsed = parseLibraryRef(ref);
  if (!parsed) return undefined;
  const entry = defs.get(parsed.name);
  return entry === undefined ? undefined : schemaAtPointer(entry, parsed.pointer);
}

/**
 * Follows `$ref`s into the library until a schema without one; a schema with `$ref` and other
 * keywords is returned as it is (its siblings still apply). Stops at a cycle of bare references.
 */
export function derefSchema(schema: JsonSchema | undefined, defs: SchemaDefs): JsonSchema | undefined {
  let current = schema;
  const seen = new Set<string>();
  while (isSchemaObject(current) && typeof current.$ref === 'string' && Object.keys(current).length === 1) {
    const ref = current.$ref;
    if (seen.has(ref)) return current;
    seen.add(ref);
    const target = resolveLibraryRef(ref, defs);
    if (target === undefined) return current;
    current = target;
  }
  return current;
}

/** Keywords whose value is an object of named subschemas. */
export const NAMED_SUBSCHEMA_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;
/** Keywords whose value is a list of subschemas. */
export const LIST_SUBSCHEMA_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Keywords whose value is one subschema. */
export const SINGLE_SUBSCHEMA_KEYWORDS = [
  'items', 'additionalItems', 'contains', 'not', 'if', 'then', 'else', 'additionalProperties', 'propertyNames',
  'unevaluatedProperties', 'unevaluatedItems', 'contentSchema',
] as const;

/**
 * Calls `visit` for `schema` and every subschema under it (through the applicator keywords only:
 * values of `enum`, `const`, `default`, `examples` and unknown keywords are data), with the JSON
 * pointer of each inside `schema` (prefixed by `at`).
 */
export function forEachSubschema(schema: unknown, visit: (sub: JsonSchema, pointer: string) => void, at = ''): void {
  if (!isSchema(schema)) return;
  visit(schema, at);
  if (!isSchemaObject(schema)) return;
  for (const keyword of NAMED_SUBSCHEMA_KEYWORDS) {
    const named = schema[keyword];
    if (!isSchemaObject(named)) continue;
    for (const name of Object.keys(named)) forEachSubschema(named[name], visit, `${at}/${keyword}/${escapeSegment(name)}`);
  }
  for (const keyword of LIST_SUBSCHEMA_KEYWORDS) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((item, i) => forEachSubschema(item, visit, `${at}/${keyword}/${i}`));
  }
  for (const keyword of SINGLE_SUBSCHEMA_KEYWORDS) {
    if (hasOwn(schema, keyword)) forEachSubschema(schema[keyword], visit, `${at}/${escapeSegment(keyword)}`);
  }
}

/** Every `$ref` string in a schema, with the JSON pointer (inside the schema) where it sits. */
export function collectRefs(schema: unknown, at = ''): { ref: string; at: string }[] {
  const found: { ref: string; at: string }[] = [];
  forEachSubschema(schema, (sub, pointer) => {
    if (isSchemaObject(sub) && typeof sub.$ref === 'string') found.push({ ref: sub.$ref, at: `${pointer}/$ref` });
  }, at);
  return found;
}

/** Names of the library entries a schema uses, directly or through other entries (in first-use order). */
export function usedLibraryNames(schema: unknown, defs: SchemaDefs): string[] {
  const used: string[] = [];
  const visit = (value: unknown) => {
    for (const { ref } of collectRefs(value)) {
      const parsed = parseLibraryRef(ref);
      if (!parsed || used.includes(parsed.name) || !defs.has(parsed.name)) continue;
      used.push(parsed.name);
      visit(defs.get(parsed.name));
    }
  };
  visit(schema);
  return used;
}

/**
 * A deep copy of a schema with every `$ref` (of a subschema, not inside `enum`/`const`/`default`/
 * `examples` or unknown keywords) replaced by `change(ref)`. How exporters point library
 * references at where they put the library (`#/components/schemas/…`).
 */
export function mapRefs(schema: unknown, change: (ref: string) => string): unknown {
  if (Array.isArray(schema) || !isSchemaObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  const copyDeep = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)) as unknown);
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    let next: unknown;
    if (key === '$ref' && typeof value === 'string') next = change(value);
    else if ((NAMED_SUBSCHEMA_KEYWORDS as readonly string[]).includes(key) && isSchemaObject(value)) {
      const named: Record<string, unknown> = {};
      for (const name of Object.keys(value)) Object.defineProperty(named, name, { value: mapRefs(value[name], change), enumerable: true, writable: true, configurable: true });
      next = named;
    } else if ((LIST_SUBSCHEMA_KEYWORDS as readonly string[]).includes(key) && Array.isArray(value)) next = value.map((item) => mapRefs(item, change));
    else if ((SINGLE_SUBSCHEMA_KEYWORDS as readonly string[]).includes(key)) next = mapRefs(value, change);
    else next = copyDeep(value);
    Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
