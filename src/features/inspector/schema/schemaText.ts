import { checkSchema, describeValue, findJsonSyntaxError, isSchemaObject, type JsonSchemaObject, type SchemaIssue } from '../../../core';

/** Why a typed schema cannot be used: where (a JSON pointer, or a line and column) and what. */
export interface SchemaTextError {
  message: string;
  /** JSON pointer of the bad part, for a well-formed JSON text that is no good schema. */
  path?: string;
  line?: number;
  column?: number;
  /** Every issue when there are several. */
  issues?: SchemaIssue[];
}

/** A payload schema as the raw tab shows it. Pure. */
export function schemaText(schema: JsonSchemaObject): string {
  return JSON.stringify(schema, null, 2);
}

/**
 * The schema typed in the raw tab, or why it cannot be used: not JSON (line and column), not an
 * object, or not a well-formed JSON Schema 2020-12 (each issue with its JSON pointer). Pure.
 */
export function parseSchemaText(text: string): { schema: JsonSchemaObject } | { error: SchemaTextError } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const found = findJsonSyntaxError(text);
    return { error: found ? { message: `Not JSON: ${found.message}`, line: found.line, column: found.column } : { message: `Not JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
  if (!isSchemaObject(value)) return { error: { message: `A payload schema must be a JSON object, found ${describeValue(value)}`, path: '' } };
  const issues = checkSchema(value);
  if (issues.length > 0) {
    const [first] = issues;
    return { error: { message: first!.message, path: first!.path, issues } };
  }
  return { schema: value };
}
