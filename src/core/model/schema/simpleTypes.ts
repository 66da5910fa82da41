/**
 * The field types the editor offers as one pick (format 1's field types and more), and how each
 * reads and writes as JSON Schema. A schema that is none of these is `custom`: the tree shows it
 * and the raw tab edits it. All pure.
 */
import { getOwn, setOwn } from '../ownKeys';
import type { JsonSchema, JsonSchemaObject, JsonValue } from '../types';
import { isSchemaObject, schemaTypes, subschema } from './schemaAccess';

export type FieldType =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'date-time'
  | 'uuid'
  | 'object'
  | 'array';

/** Format 1's field types, in the order the editor lists them. */
export const FIELD_TYPES: readonly FieldType[] = [
  'string', 'number', 'integer', 'boolean', 'enum', 'date-time', 'uuid', 'object', 'array',
];

/** Every `format` of JSON Schema 2020-12 (and the OpenAPI ones ajv knows), for the format picker. */
export const STRING_FORMATS = [
  'date-time', 'date', 'time', 'duration', 'email', 'idn-email', 'hostname', 'idn-hostname', 'ipv4', 'ipv6',
  'uri', 'uri-reference', 'iri', 'iri-reference', 'uri-template', 'uuid', 'json-pointer', 'relative-json-pointer', 'regex',
] as const;

/** The schema of a value of a simple type (`enum` with these values; `array` of `itemType` items). */
export function schemaForType(type: FieldType, options: { enumValues?: JsonValue[]; itemType?: FieldType } = {}): JsonSchemaObject {
  switch (type) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
      return { type };
    case 'object':
      return { type: 'object', properties: {} };
    case 'enum':
      return { type: 'string', enum: [...(options.enumValues ?? [])] };
    case 'date-time':
      return { type: 'string', format: 'date-time' };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'array':
      return { type: 'array', items: schemaForType(options.itemType && options.itemType !== 'array' ? options.itemType : 'string', options) };
  }
}

/** The editor's word for a schema: a simple type, `null`, `ref` (library), a combinator, or `custom`. */
export type SchemaKind = FieldType | 'null' | 'ref' | 'oneOf' | 'anyOf' | 'allOf' | 'any' | 'never' | 'custom';

/** Which kind of value a schema describes, as the tree shows it. Nullable types keep their kind. */
export function schemaKind(schema: JsonSchema | undefined): SchemaKind {
  if (schema === true || schema === undefined) return 'any';
  if (schema === false) return 'never';
  if (typeof schema.$ref === 'string') return 'ref';
  if (Array.isArray(schema.enum)) return 'enum';
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    if (Array.isArray(schema[combinator]) && schema.type === undefined && schema.properties === undefined) return combinator;
  }
  const types = schemaTypes(schema)?.filter((t) => t !== 'null');
  if (!types) return schema.properties !== undefined ? 'object' : schema.const !== undefined ? 'custom' : Object.keys(schema).length === 0 ? 'any' : 'custom';
  if (types.length === 0) return 'null';
  if (types.length > 1) return 'custom';
  const [type] = types;
  if (type === 'string' && schema.format === 'date-time') return 'date-time';
  if (type === 'string' && schema.format === 'uuid') return 'uuid';
  return type!;
}

/** A short summary of a schema for lists: `string`, `integer?`, `array of Line`, `uuid | null`. */
export function schemaSummary(schema: JsonSchema | undefined): string {
  if (!isSchemaObject(schema)) return schemaKind(schema);
  const kind = schemaKind(schema);
  const nullable = schemaTypes(schema)?.includes('null') && kind !== 'null' ? ' | null' : '';
  if (kind === 'ref') return `→ ${String(schema.$ref).replace(/^#\/\$defs\//, '')}${nullable}`;
  if (kind === 'array') {
    const items = subschema(schema, 'items');
    return `${items === undefined ? 'array' : `${schemaSummary(items)}[]`}${nullable}`;
  }
  if (kind === 'string' && typeof schema.format === 'string') return `string (${schema.format})${nullable}`;
  if (kind === 'custom' && schema.const !== undefined) return `= ${JSON.stringify(schema.const)}`;
  return `${kind}${nullable}`;
}

/**
 * The same schema turned into another simple type: keywords that still apply (description,
 * examples, default, title, nullability) are kept, the others dropped; an object keeps its
 * properties, an array its items, an enum its values, when the new type is the same kind.
 */
export function withType(schema: JsonSchema, type: FieldType): JsonSchemaObject {
  const old: JsonSchemaObject = isSchemaObject(schema) ? schema : {};
  const next: JsonSchemaObject = schemaForType(type, {
    enumValues: Array.isArray(old.enum) ? (old.enum as JsonValue[]) : undefined,
  });
  if (type === 'object' && isSchemaObject(old.properties)) {
    next.properties = old.properties;
    if (old.required !== undefined) next.required = old.required;
    if (old.additionalProperties !== undefined) next.additionalProperties = old.additionalProperties;
  }
  if (type === 'array' && old.items !== undefined) next.items = old.items;
  for (const keep of ['title', 'description', '$comment', 'deprecated', 'readOnly', 'writeOnly']) {
    if (getOwn(old, keep) !== undefined) setOwn(next, keep, getOwn(old, keep));
  }
  if (schemaTypes(old)?.includes('null') && typeof next.type === 'string') next.type = [next.type, 'null'];
  return next;
}

/** The schema with `null` allowed or not (`type: 'string'` ↔ `type: ['string', 'null']`). */
export function withNullable(schema: JsonSchemaObject, nullable: boolean): JsonSchemaObject {
  const types = schemaTypes(schema);
  if (!types) {
    if (!nullable) return schema;
    return { anyOf: [schema, { type: 'null' }] };
  }
  const others = types.filter((t) => t !== 'null');
  const list = nullable ? [...others, 'null'] : others;
  const next = { ...schema };
  if (list.length === 1) next.type = list[0];
  else if (list.length === 0) delete next.type;
  else next.type = list;
  if (nullable && Array.isArray(next.enum) && !next.enum.includes(null)) next.enum = [...next.enum, null];
  if (!nullable && Array.isArray(next.enum)) next.enum = next.enum.filter((v) => v !== null);
  return next;
}

/** A field described the short way (format 1's field): for builders, tests and simple imports. */
export interface SimpleField {
  name: string;
  type: FieldType;
  required?: boolean;
  description?: string;
  example?: JsonValue;
  enumValues?: JsonValue[];
  itemType?: FieldType;
}

/** The property schema of a simple field (type, values, item type, description, example). */
export function simpleFieldSchema(field: SimpleField): JsonSchemaObject {
  const schema = schemaForType(field.type, { enumValues: field.enumValues, itemType: field.itemType });
  if (field.description !== undefined) schema.description = field.description;
  if (field.example !== undefined) schema.examples = [field.type === 'array' && !Array.isArray(field.example) ? [field.example] : field.example];
  return schema;
}

/** An object schema with these fields as properties, in order (`required` for the required ones). */
export function objectSchemaOf(fields: readonly SimpleField[]): JsonSchemaObject {
  const properties: Record<string, unknown> = {};
  for (const field of fields) setOwn(properties, field.name, simpleFieldSchema(field));
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}
