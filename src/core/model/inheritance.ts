import { usedLibraryNames, libraryDefs, objectProperties, payloadPaths, type PayloadPath, type SchemaDefs } from './schema';
import { setOwn } from './ownKeys';
import type { EventType, FlowDocument, JsonSchema, JsonSchemaObject } from './types';

/**
 * The base chain of an event type, from the root down to the type itself
 * (e.g. AbstractContentEvent, VideoEvent, VideoStatusChangeEvent). Pure. Stops at a cycle
 * or a dangling `extends` instead of throwing; the validator reports those.
 */
export function inheritanceChain(doc: FlowDocument, eventTypeId: string): EventType[] {
  const chain: EventType[] = [];
  const seen = new Set<string>();
  let current = doc.eventTypes.find((e) => e.id === eventTypeId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    const baseId = current.extends;
    current = baseId === undefined ? undefined : doc.eventTypes.find((e) => e.id === baseId);
  }
  return chain;
}

/**
 * The event types of an `extends` cycle that `eventTypeId` lies on, starting with it
 * (A → B → A gives [A, B]); undefined when following `extends` from it ends. Pure.
 */
export function inheritanceCycle(doc: FlowDocument, eventTypeId: string): EventType[] | undefined {
  const start = doc.eventTypes.find((e) => e.id === eventTypeId);
  if (!start) return undefined;
  const path: EventType[] = [start];
  let current = start;
  while (current.extends !== undefined) {
    const baseId = current.extends;
    const base = doc.eventTypes.find((e) => e.id === baseId);
    if (!base) return undefined;
    if (base.id === start.id) return path;
    if (path.includes(base)) return undefined;
    path.push(base);
    current = base;
  }
  return undefined;
}

/** The aggregate-id path of an event type, own or inherited (nearest wins). Pure. */
export function effectiveAggregateIdPath(doc: FlowDocument, eventTypeId: string): string | undefined {
  const chain = inheritanceChain(doc, eventTypeId);
  for (let i = chain.length - 1; i >= 0; i--) {
    const path = chain[i]?.aggregateIdPath;
    if (path !== undefined) return path;
  }
  return undefined;
}

/** The design's schema library as a lookup by name. Pure. */
export function designDefs(doc: Pick<FlowDocument, 'schemaLibrary'>): SchemaDefs {
  return libraryDefs(doc.schemaLibrary);
}

/**
 * A schema made self-contained: the library entries it uses (directly or through each other) are
 * put under its `$defs`, where its `#/$defs/<name>` references point. Entries of its own `$defs`
 * win over the library's. Pure.
 */
export function withLibraryDefs(schema: JsonSchemaObject, defs: SchemaDefs): JsonSchemaObject {
  const used = usedLibraryNames(schema, defs);
  if (used.length === 0) return schema;
  const own = typeof schema.$defs === 'object' && schema.$defs !== null && !Array.isArray(schema.$defs) ? schema.$defs as Record<string, unknown> : {};
  const merged: Record<string, unknown> = {};
  for (const name of used) setOwn(merged, name, defs.get(name));
  for (const name of Object.keys(own)) setOwn(merged, name, own[name]);
  return { ...schema, $defs: merged };
}

/**
 * The whole payload schema of an event type with its inheritance: its own payload for a root
 * type, else `allOf` of every payload of its chain (root first), with the library entries it
 * uses under `$defs`, so that the result validates on its own (e.g. with ajv). A cycle of
 * `extends` is cut where it closes (the validator reports it). Undefined for an unknown id. Pure.
 */
export function effectivePayloadSchema(doc: FlowDocument, eventTypeId: string): JsonSchemaObject | undefined {
  const chain = inheritanceChain(doc, eventTypeId);
  if (chain.length === 0) return undefined;
  const defs = designDefs(doc);
  const payload = chain.length === 1 ? chain[0]!.payload : { allOf: chain.map((type) => type.payload) };
  return withLibraryDefs(payload, defs);
}

/** A value of an event's payload, with the type in the chain that declares it. */
export interface EventPath extends PayloadPath {
  /** Name of the base type that declares the (top-level) property; undefined for the type's own. */
  inheritedFrom?: string;
}

/**
 * Every value of an event type's payload by path, inherited ones too (a redefinition in a
 * subtype combines with its base's, as `allOf` does, and counts as the subtype's own), parents
 * before children; with `listItems`, the properties of list items too (`/lines/0/price`). Pure.
 */
export function eventPayloadPaths(doc: FlowDocument, eventTypeId: string, options: { listItems?: boolean } = {}): EventPath[] {
  const chain = inheritanceChain(doc, eventTypeId);
  const defs = designDefs(doc);
  const schema: JsonSchema = chain.length === 1 ? chain[0]!.payload : { allOf: chain.map((type) => type.payload) };
  const declaredBy = new Map<string, EventType>();
  for (const type of [...chain].reverse()) {
    for (const name of objectProperties(type.payload, defs).keys()) if (!declaredBy.has(name)) declaredBy.set(name, type);
  }
  let top: EventType | undefined;
  return payloadPaths(schema, defs, options).map((entry) => {
    if (entry.depth === 1) top = declaredBy.get(entry.name);
    return top && top.id !== eventTypeId ? { ...entry, inheritedFrom: top.name } : entry;
  });
}

/** Every value of a command's input by path, parents before children (with `listItems`, list items' too). Pure. */
export function commandInputPaths(doc: Pick<FlowDocument, 'schemaLibrary'>, input: JsonSchema, options: { listItems?: boolean } = {}): PayloadPath[] {
  return payloadPaths(input, designDefs(doc), options);
}
