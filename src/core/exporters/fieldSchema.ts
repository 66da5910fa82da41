import { setOwn } from '../model/ownKeys';
import type { FieldDef, FieldType } from '../model/types';

/** A JSON Schema as a plain object (both the 2020-12 dialect and AsyncAPI's draft-07 superset). */
export type JsonSchema = { [keyword: string]: unknown };

/** The JSON Schema of one value type; `enumValues` only matter for `enum`. */
function typeSchema(type: FieldType, enumValues?: string[], itemType?: FieldDef['itemType']): JsonSchema {
  switch (type) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'object':
      return { type };
    case 'enum':
      return enumValues && enumValues.length > 0 ? { type: 'string', enum: [...enumValues] } : { type: 'string' };
    case 'date-time':
      return { type: 'string', format: 'date-time' };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'array':
      return { type: 'array', items: typeSchema(itemType ?? 'string') };
  }
}

/**
 * The JSON Schema of one event field: its type and format, description, allowed values and
 * example. The example is only kept when it is a non-null literal: `examples` must be valid
 * instances and a `null` never is for these types. Pure.
 */
export function fieldSchema(field: FieldDef): JsonSchema {
  const schema: JsonSchema = typeSchema(field.type, field.enumValues, field.itemType);
  if (field.description) schema.description = field.description;
  if (field.example !== undefined && field.example !== null) {
    schema.examples = [field.type === 'array' ? [field.example] : field.example];
  }
  return schema;
}

/** `properties` and `required` for a list of fields, in their order. Pure. */
export function fieldsToProperties(fields: readonly FieldDef[]): { properties: Record<string, JsonSchema>; required: string[] } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of fields) {
    setOwn(properties, field.name, fieldSchema(field));
    if (field.required) required.push(field.name);
  }
  return { properties, required };
}

/** The envelope every event carries, as schema properties. */
export function envelopeProperties(): { properties: Record<string, JsonSchema>; required: string[] } {
  return {
    properties: {
      // Not `format: uuid`: teams use UUIDs, ULIDs or broker-assigned ids, and the simulator uses short ids (e-12).
      eventId: { type: 'string', minLength: 1, description: 'Unique id of this event; consumers deduplicate on it (a UUID, a ULID or any unique string)' },
      eventType: { type: 'string', description: 'Name of the event type' },
      occurredAt: { type: 'string', format: 'date-time', description: 'When the event happened' },
      aggregateId: { type: 'string', description: 'Id of the aggregate the event belongs to' },
    },
    required: ['eventId', 'eventType', 'occurredAt', 'aggregateId'],
  };
}
