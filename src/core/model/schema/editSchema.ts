/**
 * Edits of a payload schema, as the inspector's tree makes them. A place in the schema document
 * is a *location*: a JSON pointer to a subschema (`/properties/customer/properties/name`,
 * `/properties/lines/items`); a place in the data is a *path* (`/customer/name`). Every edit
 * returns a new schema and keeps every keyword it does not touch. All pure.
 */
import { getOwn, hasOwn, setOwn } from '../ownKeys';
import type { JsonSchema, JsonSchemaObject, JsonValue } from '../types';
import { childPath, pathSegments, valueAtPath, withValueAtPath } from './paths';
import { isSchemaObject, requiredNames } from './schemaAccess';

/** The subschema at a location, or undefined. */
export function schemaAt(root: JsonSchema, location: string): JsonSchema | undefined {
  const value = valueAtPath(root as JsonValue, location);
  return typeof value === 'boolean' || isSchemaObject(value) ? (value as JsonSchema) : undefined;
}

/** `root` with the subschema at `location` replaced (the root itself for `''`). */
export function replaceSchemaAt(root: JsonSchemaObject, location: string, next: JsonSchema): JsonSchemaObject {
  const result = withValueAtPath(root as JsonValue, location, next as JsonValue);
  return isSchemaObject(result) ? (result as JsonSchemaObject) : root;
}

/** The object schema at `location` changed by `change` (a non-object there is left alone). */
function updateObjectAt(root: JsonSchemaObject, location: string, change: (schema: JsonSchemaObject) => JsonSchemaObject): JsonSchemaObject {
  const current = location === '' ? root : schemaAt(root, location);
  if (!isSchemaObject(current)) return root;
  return location === '' ? change(current) : replaceSchemaAt(root, location, change(current));
}

const propertiesOf = (schema: JsonSchemaObject): Record<string, unknown> =>
  (isSchemaObject(schema.properties) ? (schema.properties as Record<string, unknown>) : {});

function withEntries(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) setOwn(out, key, value);
  return out;
}

/** Names in the order of the schema's `properties` (names it does not declare last, in their order). */
function inPropertyOrder(schema: JsonSchemaObject, names: Iterable<string>): string[] {
  const order = new Map(Object.keys(propertiesOf(schema)).map((name, i) => [name, i]));
  const rank = (name: string) => order.get(name) ?? order.size;
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b));
}

/** `required` in the order of `properties` (names not declared stay at the end), or left out when empty. */
function withRequired(schema: JsonSchemaObject, required: string[]): JsonSchemaObject {
  const sorted = inPropertyOrder(schema, required);
  const { required: _old, ...rest } = schema;
  return sorted.length > 0 ? { ...rest, required: sorted } : rest;
}

/** A property name not yet used in the object schema: `field1`, `field2`… (or `base`, `base2`…). */
export function freshPropertyName(schema: JsonSchema | undefined, base = 'field'): string {
  const taken = isSchemaObject(schema) ? propertiesOf(schema) : {};
  if (base !== 'field' && !hasOwn(taken, base)) return base;
  let n = base === 'field' ? Object.keys(taken).length + 1 : 2;
  while (hasOwn(taken, `${base}${n}`)) n++;
  return `${base}${n}`;
}

/** Adds a property (at the end, or at `index`) to the object schema at `location`. Replaces one of the same name. */
export function addProperty(root: JsonSchemaObject, location: string, name: string, schema: JsonSchema, options: { required?: boolean; index?: number } = {}): JsonSchemaObject {
  return updateObjectAt(root, location, (object) => {
    const entries = Object.entries(propertiesOf(object)).filter(([key]) => key !== name);
    entries.splice(options.index ?? entries.length, 0, [name, schema]);
    const next = { ...object, properties: withEntries(entries) };
    const required = requiredNames(object).filter((r) => r !== name);
    return withRequired(next, options.required ? [...required, name] : required);
  });
}

/** Renames a property of the object schema at `location`, in place; its `required` entry follows. No-op when `to` is taken. */
export function renameProperty(root: JsonSchemaObject, location: string, from: string, to: string): JsonSchemaObject {
  if (from === to) return root;
  return updateObjectAt(root, location, (object) => {
    const properties = propertiesOf(object);
    if (!hasOwn(properties, from) || hasOwn(properties, to)) return object;
    const entries = Object.entries(properties).map(([key, value]): [string, unknown] => [key === from ? to : key, value]);
    const next = { ...object, properties: withEntries(entries) };
    return withRequired(next, requiredNames(object).map((r) => (r === from ? to : r)));
  });
}

/** Removes a property of the object schema at `location` (and its `required` entry). */
export function removeProperty(root: JsonSchemaObject, location: string, name: string): JsonSchemaObject {
  return updateObjectAt(root, location, (object) => {
    const entries = Object.entries(propertiesOf(object)).filter(([key]) => key !== name);
    return withRequired({ ...object, properties: withEntries(entries) }, requiredNames(object).filter((r) => r !== name));
  });
}

/** Moves a property of the object schema at `location` to position `to` (clamped). */
export function moveProperty(root: JsonSchemaObject, location: string, name: string, to: number): JsonSchemaObject {
  return updateObjectAt(root, location, (object) => {
    const entries = Object.entries(propertiesOf(object));
    const from = entries.findIndex(([key]) => key === name);
    if (from < 0) return object;
    const [entry] = entries.splice(from, 1);
    entries.splice(Math.max(0, Math.min(entries.length, to)), 0, entry!);
    return withRequired({ ...object, properties: withEntries(entries) }, requiredNames(object));
  });
}

/** Marks a property of the object schema at `location` required or optional. */
export function setPropertyRequired(root: JsonSchemaObject, location: string, name: string, required: boolean): JsonSchemaObject {
  return updateObjectAt(root, location, (object) => {
    const others = requiredNames(object).filter((r) => r !== name);
    return withRequired(object, required ? [...others, name] : others);
  });
}

/** The location of the property schema `name` of the object schema at `location`. */
export function propertyLocation(location: string, name: string): string {
  return childPath(childPath(location, 'properties'), name);
}

/**
 * Sets the schema of the value at data path `path` (`/customer/name`), creating object schemas
 * on the way (`{ type: 'object', properties: {} }`). When `required`, the property and every
 * object created for it are required in their parents.
 */
export function withPropertyAtPath(root: JsonSchemaObject, path: string, schema: JsonSchema, required: boolean): JsonSchemaObject {
  const segments = pathSegments(path);
  if (!segments || segments.length === 0) return root;
  const set = (object: JsonSchemaObject, depth: number): JsonSchemaObject => {
    const name = segments[depth]!;
    const last = depth === segments.length - 1;
    const properties = propertiesOf(object);
    const existing = getOwn(properties, name);
    const existed = existing !== undefined;
    const child: JsonSchema = last
      ? schema
      : set(isSchemaObject(existing) ? existing : { type: 'object', properties: {} }, depth + 1);
    const entries = Object.entries(properties);
    if (existed) entries[entries.findIndex(([key]) => key === name)] = [name, child];
    else entries.push([name, child]);
    const next = { ...object, properties: withEntries(entries) };
    const makeRequired = required && (last || !existed);
    return withRequired(next, makeRequired ? [...requiredNames(object), name] : requiredNames(object));
  };
  return set(root, 0);
}

/**
 * Sets many values at once (see `withPropertyAtPath`), in one copy of the schema: adding n
 * properties costs n, not n². Later entries win over earlier ones at the same path.
 */
export function withPropertiesAtPaths(root: JsonSchemaObject, entries: readonly { path: string; schema: JsonSchema; required: boolean }[]): JsonSchemaObject {
  if (entries.length === 0) return root;
  const copy = JSON.parse(JSON.stringify(root)) as JsonSchemaObject;
  const requiredSets = new Map<JsonSchemaObject, Set<string>>();
  const requireIn = (object: JsonSchemaObject, name: string) => {
    let set = requiredSets.get(object);
    if (!set) {
      set = new Set(requiredNames(object));
      requiredSets.set(object, set);
    }
    set.add(name);
  };
  for (const { path, schema, required } of entries) {
    const segments = pathSegments(path);
    if (!segments || segments.length === 0) continue;
    let object = copy;
    segments.forEach((name, depth) => {
      if (!isSchemaObject(object.properties)) object.properties = {};
      const properties = object.properties as Record<string, unknown>;
      const last = depth === segments.length - 1;
      const existing = getOwn(properties, name);
      if (last) setOwn(properties, name, schema);
      else if (!isSchemaObject(existing)) setOwn(properties, name, { type: 'object', properties: {} });
      if (required && (last || existing === undefined)) requireIn(object, name);
      if (!last) object = getOwn(properties, name) as JsonSchemaObject;
    });
  }
  for (const [object, names] of requiredSets) {
    const sorted = inPropertyOrder(object, names);
    if (sorted.length > 0) object.required = sorted;
  }
  return copy;
}
