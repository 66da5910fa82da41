import { validateInstance, type JsonValue, type Payload, type SchemaDefs, type JsonSchemaObject } from '../../../core';

/** The payload as editable JSON text. Pure. */
export function payloadText(payload: Payload): string {
  return JSON.stringify(payload, null, 2);
}

/**
 * The payload typed as JSON text, checked against the command's input schema. Returns the
 * payload, or the errors (syntax, or each value that does not fit, by path). Pure.
 */
export function payloadFromText(text: string, schema: JsonSchemaObject, defs: SchemaDefs): { payload?: Payload; errors: { path: string; message: string }[] } {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    return { errors: [{ path: '', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { errors: [{ path: '', message: 'the input must be a JSON object' }] };
  const errors = validateInstance(schema, value, defs);
  return errors.length > 0 ? { errors } : { payload: value, errors: [] };
}
