import {
  derefSchema, isNullable, isSchemaObject, mergeSchemas, objectProperties, schemaKind, schemaTypes, subschema, validateInstance,
  type JsonSchema, type JsonSchemaObject, type JsonValue, type Payload, type SchemaDefs, type SchemaKind,
} from '../../../core';

/**
 * The fire form's model: the payload being edited (real JSON), plus the texts typed into number
 * boxes that are not numbers yet (by JSON pointer), so a half-typed `1.` or `-` is neither lost nor
 * sent. All pure.
 */
export interface FormState {
  value: Payload;
  /** Texts of number inputs that do not parse (yet), by path. */
  pending: ReadonlyMap<string, string>;
}

/** How a part of the payload is edited. */
export type FormKind = 'object' | 'array' | 'text' | 'number' | 'integer' | 'boolean' | 'choice' | 'null' | 'json';

/** A schema made plain for the form: library references followed and `allOf` folded in. */
export function formSchema(schema: JsonSchema | undefined, defs: SchemaDefs): JsonSchema {
  let current = derefSchema(schema ?? true, defs) ?? true;
  for (let round = 0; round < 4 && isSchemaObject(current) && Array.isArray(current.allOf); round++) {
    const { allOf, ...rest } = current;
    current = mergeSchemas([rest, ...allOf.map((s) => derefSchema(s as JsonSchema, defs)).filter(isSchemaObject)]);
  }
  return current;
}

/** Which input edits a value of this (plain) schema; anything the form cannot show field by field is edited as JSON. */
export function formKind(schema: JsonSchema): FormKind {
  const kind: SchemaKind = schemaKind(schema);
  if (kind === 'enum') return 'choice';
  switch (kind) {
    case 'object': return 'object';
    case 'array': return isSchemaObject(schema) && schema.prefixItems === undefined ? 'array' : 'json';
    case 'string': case 'date-time': case 'uuid': return 'text';
    case 'number': return 'number';
    case 'integer': return 'integer';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    default: return 'json';
  }
}

/** The values an enum allows (or a boolean's), for a select. */
export function choices(schema: JsonSchema): JsonValue[] {
  if (isSchemaObject(schema) && Array.isArray(schema.enum)) return schema.enum as JsonValue[];
  return [true, false];
}

/** The properties of an object schema for the form: name, schema and whether it is required. */
export function formProperties(schema: JsonSchema, defs: SchemaDefs): { name: string; schema: JsonSchema; required: boolean }[] {
  return [...objectProperties(schema, defs)].map(([name, info]) => ({
    name, schema: info.schemas.length === 1 ? info.schemas[0]! : { allOf: info.schemas }, required: info.required && !info.conditional,
  }));
}

/** The items' schema of an array schema (anything when it has none). */
export const itemSchema = (schema: JsonSchema): JsonSchema => subschema(schema, 'items') ?? true;

/** Whether `null` is a choice of its own for this schema (a nullable string, number…). */
export const allowsNull = (schema: JsonSchema): boolean => isNullable(schema) && (schemaTypes(schema)?.length ?? 0) > 1;

/** A starting value for a new array item or an optional part switched on: required parts filled with empty values. */
export function skeleton(schema: JsonSchema, defs: SchemaDefs, depth = 0): JsonValue {
  const plain = formSchema(schema, defs);
  if (isSchemaObject(plain) && plain.default !== undefined) return plain.default as JsonValue;
  switch (formKind(plain)) {
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      if (depth < 6) {
        for (const property of formProperties(plain, defs)) {
          if (property.required) Object.defineProperty(out, property.name, { value: skeleton(property.schema, defs, depth + 1), enumerable: true, writable: true, configurable: true });
        }
      }
      return out;
    }
    case 'array': return [];
    case 'number': case 'integer': return 0;
    case 'boolean': return false;
    case 'choice': return choices(plain)[0] ?? null;
    case 'null': return null;
    case 'text': return '';
    case 'json': return null;
  }
}

/** How many single inputs the form would show; beyond a limit the form offers the JSON box alone. */
export function countInputs(schema: JsonSchema, defs: SchemaDefs, limit: number, depth = 0): number {
  const plain = formSchema(schema, defs);
  const kind = formKind(plain);
  if (kind === 'object' && depth < 8) {
    let total = 0;
    for (const property of formProperties(plain, defs)) {
      total += countInputs(property.schema, defs, limit - total, depth + 1);
      if (total > limit) return total;
    }
    return total;
  }
  if (kind === 'array') return 1 + countInputs(itemSchema(plain), defs, limit, depth + 1);
  return 1;
}

/**
 * What is wrong with the form, by path: texts that are no numbers, then every part of the payload
 * that does not fit the input schema. Empty when the payload can be fired.
 */
export function formErrors(schema: JsonSchemaObject, state: FormState, defs: SchemaDefs): Map<string, string> {
  const errors = new Map<string, string>();
  for (const [path, text] of state.pending) errors.set(path, text === '' ? 'a number is needed' : `“${text}” is not a number`);
  for (const error of validateInstance(schema, state.value, defs)) if (!errors.has(error.path)) errors.set(error.path, error.message);
  return errors;
}
