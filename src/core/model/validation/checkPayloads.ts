import { checkSchema } from '../schema/checkSchema';
import { envelopeAttributes, envelopeLabel } from '../schema/envelope';
import { pathLabel } from '../schema/paths';
import {
  collectRefs, forEachSubschema, isSchemaObject, libraryDefs, parseLibraryRef, resolveLibraryRef, schemaTypes, type SchemaDefs,
} from '../schema/schemaAccess';
import { objectProperties } from '../schema/schemaPaths';
import { validateInstance } from '../schema/validateInstance';
import type { FlowNode, JsonSchema, JsonValue } from '../types';
import { ProblemSink, pointerSegment, type Problem } from './problems';

/** Where a schema lives and whose it is, for messages. */
interface SchemaOwner {
  node?: FlowNode;
  /** How the message names the schema: "OrderPlaced", "command Place's input", "library schema Money". */
  what: string;
  /** Where to fix it, said to the user. */
  fix: string;
}

/** The data path of a property whose schema sits at this location, for messages (`/properties/a/properties/b` → `a.b`). */
function propertyLabel(location: string): string {
  const keys: string[] = [];
  const parts = location.split('/').slice(1);
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'properties' && i + 1 < parts.length) keys.push(parts[++i]!);
  }
  return keys.length === 0 ? 'the payload' : `'${pathLabel(`/${keys.join('/')}`)}'`;
}

function checkConstraints(sink: ProblemSink, owner: SchemaOwner, schema: JsonSchema, at: string, defs: SchemaDefs): void {
  forEachSubschema(schema, (sub, location) => {
    if (!isSchemaObject(sub)) return;
    const where = () => `${owner.what}: ${propertyLabel(location)}`;
    const add = (keyword: string, message: string) =>
      sink.add('invalid-constraint', `${at}${location}/${keyword}`, `${where()} ${message}: ${owner.fix}`, owner.node?.id);
    const pairs = [['minimum', 'maximum'], ['minLength', 'maxLength'], ['minItems', 'maxItems'], ['minProperties', 'maxProperties'], ['minContains', 'maxContains']] as const;
    for (const [low, high] of pairs) {
      if (typeof sub[low] === 'number' && typeof sub[high] === 'number' && (sub[low] as number) > (sub[high] as number)) {
        add(low, `has ${low} ${sub[low] as number} above ${high} ${sub[high] as number}, so no value fits`);
      }
    }
    if (typeof sub.pattern === 'string') {
      try {
        new RegExp(sub.pattern, 'u');
      } catch (error) {
        add('pattern', `has a pattern that is no regular expression (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    const misfit = (value: unknown) => validateInstance(sub, value as JsonValue, defs)[0];
    if (sub.default !== undefined) {
      const why = misfit(sub.default);
      if (why) sink.add('invalid-example', `${at}${location}/default`, `${where()}: its default does not fit it (${why.path ? `${pathLabel(why.path)} ` : ''}${why.message}): ${owner.fix}`, owner.node?.id);
    }
    if (Array.isArray(sub.examples)) {
      sub.examples.forEach((example, i) => {
        const why = misfit(example);
        if (why) sink.add('invalid-example', `${at}${location}/examples/${i}`, `${where()}: example ${i + 1} does not fit it (${why.path ? `${pathLabel(why.path)} ` : ''}${why.message}): ${owner.fix}`, owner.node?.id);
      });
    }
    if (Array.isArray(sub.enum) && sub.enum.length === 0) {
      sink.add('enum-without-values', `${at}${location}/enum`, `${where()} is an enum with no allowed values: type them in the inspector, comma separated`, owner.node?.id);
    }
    if (isSchemaObject(sub.properties)) {
      for (const name of Object.keys(sub.properties)) {
        if (name.trim() === '') {
          sink.add('empty-name', `${at}${location}/properties/${pointerSegment(name)}`, `${where()} has a property without a name: give it one in the inspector`, owner.node?.id);
        }
      }
    }
  });
}

function checkRefs(sink: ProblemSink, owner: SchemaOwner, schema: JsonSchema, at: string, defs: SchemaDefs): void {
  for (const { ref, at: location } of collectRefs(schema)) {
    const inLibrary = parseLibraryRef(ref);
    if (inLibrary && resolveLibraryRef(ref, defs) !== undefined) continue;
    const message = inLibrary
      ? `refers to '${inLibrary.name}${inLibrary.pointer}', which is not in the design's schema library: add it to the library or pick another schema`
      : `refers to '${ref}': only references into the design's schema library (#/$defs/<name>) are supported: pick a library schema instead`;
    sink.add('unknown-schema-ref', `${at}${location}`, `${owner.what}: ${propertyLabel(location.replace(/\/\$ref$/, ''))} ${message}`, owner.node?.id);
  }
}

/** Problems of a schema by schema object, then library: a schema that did not change is not checked again. */
const schemaProblemCache = new WeakMap<object, WeakMap<object, Map<string, Problem[]>>>();

/** Structure, references, contradictory constraints, empty names and empty enums of one schema. */
export function checkSchemaProblems(sink: ProblemSink, owner: SchemaOwner, schema: JsonSchema, at: string): void {
  const cacheable = typeof schema === 'object';
  const key = `${at}\u0000${owner.what}\u0000${owner.fix}\u0000${owner.node?.id ?? ''}`;
  const byLibrary = cacheable ? schemaProblemCache.get(schema)?.get(sink.doc.schemaLibrary) : undefined;
  const cached = byLibrary?.get(key);
  if (cached) {
    sink.problems.push(...cached);
    return;
  }
  const local = new ProblemSink(sink.doc);
  const defs = libraryDefs(sink.doc.schemaLibrary);
  const structure = checkSchema(schema, at);
  for (const issue of structure) local.add('invalid-schema', issue.path, `${owner.what}: ${issue.message}: ${owner.fix}`, owner.node?.id);
  if (structure.length === 0) {
    checkRefs(local, owner, schema, at, defs);
    checkConstraints(local, owner, schema, at, defs);
  }
  sink.problems.push(...local.problems);
  if (cacheable) {
    const libraries = schemaProblemCache.get(schema) ?? new WeakMap<object, Map<string, Problem[]>>();
    const entries = libraries.get(sink.doc.schemaLibrary) ?? new Map<string, Problem[]>();
    entries.set(key, local.problems);
    libraries.set(sink.doc.schemaLibrary, entries);
    schemaProblemCache.set(schema, libraries);
  }
}

/** With this tool's envelope the payload's properties sit beside the envelope's: the payload must be an object that does not reuse their names. */
export function checkPayloadFitsEnvelope(sink: ProblemSink, owner: SchemaOwner & { node: FlowNode }, schema: JsonSchema, at: string): void {
  if (sink.doc.envelope.kind !== 'eventflow') return;
  const types = schemaTypes(schema);
  if (types && !types.includes('object')) {
    sink.add('payload-not-object', `${at}/type`, `${owner.what}: the payload is ${types.join(' or ')}, but the ${envelopeLabel('eventflow')} puts the payload's properties beside its own, so it must be an object: make it an object, or choose CloudEvents in the design's envelope`, owner.node.id);
  }
  const names = new Set(envelopeAttributes(sink.doc.envelope).map((a) => a.name));
  for (const name of objectProperties(schema, libraryDefs(sink.doc.schemaLibrary)).keys()) {
    if (names.has(name)) {
      sink.add('payload-shadows-envelope', `${at}/properties/${pointerSegment(name)}`, `${owner.what}: '${name}' is also an envelope attribute, and the envelope's value wins: rename it`, owner.node.id);
    }
  }
}

/** The library: names given and distinct, each schema sound. */
export function checkLibrary(sink: ProblemSink): void {
  const seen = new Set<string>();
  sink.doc.schemaLibrary.forEach((entry, i) => {
    const path = `/schemaLibrary/${i}`;
    if (entry.name.trim() === '') sink.add('empty-name', `${path}/name`, `Library schema #${i + 1} has no name: give it one in the schema library`);
    else if (seen.has(entry.name)) sink.add('duplicate-name', `${path}/name`, `Library schema '${entry.name}': another library schema has this name: rename one of them`);
    seen.add(entry.name);
    checkSchemaProblems(sink, { what: `library schema '${entry.name}'`, fix: 'fix it in the schema library' }, entry.schema, `${path}/schema`);
  });
}

