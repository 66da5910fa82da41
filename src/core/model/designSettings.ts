import { FlowOperationError } from './FlowOperationError';
import { carryEnvelopePath } from './schema/envelope';
import { libraryRef, mapRefs, parseLibraryRef } from './schema/schemaAccess';
import type { Consumer, EnvelopeSettings, FlowDocument, JsonSchema, JsonSchemaObject, ValueSource } from './types';

/** Every value source of every consumer, changed by `change`. */
function mapConsumerSources(consumers: readonly Consumer[], change: (source: ValueSource) => ValueSource): Consumer[] {
  return consumers.map((consumer) => ({
    ...consumer,
    handlers: consumer.handlers.map((handler) => ({
      ...handler,
      effects: handler.effects.map((effect) => {
        const key = change(effect.key);
        if (effect.kind === 'upsert') return { ...effect, key, set: effect.set.map((a) => ({ ...a, source: change(a.source) })) };
        if (effect.kind === 'append') return { ...effect, key, value: change(effect.value) };
        return { ...effect, key };
      }),
      emits: handler.emits.map((e) => ({ ...e, mappings: e.mappings.map((m) => ({ ...m, source: change(m.source) })) })),
    })),
  }));
}

/**
 * The design with another envelope. Handlers that read an envelope attribute read the same thing
 * in the new envelope (`/eventId` ↔ `/id`, `/occurredAt` ↔ `/time`, `/aggregateId` ↔ `/subject`);
 * a read with no counterpart is left as it was, for the validator to show. Pure.
 */
export function withEnvelope(doc: FlowDocument, envelope: EnvelopeSettings): FlowDocument {
  const carry = (source: ValueSource): ValueSource => {
    if (source.from !== 'envelope') return source;
    const path = carryEnvelopePath(source.path, doc.envelope, envelope);
    return path === undefined || path === source.path ? source : { ...source, path };
  };
  return { ...doc, envelope, consumers: mapConsumerSources(doc.consumers, carry) };
}

/** Every schema of the design (payloads, inputs, library entries) changed by `change`. */
function mapSchemas(doc: FlowDocument, change: (schema: JsonSchemaObject) => JsonSchemaObject, changeAny: (schema: JsonSchema) => JsonSchema): FlowDocument {
  return {
    ...doc,
    schemaLibrary: doc.schemaLibrary.map((entry) => ({ ...entry, schema: changeAny(entry.schema) })),
    eventTypes: doc.eventTypes.map((type) => ({ ...type, payload: change(type.payload) })),
    producers: doc.producers.map((p) => ({ ...p, commands: p.commands.map((c) => ({ ...c, input: change(c.input) })) })),
  };
}

/** A library name not used yet: `base`, `base2`, `base3`… */
export function freshLibraryName(doc: FlowDocument, base = 'Schema'): string {
  const taken = new Set(doc.schemaLibrary.map((entry) => entry.name));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** Adds a schema to the library. Pure. Throws FlowOperationError when the name is empty or taken. */
export function addLibrarySchema(doc: FlowDocument, name: string, schema: JsonSchema): FlowDocument {
  if (name.trim() === '') throw new FlowOperationError('A library schema needs a name');
  if (doc.schemaLibrary.some((entry) => entry.name === name)) throw new FlowOperationError(`The library already has a schema called '${name}'`);
  return { ...doc, schemaLibrary: [...doc.schemaLibrary, { name, schema }] };
}

/**
 * Renames a library schema; every `$ref` to it (in payloads, inputs and other library schemas)
 * follows. Pure. Throws FlowOperationError when `from` is unknown or `to` is empty or taken.
 */
export function renameLibrarySchema(doc: FlowDocument, from: string, to: string): FlowDocument {
  if (from === to) return doc;
  if (!doc.schemaLibrary.some((entry) => entry.name === from)) throw new FlowOperationError(`The library has no schema called '${from}'`);
  if (to.trim() === '') throw new FlowOperationError('A library schema needs a name');
  if (doc.schemaLibrary.some((entry) => entry.name === to)) throw new FlowOperationError(`The library already has a schema called '${to}'`);
  const rewrite = (ref: string) => {
    const target = parseLibraryRef(ref);
    return target?.name === from ? `${libraryRef(to)}${target.pointer.split('/').map((s) => encodeURIComponent(s)).join('/')}` : ref;
  };
  const renamed = { ...doc, schemaLibrary: doc.schemaLibrary.map((entry) => (entry.name === from ? { ...entry, name: to } : entry)) };
  return mapSchemas(renamed, (schema) => mapRefs(schema, rewrite) as JsonSchemaObject, (schema) => mapRefs(schema, rewrite) as JsonSchema);
}

/** Replaces the schema of a library entry. Pure. */
export function replaceLibrarySchema(doc: FlowDocument, name: string, schema: JsonSchema): FlowDocument {
  return { ...doc, schemaLibrary: doc.schemaLibrary.map((entry) => (entry.name === name ? { ...entry, schema } : entry)) };
}

/** Removes a library entry; references to it stay, and the validator says where they are. Pure. */
export function removeLibrarySchema(doc: FlowDocument, name: string): FlowDocument {
  return { ...doc, schemaLibrary: doc.schemaLibrary.filter((entry) => entry.name !== name) };
}
