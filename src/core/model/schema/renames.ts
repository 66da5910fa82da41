/**
 * Which properties an edit of a payload schema renamed, by data path, so that mappings, reads and
 * aggregate ids that used the old path can follow. Pure.
 */
import { getOwn } from '../ownKeys';
import type { JsonSchema } from '../types';
import { childPath } from './paths';
import { isSchemaObject, schemaList } from './schemaAccess';

/** A property renamed by an edit: its old and new path (`/customer/name` → `/customer/fullName`). */
export interface PathRename {
  from: string;
  to: string;
}

const keysOf = (schema: JsonSchema): string[] =>
  (isSchemaObject(schema) && isSchemaObject(schema.properties) ? Object.keys(schema.properties) : []);

const propertyOf = (schema: JsonSchema, name: string): JsonSchema | undefined => {
  if (!isSchemaObject(schema) || !isSchemaObject(schema.properties) || !Object.hasOwn(schema.properties, name)) return undefined;
  const sub = getOwn(schema.properties, name);
  return typeof sub === 'boolean' || isSchemaObject(sub) ? (sub as JsonSchema) : undefined;
};

/**
 * The one rename between two key lists: exactly one position whose key changed, the old key gone
 * and the new one not there before. A reorder, an add or a remove is no rename.
 */
export function renamedKey(before: readonly string[], after: readonly string[]): { from: string; to: string } | undefined {
  if (before.length !== after.length) return undefined;
  const changed = before.flatMap((key, i) => (key === after[i] ? [] : [i]));
  if (changed.length !== 1) return undefined;
  const from = before[changed[0]!]!;
  const to = after[changed[0]!]!;
  return after.includes(from) || before.includes(to) ? undefined : { from, to };
}

/** Every property renamed between two versions of a schema (nested ones and ones inside `allOf`/`oneOf`/`anyOf` too). */
export function propertyRenames(before: JsonSchema, after: JsonSchema): PathRename[] {
  const renames: PathRename[] = [];
  const walk = (b: JsonSchema, a: JsonSchema, bPath: string, aPath: string) => {
    const bKeys = keysOf(b);
    const aKeys = keysOf(a);
    const rename = renamedKey(bKeys, aKeys);
    if (rename) renames.push({ from: childPath(bPath, rename.from), to: childPath(aPath, rename.to) });
    for (const key of bKeys) {
      const aKey = rename && key === rename.from ? rename.to : key;
      const bChild = propertyOf(b, key);
      const aChild = propertyOf(a, aKey);
      if (bChild !== undefined && aChild !== undefined) walk(bChild, aChild, childPath(bPath, key), childPath(aPath, aKey));
    }
    for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
      const bList = schemaList(b, keyword);
      const aList = schemaList(a, keyword);
      if (bList.length === aList.length) bList.forEach((item, i) => walk(item, aList[i]!, bPath, aPath));
    }
  };
  walk(before, after, '', '');
  return renames;
}
