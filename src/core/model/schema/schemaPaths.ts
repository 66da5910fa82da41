/**
 * The values a payload schema describes, by path: what mappings may target, what handlers may
 * read, what the canvas lists. Properties come from `properties`, and through `allOf` (merged),
 * `oneOf` / `anyOf` (conditional: present in some payloads only) and library `$ref`s. Arrays are
 * values of their own: mappings set them whole; a read may index into them (`/lines/0/price`).
 * All pure.
 */
import type { JsonSchema } from '../types';
import { childPath, pathSegments } from './paths';
import {
  derefSchema, isSchemaObject, parseLibraryRef, requiredNames, schemaList, schemaProperties, subschema, type SchemaDefs,
} from './schemaAccess';

/** One value of a payload, as a path. */
export interface PayloadPath {
  /** JSON Pointer into the payload, e.g. `/customer/name`. */
  path: string;
  /** The property's own name (the last key of the path). */
  name: string;
  /** 1 for a top-level property, 2 for one nested in it… */
  depth: number;
  /** The schema of the value (several declarations of one property are combined with `allOf`). */
  schema: JsonSchema;
  /** Required by the object that holds it. */
  required: boolean;
  /** There in every valid payload: required, in an object that is there, and not from a `oneOf`/`anyOf` branch. */
  present: boolean;
  /** Declared in a `oneOf`/`anyOf` branch only. */
  conditional: boolean;
  /** A property of the items of a list (listed only when asked for; its path reads the first item, `/lines/0/price`). */
  inList?: boolean;
}

interface PropertyInfo {
  schemas: JsonSchema[];
  required: boolean;
  conditional: boolean;
}

/** Guards against recursive library schemas (a tree of nodes) and absurd nesting. */
const MAX_DEPTH = 16;

/** Results for schemas without ancestors to avoid, per schema object and library (schemas are never mutated). */
const cache = new WeakMap<object, WeakMap<SchemaDefs, Map<string, PropertyInfo>>>();

/**
 * The properties an object schema declares, in declaration order, merged across `allOf`,
 * `oneOf`/`anyOf` branches and library `$ref`s. `refs` holds the references already followed on
 * this branch, so a recursive schema stops instead of looping. The result is shared: do not change it.
 */
export function objectProperties(schema: JsonSchema | undefined, defs: SchemaDefs, refs: ReadonlySet<string> = new Set()): Map<string, PropertyInfo> {
  const cacheable = refs.size === 0 && isSchemaObject(schema);
  const cached = cacheable ? cache.get(schema)?.get(defs) : undefined;
  if (cached) return cached;
  const found = computeObjectProperties(schema, defs, refs);
  if (cacheable) {
    const byDefs = cache.get(schema) ?? new WeakMap<SchemaDefs, Map<string, PropertyInfo>>();
    byDefs.set(defs, found);
    cache.set(schema, byDefs);
  }
  return found;
}

function computeObjectProperties(schema: JsonSchema | undefined, defs: SchemaDefs, refs: ReadonlySet<string>): Map<string, PropertyInfo> {
  const found = new Map<string, PropertyInfo>();
  const add = (name: string, sub: JsonSchema, required: boolean, conditional: boolean) => {
    const info = found.get(name);
    if (!info) found.set(name, { schemas: [sub], required, conditional });
    else {
      info.schemas.push(sub);
      info.required ||= required;
      info.conditional &&= conditional;
    }
  };
  const visit = (current: JsonSchema | undefined, conditional: boolean, seen: ReadonlySet<string>) => {
    if (!isSchemaObject(current)) return;
    const ref = current.$ref;
    if (typeof ref === 'string' && parseLibraryRef(ref) && !seen.has(ref)) {
      visit(derefSchema({ $ref: ref }, defs), conditional, new Set([...seen, ref]));
    }
    const required = new Set(requiredNames(current));
    for (const [name, sub] of schemaProperties(current)) add(name, sub, required.has(name), conditional);
    for (const name of required) {
      const info = found.get(name);
      if (info) info.required = true;
    }
    for (const part of schemaList(current, 'allOf')) visit(part, conditional, seen);
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      for (const branch of schemaList(current, keyword)) visit(branch, true, seen);
    }
  };
  visit(schema, false, refs);
  return found;
}

const combined = (schemas: JsonSchema[]): JsonSchema => (schemas.length === 1 ? schemas[0]! : { allOf: schemas });

/** The refs a schema follows at its top (so that recursion below it is detected). */
function refsOf(schema: JsonSchema, refs: ReadonlySet<string>): ReadonlySet<string> {
  if (!isSchemaObject(schema) || typeof schema.$ref !== 'string') return refs;
  return new Set([...refs, schema.$ref]);
}

/**
 * Every property path of a payload schema, depth first in declaration order (a parent before its
 * children). Arrays are listed, not entered.
 */
export function payloadPaths(schema: JsonSchema, defs: SchemaDefs, options: { listItems?: boolean } = {}): PayloadPath[] {
  const out: PayloadPath[] = [];
  // `ancestors`: the references followed on the way here; a value that refers to one of them is
  // listed but not entered again (a recursive schema, e.g. a tree of nodes).
  const walk = (current: JsonSchema, path: string, depth: number, present: boolean, ancestors: ReadonlySet<string>, inList: boolean) => {
    if (depth > MAX_DEPTH) return;
    const followed = refsOf(current, ancestors);
    for (const [name, info] of objectProperties(current, defs, ancestors)) {
      const child = combined(info.schemas);
      const childPathValue = childPath(path, name);
      const childPresent = present && info.required && !info.conditional;
      out.push({ path: childPathValue, name, depth, schema: child, required: info.required, present: childPresent, conditional: info.conditional, ...(inList ? { inList } : {}) });
      if (info.schemas.some((s) => isSchemaObject(s) && typeof s.$ref === 'string' && followed.has(s.$ref))) continue;
      walk(child, childPathValue, depth + 1, childPresent, followed, inList);
      const items = options.listItems ? subschema(derefSchema(child, defs), 'items') : undefined;
      if (items !== undefined) walk(items, childPath(childPathValue, 0), depth + 1, false, followed, true);
    }
  };
  walk(schema, '', 1, true, new Set(), false);
  return out;
}

/**
 * The schema of the value at `path` in a value described by `schema`: through object properties
 * (or an explicit `additionalProperties` / `patternProperties` schema) and array items (a number
 * segment). Undefined when the schema does not describe that path.
 */
export function schemaAtPath(schema: JsonSchema, path: string, defs: SchemaDefs): JsonSchema | undefined {
  const segments = pathSegments(path);
  if (!segments) return undefined;
  let current: JsonSchema | undefined = schema;
  for (const segment of segments) {
    if (current === undefined) return undefined;
    const resolved = derefSchema(current, defs);
    const info = objectProperties(current, defs).get(segment);
    if (info) {
      current = combined(info.schemas);
      continue;
    }
    if (/^(0|[1-9]\d*)$/.test(segment)) {
      const prefix: JsonSchema | undefined = schemaList(resolved, 'prefixItems')[Number(segment)];
      const items: JsonSchema | undefined = prefix ?? subschema(resolved, 'items');
      if (items !== undefined) {
        current = items;
        continue;
      }
    }
    current = matchingPatternProperty(resolved, segment) ?? openValueSchema(resolved);
  }
  return current;
}

function matchingPatternProperty(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  if (!isSchemaObject(schema) || !isSchemaObject(schema.patternProperties)) return undefined;
  for (const [pattern, sub] of Object.entries(schema.patternProperties)) {
    try {
      if (new RegExp(pattern, 'u').test(key) && (isSchemaObject(sub) || sub === true)) return sub as JsonSchema;
    } catch {
      // An invalid pattern matches nothing; the schema check reports it.
    }
  }
  return undefined;
}

/** An explicit schema for keys not declared (`additionalProperties: { … }`); undefined when none is given. */
function openValueSchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  const additional = subschema(schema, 'additionalProperties');
  return isSchemaObject(additional) ? additional : undefined;
}
