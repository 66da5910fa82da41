/**
 * Reading this tool's own whole-design export back: the design is in `x-eventflow-design`, its
 * payloads and library in `components.schemas` (read like any AsyncAPI schema, so a document
 * edited elsewhere still reads). The result goes through `restoreFlowDocument`. Pure.
 */
import { libraryRef } from '../../model/schema/schemaAccess';
import type { FlowDocument, JsonSchemaObject } from '../../model/types';
import { isRecord } from '../jsonPointer';
import { rewriteComponentRefs, rewriteRefs } from '../contracts/schemaRefs';
import { child, fail, type DocumentSet, type Location } from './documentSet';
import { DESIGN_EXTENSION } from './designExtension';
import type { JsonObject } from './normalized';
import { SchemaReader } from './schemaReader';

/** Whether a document carries a design this tool wrote. */
export const hasOwnDesign = (root: unknown): root is JsonObject => isRecord(root) && isRecord(root[DESIGN_EXTENSION]);

/** Rebuilds the design written in the document at `file` of the set. Throws `SetImportError` where the extension is malformed. */
export function readOwnDesign(set: DocumentSet, file: string): FlowDocument {
  const rootAt: Location = { file, pointer: '' };
  const root = set.file(file)!.value as JsonObject;
  const extAt = child(rootAt, DESIGN_EXTENSION);
  const ext = root[DESIGN_EXTENSION] as JsonObject;
  if (!isRecord(ext.document) || !Array.isArray(ext.library) || !isRecord(ext.payloadSchemas)) {
    fail(extAt, `"${DESIGN_EXTENSION}" must hold "document", "payloadSchemas" and "library"`);
  }
  const document = ext.document as JsonObject;
  const schemasAt = child(child(rootAt, 'components'), 'schemas');
  const reader = new SchemaReader(set, { refTo: (name) => ({ $ref: libraryRef(name) }) });
  const readSchema = (key: unknown, at: Location): JsonObject | boolean => {
    if (typeof key !== 'string') return fail(at, 'A schema name must be a string');
    const place = child(schemasAt, key);
    if (set.read(place) === undefined) fail(at, `components.schemas has no "${key}"`);
    return reader.read({ $ref: `#/components/schemas/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` }, at);
  };
  // Library entries keep their names in the design; the reader names them after their component keys.
  const library = (ext.library as unknown[]).map((entry, i) => {
    const at = child(child(extAt, 'library'), i);
    if (!isRecord(entry) || typeof entry.name !== 'string') return fail(at, 'A library entry needs a "name" and a "schema"');
    if (typeof entry.schema !== 'string' || set.read(child(schemasAt, entry.schema)) === undefined) return fail(at, `components.schemas has no "${String(entry.schema)}"`);
    return { name: entry.name, readerName: reader.named(child(schemasAt, entry.schema)) };
  });
  const designName = new Map(library.map((e) => [e.readerName, e.name]));
  const back = <T>(schema: T): T => rewriteRefs(schema, '#/$defs/', (n) => designName.get(n) ?? n) as T;
  // The extension's own schemas point at `#/components/schemas/<key>`; in the design they are `#/$defs/<name>`.
  const keyName = new Map((ext.library as { name: string; schema: string }[]).map((e) => [e.schema, e.name]));
  const fromComponents = <T>(value: T): T => rewriteComponentRefs(value, (key) => keyName.get(key) ?? key) as T;
  if (!Array.isArray(document.eventTypes)) fail(child(child(extAt, 'document'), 'eventTypes'), '"eventTypes" must be an array');
  const eventTypes = (document.eventTypes as unknown[]).map((raw, i) => {
    const at = child(child(child(extAt, 'document'), 'eventTypes'), i);
    if (!isRecord(raw) || typeof raw.id !== 'string') return fail(at, 'An event type needs an "id"');
    const key = Object.hasOwn(ext.payloadSchemas as JsonObject, raw.id) ? (ext.payloadSchemas as JsonObject)[raw.id] : undefined;
    let payload = readSchema(key, at);
    // A subtype's payload schema is `allOf: [base, own]`: the design keeps its own part.
    if (raw.extends !== undefined && isRecord(payload) && Array.isArray(payload.allOf) && payload.allOf.length === 2) payload = payload.allOf[1] as JsonObject;
    return { ...fromComponents(raw), payload: back(payload === true ? {} : payload === false ? { not: {} } : payload) as JsonSchemaObject };
  });
  const schemaLibrary = library.map((entry) => ({
    name: entry.name,
    schema: back(reader.library.get(entry.readerName) ?? {}),
  }));
  const restored: JsonObject = { ...fromComponents(document), eventTypes, schemaLibrary };
  const evolution = document.evolution;
  if (isRecord(evolution) && typeof evolution.baselineJson === 'string') {
    const { baselineJson, ...settings } = evolution;
    try {
      restored.evolution = { ...settings, baseline: JSON.parse(baselineJson as string) as unknown };
    } catch {
      fail(child(child(extAt, 'document'), 'evolution'), 'The baseline is not valid JSON');
    }
  }
  return restored as unknown as FlowDocument;
}
