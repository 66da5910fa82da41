import {
  getOwn, FIELD_TYPES, isSchemaObject, libraryRef, parseLibraryRef, schemaKind, withType, type FieldType, type JsonSchema, type JsonSchemaObject,
} from '../../../core';
import type { SelectOption } from '../controls';

const KEEP = ['title', 'description', '$comment', 'deprecated', 'examples', 'default'];

/** The value of the type picker for a schema: a simple type, `null`, `ref:<library name>`, or `custom`. */
export function typeChoiceOf(schema: JsonSchema): string {
  const kind = schemaKind(schema);
  if (kind === 'ref' && isSchemaObject(schema) && typeof schema.$ref === 'string') {
    const target = parseLibraryRef(schema.$ref);
    return target && target.pointer === '' ? `ref:${target.name}` : 'custom';
  }
  return (FIELD_TYPES as readonly string[]).includes(kind) || kind === 'null' ? kind : 'custom';
}

/** The options of the type picker: the simple types, null, each library schema, and the current one if it is none of those. */
export function typeOptions(schema: JsonSchema, libraryNames: readonly string[]): SelectOption[] {
  const options: SelectOption[] = [...FIELD_TYPES.map((t) => ({ value: t, label: t })), { value: 'null', label: 'null' }];
  for (const name of libraryNames) options.push({ value: `ref:${name}`, label: `→ ${name}`, group: 'Schema library' });
  const current = typeChoiceOf(schema);
  if (current === 'custom') options.unshift({ value: 'custom', label: `${schemaKind(schema)} (edit as JSON)` });
  return options;
}

/** The schema after picking a type: simple types keep what still applies; a library pick becomes a `$ref`. */
export function withTypeChoice(schema: JsonSchema, choice: string): JsonSchemaObject {
  const old: JsonSchemaObject = isSchemaObject(schema) ? schema : {};
  const kept: JsonSchemaObject = {};
  for (const key of KEEP) if (getOwn(old, key) !== undefined) Object.defineProperty(kept, key, { value: getOwn(old, key), enumerable: true, writable: true, configurable: true });
  if (choice === 'null') return { ...kept, type: 'null' };
  if (choice.startsWith('ref:')) return { $ref: libraryRef(choice.slice(4)), ...kept };
  if ((FIELD_TYPES as readonly string[]).includes(choice)) return withType(schema, choice as FieldType);
  return old;
}
