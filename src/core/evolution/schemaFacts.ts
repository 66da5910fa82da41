/**
 * What the compatibility check needs to know about a JSON Schema, read defensively (a schema is
 * untrusted JSON): its types, its properties (allOf parts merged in), its constraints, with
 * `$ref`s into a library resolved. All pure.
 */
import { getOwn } from '../model/ownKeys';
import { parseLibraryRef } from '../model/schema/schemaAccess';

/** The subschema at a JSON pointer inside a schema (`/properties/a`), or undefined. */
function pointerInto(schema: Schema, pointer: string): Schema | undefined {
  let current: unknown = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  return current === true || current === false || isObject(current) ? (current as Schema) : undefined;
}

export type Schema = Record<string, unknown> | boolean;
export type Library = ReadonlyMap<string, Schema>;

const TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;
export type TypeName = (typeof TYPES)[number];

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `#/$defs/Address` (or `#/components/schemas/Address`) → the library entry; other schemas unchanged. */
export function resolveRef(schema: Schema, library: Library, seen: Set<string> = new Set()): Schema {
  let current = schema;
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref.replace(/^#\/(?:definitions|components\/schemas)\//, '#/$defs/');
    const parsed = parseLibraryRef(ref);
    const key = parsed === undefined ? undefined : `${parsed.name}${parsed.pointer}`;
    if (parsed === undefined || seen.has(key!) || !library.has(parsed.name)) return current;
    seen.add(key!);
    const { $ref: _ref, ...siblings } = current;
    const target = parsed.pointer === '' ? library.get(parsed.name)! : pointerInto(library.get(parsed.name)!, parsed.pointer);
    if (target === undefined) return current;
    current = Object.keys(siblings).length === 0 || !isObject(target) ? target : { ...target, ...siblings };
  }
  return current;
}

/** The allowed types; undefined when the schema does not say (anything goes). */
export function typesOf(schema: Schema): Set<TypeName> | undefined {
  if (schema === false) return new Set();
  if (!isObject(schema)) return undefined;
  const type = schema.type;
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
  if (list === undefined) {
    if (schema.const !== undefined) return new Set([jsonTypeOf(schema.const)]);
    if (Array.isArray(schema.enum)) return new Set(schema.enum.map(jsonTypeOf));
    return undefined;
  }
  return new Set(list.filter((t): t is TypeName => (TYPES as readonly unknown[]).includes(t)));
}

export function jsonTypeOf(value: unknown): TypeName {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object') return typeof value as TypeName;
  return 'null';
}

/** The allowed values when the schema lists them (`enum`, `const`), else undefined. */
export function allowedValues(schema: Schema): unknown[] | undefined {
  if (!isObject(schema)) return undefined;
  if (schema.const !== undefined) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

/** An object schema's view, its `allOf` parts merged in (inheritance is `allOf` + `$ref`). */
export interface ObjectView {
  properties: Map<string, Schema>;
  required: Set<string>;
  /** Whether names not in `properties` are refused (`additionalProperties`/`unevaluatedProperties: false`). */
  closed: boolean;
  /** The schema of other names, when one is given (`additionalProperties: {…}`). */
  additional?: Schema;
}

export function objectView(schema: Schema, library: Library, depth = 0): ObjectView {
  const view: ObjectView = { properties: new Map(), required: new Set(), closed: false };
  const resolved = resolveRef(schema, library);
  if (!isObject(resolved) || depth > 32) return view;
  if (Array.isArray(resolved.allOf)) {
    for (const part of resolved.allOf) {
      if (part !== true && part !== false && !isObject(part)) continue;
      const inner = objectView(part as Schema, library, depth + 1);
      for (const [name, sub] of inner.properties) if (!view.properties.has(name)) view.properties.set(name, sub);
      inner.required.forEach((name) => view.required.add(name));
    }
  }
  if (isObject(resolved.properties)) {
    for (const name of Object.keys(resolved.properties)) {
      const sub = getOwn(resolved.properties as Record<string, unknown>, name);
      // `name: true` beside an `allOf` only lists the name (a closed message): the definition in `allOf` says what it is.
      if (sub === true && view.properties.has(name)) continue;
      if (sub === true || sub === false || isObject(sub)) view.properties.set(name, sub as Schema);
    }
  }
  if (Array.isArray(resolved.required)) resolved.required.forEach((name) => typeof name === 'string' && view.required.add(name));
  const extra = resolved.additionalProperties ?? resolved.unevaluatedProperties;
  if (extra === false) view.closed = true;
  else if (isObject(extra)) view.additional = extra;
  return view;
}

/** A numeric keyword, when it is a number. */
export const numberAt = (schema: Schema, keyword: string): number | undefined =>
  isObject(schema) && typeof getOwn(schema, keyword) === 'number' ? (getOwn(schema, keyword) as number) : undefined;

/** A string keyword, when it is a string. */
export const stringAt = (schema: Schema, keyword: string): string | undefined =>
  isObject(schema) && typeof getOwn(schema, keyword) === 'string' ? (getOwn(schema, keyword) as string) : undefined;

/** A subschema keyword (`items`, …), when it holds a schema. */
export function subschemaAt(schema: Schema, keyword: string): Schema | undefined {
  if (!isObject(schema)) return undefined;
  const sub = getOwn(schema, keyword);
  return sub === true || sub === false || isObject(sub) ? (sub as Schema) : undefined;
}

/** The branches of `anyOf`/`oneOf`, when the schema is a choice. */
export function choices(schema: Schema): Schema[] | undefined {
  if (!isObject(schema)) return undefined;
  const list = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  return list?.filter((s): s is Schema => s === true || s === false || isObject(s));
}

/** Deep equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(getOwn(a, k), getOwn(b, k)));
}
