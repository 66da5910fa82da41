import type { FieldType, SimpleField } from '../model/schema/simpleTypes';
import type { Literal } from '../model/types';

type FieldDef = SimpleField & { required: boolean };
import { childPointer, followRefs, ImportError, isRecord, kindOf } from './jsonPointer';

const isLiteral = (v: unknown): v is Literal => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function typeName(schema: Record<string, unknown>): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  return undefined;
}

function scalarType(schema: Record<string, unknown>): Exclude<FieldType, 'array' | 'object' | 'enum'> {
  const type = typeName(schema);
  if (type === 'string' && schema.format === 'date-time') return 'date-time';
  if (type === 'string' && schema.format === 'uuid') return 'uuid';
  if (type === 'number' || type === 'integer' || type === 'boolean') return type;
  return 'string';
}

/**
 * One field from a property schema of a payload: type (with `date-time` and `uuid` formats,
 * enums and array items), required, description and first example. Unknown shapes become
 * strings or objects rather than failing. Pure; throws `ImportError` on a bad `$ref`.
 */
export function propertyToField(root: unknown, name: string, raw: unknown, required: boolean, at: string): FieldDef {
  const { value, pointer } = followRefs(root, raw, at);
  if (!isRecord(value)) {
    if (value === true) return { name, type: 'string', required };
    throw new ImportError({ path: pointer, message: `Property "${name}" must be a schema object, found ${kindOf(value)}` });
  }
  const field: FieldDef = { name, type: 'string', required };
  const values = Array.isArray(value.enum) ? value.enum : value.const !== undefined ? [value.const] : undefined;
  const type = typeName(value);
  if (values) {
    field.type = 'enum';
    field.enumValues = values.filter((v) => v !== null).map(String);
  } else if (type === 'array') {
    field.type = 'array';
    const items = value.items === undefined ? {} : followRefs(root, value.items, childPointer(pointer, 'items')).value;
    field.itemType = isRecord(items) ? scalarType(items) : 'string';
  } else if (type === 'object' || (type === undefined && isRecord(value.properties))) {
    field.type = 'object';
  } else {
    field.type = scalarType(value);
  }
  if (typeof value.description === 'string' && value.description) field.description = value.description;
  const example = Array.isArray(value.examples) ? value.examples[0] : value.example;
  const scalarExample = field.type === 'array' && Array.isArray(example) ? example[0] : example;
  if (scalarExample !== undefined && isLiteral(scalarExample)) field.example = scalarExample;
  return field;
}

/** The fields of an object schema's own `properties`, with `required`. Pure; throws `ImportError`. */
export function schemaFields(root: unknown, schema: Record<string, unknown>, at: string): FieldDef[] {
  if (schema.properties === undefined) return [];
  if (!isRecord(schema.properties)) {
    throw new ImportError({ path: childPointer(at, 'properties'), message: `"properties" must be an object, found ${kindOf(schema.properties)}` });
  }
  if (schema.required !== undefined && !(Array.isArray(schema.required) && schema.required.every((r) => typeof r === 'string'))) {
    throw new ImportError({ path: childPointer(at, 'required'), message: '"required" must be an array of property names' });
  }
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(schema.properties).map(([name, property]) =>
    propertyToField(root, name, property, required.has(name), childPointer(childPointer(at, 'properties'), name)));
}
