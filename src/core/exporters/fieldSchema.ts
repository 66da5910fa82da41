import { envelopeAttributes } from '../model/schema/envelope';
import { pathLabel } from '../model/schema/paths';
import { requiredNames, usedLibraryNames, type SchemaDefs } from '../model/schema/schemaAccess';
import { setOwn } from '../model/ownKeys';
import type { EventType, JsonSchemaObject } from '../model/types';

/** A JSON Schema as a plain object (both the 2020-12 dialect and AsyncAPI's draft-07 superset). */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * An event type's own payload split for an exported schema: its `properties` and `required`, and
 * every other keyword of the payload (kept verbatim), without `type` (the export says `object`).
 * Pure.
 */
export function payloadParts(payload: JsonSchemaObject): { properties: Record<string, unknown>; required: string[]; rest: JsonSchema } {
  const { properties, required: _required, type: _type, ...rest } = payload;
  const copy: Record<string, unknown> = {};
  if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
    for (const key of Object.keys(properties)) setOwn(copy, key, (properties as Record<string, unknown>)[key]);
  }
  return { properties: copy, required: requiredNames(payload), rest };
}

/** The `aggregateId` description of an exported event schema, naming the value it copies. */
export function aggregateIdNote(type: EventType): JsonSchema | undefined {
  return type.aggregateIdPath === undefined ? undefined : { description: `The value of \`${pathLabel(type.aggregateIdPath)}\`` };
}

/** The library entries a schema uses, by name, to embed beside it. */
export function libraryFor(schema: unknown, defs: SchemaDefs): Record<string, unknown> | undefined {
  const names = usedLibraryNames(schema, defs);
  if (names.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const name of names) setOwn(out, name, defs.get(name));
  return out;
}

/** The envelope every event carries (this tool's envelope), as schema properties. */
export function envelopeProperties(): { properties: Record<string, JsonSchema>; required: string[] } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const attr of envelopeAttributes({ kind: 'eventflow' })) {
    setOwn(properties, attr.name, { ...attr.schema, description: attr.description });
    if (attr.required) required.push(attr.name);
  }
  return { properties, required };
}
