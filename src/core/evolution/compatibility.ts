/**
 * Schema compatibility as schema registries define it, over two JSON Schemas:
 * - **backward**: readers on the new schema read data written with the old one — every instance
 *   the old schema accepts, the new one must accept;
 * - **forward**: readers on the old schema read data written with the new one — the reverse;
 * - **full**: both.
 * Adding an optional field is compatible both ways; adding a required field breaks backward;
 * removing a required field breaks forward; removing a field from a closed schema (or adding one
 * to a closed old schema) breaks the side that refuses it; changing a type, narrowing an enum or
 * tightening a constraint breaks backward (widening breaks forward). All pure.
 */
import {
  allowedValues, choices, isObject, jsonTypeOf, numberAt, objectView, resolveRef, sameJson, stringAt, subschemaAt,
  typesOf, type Library, type Schema, type TypeName,
} from './schemaFacts';

export type CompatibilityMode = 'backward' | 'forward' | 'full' | 'none';
export const COMPATIBILITY_MODES: readonly CompatibilityMode[] = ['backward', 'forward', 'full', 'none'];

export type ChangeKind =
  | 'required-added' | 'field-removed' | 'closed' | 'type-changed' | 'values-narrowed'
  | 'constraint-tightened' | 'choice-narrowed' | 'schema-changed';

/** One change that breaks a compatibility direction, at a path into the event (`/customer/email`, `/lines/*`). */
export interface BreakingChange {
  path: string;
  kind: ChangeKind;
  /** The direction it breaks: `backward` (new readers, old data) or `forward` (old readers, new data). */
  breaks: 'backward' | 'forward';
  message: string;
}

export interface CompareOptions {
  oldLibrary?: Library;
  newLibrary?: Library;
}

interface Side {
  schema: Schema;
  library: Library;
}

type Direction = 'backward' | 'forward';
const MAX_DEPTH = 64;

/** Words for the two sides in one direction: backward reads old data with the new schema. */
const WORDS = {
  backward: { data: 'old', reader: 'new' },
  forward: { data: 'new', reader: 'old' },
} as const;

const childPath = (path: string, key: string) => `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
const show = (path: string) => path || '/';
const list = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Whether every value of type `t` is a value of one of `allowed`. */
const typeFits = (t: TypeName, allowed: Set<TypeName>) => allowed.has(t) || (t === 'integer' && allowed.has('number'));

/** Equal schemas mean the same only if the references inside them mean the same on both sides. */
function sameLibraryUse(schema: Schema, a: Library, b: Library): boolean {
  if (a === b) return true;
  const text = JSON.stringify(schema);
  if (!text.includes('"$ref"')) return true;
  return [...a.keys(), ...b.keys()].every((name) => !text.includes(name) || sameJson(a.get(name), b.get(name)));
}

class Narrowings {
  readonly found: BreakingChange[] = [];
  /** Pairs of references being compared (a recursive schema is compared once per pair). */
  private readonly inProgress = new Set<string>();

  constructor(private readonly direction: Direction) {}

  private add(path: string, kind: ChangeKind, message: string): void {
    this.found.push({ path: show(path), kind, breaks: this.direction, message });
  }

  /** Everything that lets an instance valid under `from` (the data's schema) fail `to` (the reader's). */
  check(from: Side, to: Side, path: string, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const refOf = (s: Schema) => (isObject(s) && typeof s.$ref === 'string' ? s.$ref : '');
    const pair = refOf(from.schema) || refOf(to.schema) ? `${refOf(from.schema)}|${refOf(to.schema)}` : undefined;
    if (pair !== undefined) {
      if (this.inProgress.has(pair)) return;
      this.inProgress.add(pair);
    }
    try {
      this.compare(from, to, path, depth);
    } finally {
      if (pair !== undefined) this.inProgress.delete(pair);
    }
  }

  private compare(from: Side, to: Side, path: string, depth: number): void {
    const { data, reader } = WORDS[this.direction];
    const a = resolveRef(from.schema, from.library);
    const b = resolveRef(to.schema, to.library);
    if (a === false || b === true || (sameJson(a, b) && sameLibraryUse(a, from.library, to.library))) return;
    if (b === false) return this.add(path, 'schema-changed', `the ${reader} schema accepts nothing here; ${data} data has a value`);
    const bChoices = choices(b);
    const aChoices = choices(a);
    if (aChoices) {
      aChoices.forEach((branch) => this.check({ schema: branch, library: from.library }, to, path, depth + 1));
      return;
    }
    if (bChoices) {
      const fits = bChoices.some((branch) => {
        const probe = new Narrowings(this.direction);
        probe.check(from, { schema: branch, library: to.library }, path, depth + 1);
        return probe.found.length === 0;
      });
      if (!fits) this.add(path, 'choice-narrowed', `${data} values here match none of the ${reader} schema's alternatives (anyOf/oneOf)`);
      return;
    }
    this.types(a, b, path);
    this.values(a, b, path);
    this.constraints(a, b, path);
    const aTypes = typesOf(a);
    const bTypes = typesOf(b);
    const both = (t: TypeName) => (aTypes === undefined || aTypes.has(t)) && (bTypes === undefined || bTypes.has(t));
    if (both('object') && (isObject(b) && (b.properties !== undefined || b.required !== undefined || b.additionalProperties !== undefined || b.unevaluatedProperties !== undefined || b.allOf !== undefined))) {
      this.objects({ schema: a, library: from.library }, { schema: b, library: to.library }, path, depth);
    }
    if (both('array')) this.arrays({ schema: a, library: from.library }, { schema: b, library: to.library }, path, depth);
    if (isObject(b) && b.not !== undefined && !(isObject(a) && sameJson(a.not, b.not))) {
      this.add(path, 'schema-changed', `the ${reader} schema adds or changes a "not" rule that ${data} data may break`);
    }
  }

  private types(a: Schema, b: Schema, path: string): void {
    const { data, reader } = WORDS[this.direction];
    const bTypes = typesOf(b);
    if (bTypes === undefined) return;
    const aTypes = typesOf(a) ?? new Set<TypeName>(['string', 'number', 'boolean', 'object', 'array', 'null']);
    const lost = [...aTypes].filter((t) => !typeFits(t, bTypes));
    if (lost.length === 0) return;
    const detail = lost.includes('null') && lost.length === 1 ? `null is no longer allowed` : `${[...aTypes].join('|')} → ${[...bTypes].join('|')}`;
    this.add(path, 'type-changed', `type changed (${detail}): ${data} data may hold ${lost.join(' or ')}, which the ${reader} schema refuses`);
  }

  private values(a: Schema, b: Schema, path: string): void {
    const { data, reader } = WORDS[this.direction];
    const bValues = allowedValues(b);
    if (bValues === undefined) return;
    const aValues = allowedValues(a);
    if (aValues === undefined) {
      this.add(path, 'values-narrowed', `the ${reader} schema allows only ${list(bValues)}; ${data} data may hold other values`);
      return;
    }
    const lost = aValues.filter((v) => !bValues.some((w) => sameJson(v, w)));
    if (lost.length > 0) this.add(path, 'values-narrowed', `enum narrowed: ${list(lost)} ${lost.length === 1 ? 'is' : 'are'} no longer allowed (${data} data may hold ${lost.length === 1 ? 'it' : 'them'})`);
  }

  private constraints(a: Schema, b: Schema, path: string): void {
    const { data, reader } = WORDS[this.direction];
    const tighter = (keyword: string, raised: boolean) => {
      const bv = numberAt(b, keyword);
      if (bv === undefined) return;
      const av = numberAt(a, keyword);
      if (av === undefined || (raised ? bv > av : bv < av)) {
        this.add(path, 'constraint-tightened', `${keyword} ${av === undefined ? 'added' : `changed from ${av}`} to ${bv}: ${data} data may fall outside it`);
      }
    };
    tighter('minimum', true);
    tighter('exclusiveMinimum', true);
    tighter('maximum', false);
    tighter('exclusiveMaximum', false);
    tighter('minLength', true);
    tighter('maxLength', false);
    tighter('minItems', true);
    tighter('maxItems', false);
    tighter('minProperties', true);
    tighter('maxProperties', false);
    const bMultiple = numberAt(b, 'multipleOf');
    const aMultiple = numberAt(a, 'multipleOf');
    if (bMultiple !== undefined && !(aMultiple !== undefined && Number.isInteger(aMultiple / bMultiple))) {
      this.add(path, 'constraint-tightened', `multipleOf ${bMultiple} ${aMultiple === undefined ? 'added' : `replaces ${aMultiple}`}: ${data} data may not be a multiple`);
    }
    for (const keyword of ['pattern', 'format'] as const) {
      const bv = stringAt(b, keyword);
      if (bv !== undefined && stringAt(a, keyword) !== bv) {
        this.add(path, 'constraint-tightened', `${keyword} ${stringAt(a, keyword) === undefined ? 'added' : 'changed'} (${bv}): ${data} data may not match it in the ${reader} schema`);
      }
    }
    if (isObject(b) && b.uniqueItems === true && !(isObject(a) && a.uniqueItems === true)) {
      this.add(path, 'constraint-tightened', `uniqueItems added: ${data} data may repeat items`);
    }
  }

  private objects(from: Side, to: Side, path: string, depth: number): void {
    const { data, reader } = WORDS[this.direction];
    const a = objectView(from.schema, from.library);
    const b = objectView(to.schema, to.library);
    for (const name of b.required) {
      if (a.required.has(name)) continue;
      const message = this.direction === 'backward'
        ? `new required field '${name}': events written with the old schema may not have it`
        : `'${name}' is no longer required${a.properties.has(name) ? '' : ' (it was removed)'}: readers on the old schema require it`;
      this.add(childPath(path, name), 'required-added', message);
    }
    for (const [name, sub] of a.properties) {
      const target = b.properties.get(name) ?? b.additional;
      if (target !== undefined) {
        this.check({ schema: sub, library: from.library }, { schema: target, library: to.library }, childPath(path, name), depth + 1);
      } else if (b.closed) {
        const message = this.direction === 'backward'
          ? `field '${name}' was removed and the new schema refuses fields it does not list: old events carry it`
          : `new field '${name}': the old schema refuses fields it does not list`;
        this.add(childPath(path, name), 'field-removed', message);
      }
    }
    if (b.closed && !a.closed) {
      this.add(path, 'closed', `the ${reader} schema refuses fields it does not list; ${data} data may carry others`);
    }
  }

  private arrays(from: Side, to: Side, path: string, depth: number): void {
    const bItems = subschemaAt(to.schema, 'items');
    if (bItems === undefined) return;
    const aItems = subschemaAt(from.schema, 'items') ?? true;
    this.check({ schema: aItems, library: from.library }, { schema: bItems, library: to.library }, `${path}/*`, depth + 1);
  }
}

/**
 * The changes from `oldSchema` to `newSchema` that break the given compatibility mode, each with
 * its path and a sentence. `none` checks nothing. `$ref`s are read from each side's library. Pure.
 */
export function compareSchemas(oldSchema: Schema, newSchema: Schema, mode: CompatibilityMode, options: CompareOptions = {}): BreakingChange[] {
  const oldSide = { schema: oldSchema, library: options.oldLibrary ?? new Map() };
  const newSide = { schema: newSchema, library: options.newLibrary ?? new Map() };
  const changes: BreakingChange[] = [];
  if (mode === 'backward' || mode === 'full') {
    const backward = new Narrowings('backward');
    backward.check(oldSide, newSide, '', 0);
    changes.push(...backward.found);
  }
  if (mode === 'forward' || mode === 'full') {
    const forward = new Narrowings('forward');
    forward.check(newSide, oldSide, '', 0);
    changes.push(...forward.found);
  }
  return changes;
}

/** Whether a JSON value is accepted by a schema's `type`, for messages that quote values. */
export const typeNameOf = jsonTypeOf;
