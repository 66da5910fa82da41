import {
  getOwn, childPath, isSchemaObject, propertyLocation, requiredNames, schemaKind, schemaProperties, schemaSummary, subschema,
  type JsonSchema, type JsonSchemaObject, type SchemaKind,
} from '../../../core';

/** One property of a payload schema as the inspector's tree shows it. */
export interface TreeRow {
  /** JSON pointer of the property's schema in the payload schema, e.g. `/properties/customer/properties/name`. */
  location: string;
  /** Location of the object schema that holds the property (`''` for the payload itself). */
  parent: string;
  name: string;
  /** Its place in the outline: `2`, `2.1`: also its accessible name ("Field 2.1 name"). */
  outline: string;
  /** 0 for a top-level property. */
  depth: number;
  /** Position among its siblings, and how many there are. */
  index: number;
  siblings: number;
  schema: JsonSchema;
  kind: SchemaKind;
  summary: string;
  required: boolean;
  /** Where its children live: the object itself, or the items of an array of objects; undefined when it holds none. */
  childrenAt?: string;
  childCount: number;
  /** Its children are listed (not collapsed). */
  expanded: boolean;
}

/** Where the properties of a value of this schema live: the object schema, or an array's object items. */
export function childrenLocation(schema: JsonSchema, location: string): string | undefined {
  const kind = schemaKind(schema);
  if (kind === 'object') return location;
  if (kind === 'array') {
    const items = subschema(schema, 'items');
    return items !== undefined && schemaKind(items) === 'object' ? childPath(location, 'items') : undefined;
  }
  return undefined;
}

const objectAt = (root: JsonSchemaObject, location: string): JsonSchema | undefined => {
  if (location === '') return root;
  let current: unknown = root;
  for (const segment of location.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (!isSchemaObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = getOwn(current, segment);
  }
  return typeof current === 'boolean' || isSchemaObject(current) ? current as JsonSchema : undefined;
};

/**
 * The rows of the tree, depth first in declaration order; the children of a collapsed row
 * (its location in `collapsed`) are left out. Linear in the number of rows listed. Pure.
 */
export function treeRows(root: JsonSchemaObject, collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (objectLocation: string, depth: number, outlinePrefix: string) => {
    const object = objectAt(root, objectLocation);
    const properties = schemaProperties(object);
    const required = new Set(requiredNames(object));
    properties.forEach(([name, schema], index) => {
      const location = propertyLocation(objectLocation, name);
      const childrenAt = childrenLocation(schema, location);
      const childCount = childrenAt === undefined ? 0 : schemaProperties(objectAt(root, childrenAt)).length;
      const outline = `${outlinePrefix}${index + 1}`;
      const expanded = childrenAt !== undefined && !collapsed.has(location);
      rows.push({
        location, parent: objectLocation, name, outline, depth, index, siblings: properties.length, schema,
        kind: schemaKind(schema), summary: schemaSummary(schema), required: required.has(name), childrenAt, childCount, expanded,
      });
      if (childrenAt !== undefined && expanded) walk(childrenAt, depth + 1, `${outline}.`);
    });
  };
  walk('', 0, '');
  return rows;
}
