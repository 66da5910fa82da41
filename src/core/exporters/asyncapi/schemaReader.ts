import { unescapePointerSegment } from '../../model/validation/problems';
import { isRecord, kindOf } from '../jsonPointer';
import { MAX_DEPTH } from './derefDeep';
import { child, fail, locationKey, type DocumentSet, type Location } from './documentSet';
import { put, type JsonObject } from './normalized';

/** A JSON Schema (2020-12) as plain data; `true`/`false` are schemas too. */
export type Schema = JsonObject | boolean;

/** Keywords whose value is one schema. */
const ONE_SCHEMA = new Set(['additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'if', 'then', 'else', 'not', 'unevaluatedProperties', 'unevaluatedItems', 'contentSchema']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP = new Set(['properties', 'patternProperties', 'dependentSchemas']);
/** Keywords that apply to the same instance: a cycle through only these never ends (`allOf` A ↔ B). */
const IN_PLACE = new Set(['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas']);
/** Annotations that may sit beside a `$ref` (draft-07 ignores every sibling; these change nothing). */
const REF_ANNOTATIONS = new Set(['description', 'title', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', '$comment']);
/** Identifiers that mean nothing once a schema is copied out of its document. */
const DROPPED = new Set(['$schema', '$id', 'id', 'definitions', '$defs']);

const lastToken = (pointer: string) => unescapePointerSegment(pointer.slice(pointer.lastIndexOf('/') + 1));

export interface SchemaReaderOptions {
  /** The reference to a named schema of the design's library, e.g. `{ $ref: '#/$defs/Address' }`. */
  refTo: (name: string) => JsonObject;
  /** Names already taken in the library (by the design or an earlier import). */
  takenNames?: Iterable<string>;
  /** Called once per remote reference kept as it is (never fetched). */
  onRemote?: (url: string, at: Location) => void;
}

/**
 * Reads AsyncAPI schemas (JSON Schema draft-07 and its AsyncAPI superset) of a document set
 * into JSON Schema 2020-12: every keyword is kept (constraints, formats, enums and `const` of any
 * type, `null`, defaults, examples, `x-*`), tuple `items` become `prefixItems`, `dependencies`
 * become `dependentRequired`/`dependentSchemas`, and every `$ref` becomes a reference to a named
 * schema of one library, shared by all the schemas read (so two payloads that use one schema use
 * one library entry). A reference that names nothing is refused with its place; so is a cycle of
 * references that never descends into the instance (an inheritance cycle: `allOf` A → B → A),
 * which no validator can evaluate. Pure; throws `SetImportError`.
 */
export class SchemaReader {
  /** Library entries by name, in the order they were first referenced. */
  readonly library = new Map<string, Schema>();
  private readonly nameByPlace = new Map<string, string>();
  private readonly placeByName = new Map<string, Location>();
  private readonly taken: Set<string>;
  /** For each library entry, the entries it reaches without descending into the instance. */
  private readonly inPlaceEdges = new Map<string, Set<string>>();

  constructor(private readonly set: DocumentSet, private readonly options: SchemaReaderOptions) {
    this.taken = new Set(options.takenNames ?? []);
  }

  /** Reads the schema `value` written at `at`; a top-level reference is followed (its target is read in place). */
  read(value: unknown, at: Location): Schema {
    const found = this.set.follow(value, at);
    if (found.remote !== undefined) {
      this.options.onRemote?.(found.remote, at);
      return { $ref: found.remote };
    }
    return this.node(found.value, found.at, 0, undefined, true);
  }

  /** Reads the schema at `at` into the library (if it is not there yet) and returns its name. */
  named(at: Location): string {
    this.libraryRef(at, undefined, false);
    return this.nameByPlace.get(locationKey(at))!;
  }

  /** The name of the library entry made for the schema at `at`, if it was referenced. */
  nameOf(at: Location): string | undefined {
    return this.nameByPlace.get(locationKey(at));
  }

  /** The place a library entry was read from. */
  placeOf(name: string): Location | undefined {
    return this.placeByName.get(name);
  }

  /** Refuses inheritance cycles among the library entries read so far. */
  checkCycles(): void {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (name: string, path: string[]): void => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'open') {
        const cycle = [...path.slice(path.indexOf(name)), name];
        fail(this.placeByName.get(name)!, `Inheritance cycle: ${cycle.join(' → ')} (allOf/anyOf/oneOf/not references that lead back to the same schema can never be evaluated)`);
      }
      state.set(name, 'open');
      for (const next of this.inPlaceEdges.get(name) ?? []) visit(next, [...path, name]);
      state.set(name, 'done');
    };
    for (const name of this.library.keys()) visit(name, []);
  }

  private entryName(at: Location): string {
    // `#/components/schemas/Address` → Address; `schemas.yaml#/Address` → Address; `address.json` → address.
    const base = (lastToken(at.pointer) || at.file.replace(/^.*\//, '').replace(/\.[^.]*$/, '')).replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema';
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }

  /** A reference to the library entry for the schema at `at`, reading it the first time. */
  private libraryRef(target: Location, from: string | undefined, inPlace: boolean): JsonObject {
    // A reference into a named schema (`#/components/schemas/Money/properties/amount`, or
    // `schemas.yaml#/Money/properties/amount`) points into that schema's library entry.
    const { entry: at, inside } = this.entryOf(target);
    if (inside !== '') {
      const whole = this.libraryRef(at, undefined, false);
      return { ...whole, $ref: `${String(whole.$ref)}${inside.split('/').map(encodeURIComponent).join('/')}` };
    }
    const key = locationKey(at);
    let name = this.nameByPlace.get(key);
    if (name === undefined) {
      const value = this.set.read(at);
      if (value === undefined) fail(at, `Reference points at nothing: ${at.file} has no ${at.pointer || 'root'}`);
      name = this.entryName(at);
      this.nameByPlace.set(key, name);
      this.placeByName.set(name, at);
      this.library.set(name, true);
      this.library.set(name, this.node(value, at, 0, name, true));
    }
    if (from !== undefined && inPlace) {
      const edges = this.inPlaceEdges.get(from) ?? new Set<string>();
      edges.add(name);
      this.inPlaceEdges.set(from, edges);
    }
    return this.options.refTo(name);
  }

  /** The named schema a location is in, and the pointer inside it ('' when it is the schema itself). */
  private entryOf(at: Location): { entry: Location; inside: string } {
    const root = this.set.file(at.file)?.value;
    const isDocument = isRecord(root) && root.asyncapi !== undefined;
    const depth = isDocument ? (at.pointer.startsWith('/components/schemas/') ? 3 : 0) : 1;
    const segments = at.pointer.split('/').slice(1);
    if (depth === 0 || segments.length <= depth) return { entry: at, inside: '' };
    return {
      entry: { file: at.file, pointer: `/${segments.slice(0, depth).join('/')}` },
      inside: `/${segments.slice(depth).join('/')}`,
    };
  }

  /**
   * One schema node. `owner` is the library entry being read (for cycle edges) and `inPlace`
   * whether this node applies to the owner's instance itself (not to a property or an item).
   */
  private node(value: unknown, at: Location, depth: number, owner: string | undefined, inPlace: boolean): Schema {
    if (depth > MAX_DEPTH) fail(at, `A schema nested more than ${MAX_DEPTH} levels deep`);
    if (typeof value === 'boolean') return value;
    if (!isRecord(value)) return fail(at, `A schema must be an object or a boolean, found ${kindOf(value)}`);
    if (typeof value.$ref === 'string') {
      const target = this.set.target(value.$ref, at);
      let ref: JsonObject;
      if (target.kind === 'remote') {
        this.options.onRemote?.(target.url, at);
        ref = { $ref: target.url };
      } else {
        ref = this.libraryRef(target.at, owner, inPlace);
      }
      const out: JsonObject = { ...ref };
      for (const [key, v] of Object.entries(value)) if (REF_ANNOTATIONS.has(key)) put(out, key, v);
      return out;
    }
    const out: JsonObject = {};
    const sub = (v: unknown, place: Location, keyword: string) => this.node(v, place, depth + 1, owner, inPlace && IN_PLACE.has(keyword));
    for (const [key, v] of Object.entries(value)) {
      const place = child(at, key);
      if (DROPPED.has(key) || key.startsWith('x-parser-')) continue;
      if (key === 'items' && Array.isArray(v)) {
        put(out, 'prefixItems', v.map((item, i) => sub(item, child(place, i), 'prefixItems')));
      } else if (key === 'items') {
        put(out, 'items', sub(v, place, 'items'));
      } else if (key === 'additionalItems') {
        if (Array.isArray(value.items)) put(out, 'items', sub(v, place, 'items'));
      } else if (key === 'dependencies' && isRecord(v)) {
        for (const [name, dep] of Object.entries(v)) {
          const target = Array.isArray(dep) ? 'dependentRequired' : 'dependentSchemas';
          const bucket = (out[target] ?? {}) as JsonObject;
          put(bucket, name, Array.isArray(dep) ? [...dep] : sub(dep, child(place, name), 'dependentSchemas'));
          out[target] = bucket;
        }
      } else if (ONE_SCHEMA.has(key)) {
        put(out, key, sub(v, place, key));
      } else if (SCHEMA_LIST.has(key) && Array.isArray(v)) {
        put(out, key, v.map((item, i) => sub(item, child(place, i), key)));
      } else if (SCHEMA_MAP.has(key) && isRecord(v)) {
        const map: JsonObject = {};
        for (const [name, item] of Object.entries(v)) put(map, name, sub(item, child(place, name), key));
        put(out, key, map);
      } else {
        put(out, key, structuredClone(v));
      }
    }
    return out;
  }
}
