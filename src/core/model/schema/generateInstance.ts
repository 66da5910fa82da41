/**
 * Makes values that satisfy a JSON Schema 2020-12 schema, from a seeded random source: how the
 * simulator fills a command's input. Every value is checked with `validateInstance`; a value
 * that does not fit is drawn again (a `oneOf` that two branches match, a `not`, a pattern), so
 * what comes out validates unless the schema is unsatisfiable or beyond the generator (then the
 * best attempt is returned and `valid` says so). Pure (given the random source).
 */
import { getOwn, setOwn } from '../ownKeys';
import type { JsonSchema, JsonSchemaObject, JsonValue } from '../types';
import { formatValue } from './formatValues';
import { childPath, lastSegment } from './paths';
import { randomFromRegex, type RandomSource } from './randomFromRegex';
import { isSchemaObject, parseLibraryRef, requiredNames, resolveLibraryRef, schemaTypes, type SchemaDefs } from './schemaAccess';
import { jsonEqual, validateInstance, withOwnDefs } from './validateInstance';

export type { RandomSource } from './randomFromRegex';

export interface GenerateOptions {
  /** The design's schema library, for `$ref`s. */
  defs?: SchemaDefs;
  /** Epoch milliseconds around which dates and times are drawn. */
  clock?: number;
  /** How often an optional property is there (default 0.8). */
  optionalChance?: number;
  /**
   * A value the caller prefers at a path (a known aggregate id, a pooled name), used when it fits
   * the schema there.
   */
  prefer?(path: string, schema: JsonSchema): JsonValue | undefined;
}

const WORDS = ['outbox', 'inbox', 'broker', 'relay', 'replay', 'stream', 'event', 'video', 'author', 'status'];
const MAX_DEPTH = 12;
const ATTEMPTS = 24;

class Generator {
  private readonly defs: SchemaDefs;
  private readonly clock: number;
  private readonly optionalChance: number;

  constructor(private readonly rng: RandomSource, private readonly options: GenerateOptions, root: JsonSchema) {
    this.defs = withOwnDefs(root, options.defs ?? new Map());
    this.clock = options.clock ?? 0;
    this.optionalChance = options.optionalChance ?? 0.8;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.rng.next() * (max - min + 1));
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng.next() * list.length)]!;
  }

  private fits(schema: JsonSchema, value: JsonValue): boolean {
    return validateInstance(schema, value, this.defs).length === 0;
  }

  /** A value for `schema` at `path`, drawn again until it fits (or attempts run out). */
  value(schema: JsonSchema, path: string, depth: number): JsonValue | undefined {
    const preferred = this.options.prefer?.(path, schema);
    if (preferred !== undefined && this.fits(schema, preferred)) return preferred;
    let last: JsonValue | undefined;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      last = this.draw(schema, path, depth, attempt);
      if (last !== undefined && this.fits(schema, last)) return last;
    }
    return last;
  }

  /** One attempt: resolves references and combinators (nested ones too) into one schema to draw from. */
  private draw(schema: JsonSchema, path: string, depth: number, attempt: number): JsonValue | undefined {
    if (schema === false) return undefined;
    if (schema === true || depth > MAX_DEPTH) return this.pick(WORDS);
    let current: JsonSchemaObject = schema;
    for (let round = 0; round < 8; round++) {
      const next = this.flattenOnce(current, attempt + round);
      if (next === undefined) return undefined;
      if (next === current) break;
      current = next;
    }
    return this.fromSchema(current, path, depth);
  }

  /** `schema` with its top `$ref`, `allOf`, one `oneOf`/`anyOf` branch and `if` folded in; the same object when nothing is left. */
  private flattenOnce(schema: JsonSchemaObject, attempt: number): JsonSchemaObject | undefined {
    if (typeof schema.$ref === 'string') {
      const target = parseLibraryRef(schema.$ref) ? resolveLibraryRef(schema.$ref, this.defs) : undefined;
      if (target === false) return undefined;
      const { $ref: _ref, ...siblings } = schema;
      return mergeSchemas([isSchemaObject(target) ? target : {}, siblings]);
    }
    if (Array.isArray(schema.allOf)) {
      const { allOf, ...rest } = schema;
      return mergeSchemas([rest, ...allOf.map((s) => this.resolved(s))]);
    }
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = schema[keyword];
      if (!Array.isArray(branches) || branches.length === 0) continue;
      const { [keyword]: _list, ...rest } = schema;
      return mergeSchemas([rest, this.resolved(branches[(attempt + this.int(0, branches.length - 1)) % branches.length])]);
    }
    if (schema.if !== undefined) {
      const { if: _if, then, else: otherwise, ...rest } = schema;
      const branch = this.rng.next() < 0.5 ? then : otherwise;
      return branch === undefined ? rest : mergeSchemas([rest, this.resolved(branch)]);
    }
    return schema;
  }

  private resolved(schema: unknown): JsonSchemaObject {
    if (schema === false) return { not: {} };
    if (!isSchemaObject(schema)) return {};
    if (typeof schema.$ref !== 'string') return schema;
    const target = parseLibraryRef(schema.$ref) ? resolveLibraryRef(schema.$ref, this.defs) : undefined;
    const { $ref: _ref, ...siblings } = schema;
    return mergeSchemas([isSchemaObject(target) ? this.resolved(target) : {}, siblings]);
  }

  private fromSchema(schema: JsonSchemaObject, path: string, depth: number): JsonValue | undefined {
    if (Object.hasOwn(schema, 'const')) return schema.const as JsonValue;
    if (Array.isArray(schema.enum)) {
      const allowed = schema.enum.filter((v) => this.fits({ ...schema, enum: undefined }, v as JsonValue));
      return allowed.length > 0 ? (this.pick(allowed) as JsonValue) : undefined;
    }
    const examples = [...(Array.isArray(schema.examples) ? schema.examples : []), ...(schema.default !== undefined ? [schema.default] : [])];
    if (examples.length > 0 && this.rng.next() < 0.3) {
      const example = this.pick(examples) as JsonValue;
      if (this.fits(schema, example)) return example;
    }
    const types = schemaTypes(schema) ?? inferTypes(schema);
    const nonNull = types.filter((t) => t !== 'null');
    const type = nonNull.length === 0 || (types.includes('null') && this.rng.next() < 0.2) ? 'null' : this.pick(nonNull);
    switch (type) {
      case 'null': return null;
      case 'boolean': return this.rng.next() < 0.5;
      case 'integer': return this.integer(schema);
      case 'number': return this.number(schema);
      case 'string': return this.string(schema, path);
      case 'array': return this.array(schema, path, depth);
      case 'object': return this.object(schema, path, depth);
    }
  }

  private integer(schema: JsonSchemaObject): number {
    const bounds = numericBounds(schema, true);
    const step = typeof schema.multipleOf === 'number' ? schema.multipleOf : 1;
    const lo = Math.ceil(bounds.min / step);
    const hi = Math.floor(bounds.max / step);
    return hi < lo ? Math.ceil(bounds.min) : this.int(lo, hi) * step;
  }

  private number(schema: JsonSchemaObject): number {
    const bounds = numericBounds(schema, false);
    if (typeof schema.multipleOf === 'number') {
      const lo = Math.ceil(bounds.min / schema.multipleOf);
      const hi = Math.floor(bounds.max / schema.multipleOf);
      return Number((this.int(lo, Math.max(lo, hi)) * schema.multipleOf).toPrecision(12));
    }
    const value = Math.round((bounds.min + this.rng.next() * (bounds.max - bounds.min)) * 100) / 100;
    return Math.min(bounds.max, Math.max(bounds.min, value));
  }

  private string(schema: JsonSchemaObject, path: string): string {
    const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : Math.max(min, 40);
    let text: string | undefined;
    if (typeof schema.format === 'string') text = formatValue(schema.format, this.rng, this.clock);
    if (text === undefined && typeof schema.pattern === 'string') text = randomFromRegex(schema.pattern, this.rng);
    if (text === undefined) {
      const name = lastSegment(path) ?? '';
      text = /id$/i.test(name) && name.length > 2
        ? `${name.replace(/_?[iI][dD]$/, '') || name}-${this.int(1, 8)}`
        : `${this.pick(WORDS)} ${this.pick(WORDS)} ${this.int(1, 999)}`;
    }
    const chars = [...text];
    while (chars.length < min) chars.push(this.pick([...'abcdefghijklmnopqrstuvwxyz']));
    return chars.slice(0, max).join('');
  }

  private array(schema: JsonSchemaObject, path: string, depth: number): JsonValue[] {
    const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as JsonSchema[]) : [];
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : Math.max(min, prefix.length, 3);
    const length = this.int(Math.max(min, schema.items === false ? prefix.length : Math.min(1, max)), schema.items === false ? Math.min(max, prefix.length) : max);
    const items: JsonValue[] = [];
    for (let i = 0; i < length; i++) {
      const itemSchema = prefix[i] ?? (schema.items === undefined ? true : (schema.items as JsonSchema));
      let item = this.value(itemSchema, childPath(path, i), depth + 1);
      for (let retry = 0; schema.uniqueItems === true && item !== undefined && items.some((x) => jsonEqual(x, item)) && retry < 8; retry++) {
        item = this.value(itemSchema, childPath(path, i), depth + 1);
      }
      if (item === undefined) break;
      items.push(item);
    }
    if (schema.contains !== undefined && !items.some((x) => this.fits(schema.contains as JsonSchema, x))) {
      const extra = this.value(schema.contains as JsonSchema, childPath(path, items.length), depth + 1);
      if (extra !== undefined) items[items.length > 0 && items.length >= max ? items.length - 1 : items.length] = extra;
    }
    return items;
  }

  private object(schema: JsonSchemaObject, path: string, depth: number): { [key: string]: JsonValue } {
    const out: { [key: string]: JsonValue } = {};
    const required = new Set(requiredNames(schema));
    const properties = isSchemaObject(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
    const names = [...new Set([...Object.keys(properties), ...required])];
    for (const name of names) {
      if (!required.has(name) && this.rng.next() >= this.optionalChance) continue;
      const sub = getOwn(properties, name) ?? (isSchemaObject(schema.additionalProperties) ? (schema.additionalProperties as JsonSchema) : true);
      const value = this.value(sub, childPath(path, name), depth + 1);
      if (value !== undefined) setOwn(out, name, value);
    }
    const least = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
    for (let n = 1; Object.keys(out).length < least && n < 100; n++) {
      const name = `extra${n}`;
      if (Object.hasOwn(out, name)) continue;
      const sub = schema.additionalProperties === undefined || schema.additionalProperties === true ? true : schema.additionalProperties as JsonSchema;
      const value = this.value(sub, childPath(path, name), depth + 1);
      if (value !== undefined) setOwn(out, name, value);
    }
    return out;
  }
}

function inferTypes(schema: JsonSchemaObject): string[] {
  if (schema.properties !== undefined || schema.required !== undefined || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items !== undefined || schema.prefixItems !== undefined) return ['array'];
  if (schema.minLength !== undefined || schema.maxLength !== undefined || schema.pattern !== undefined || schema.format !== undefined) return ['string'];
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.multipleOf !== undefined) return ['number'];
  return ['string', 'integer', 'boolean'];
}

function numericBounds(schema: JsonSchemaObject, integer: boolean): { min: number; max: number } {
  const num = (k: string) => { const n = getOwn(schema, k); return typeof n === 'number' ? n : undefined; };
  const nudge = integer ? 1 : 0.01;
  const lows = [num('minimum'), num('exclusiveMinimum') === undefined ? undefined : num('exclusiveMinimum')! + nudge].filter((v): v is number => v !== undefined);
  const highs = [num('maximum'), num('exclusiveMaximum') === undefined ? undefined : num('exclusiveMaximum')! - nudge].filter((v): v is number => v !== undefined);
  const min = lows.length > 0 ? Math.max(...lows) : highs.length > 0 ? Math.min(...highs) - 1000 : 0;
  const max = highs.length > 0 ? Math.min(...highs) : min + 1000;
  return integer ? { min: Math.ceil(min), max: Math.floor(max) } : { min, max };
}

const TIGHTER_MIN = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const TIGHTER_MAX = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];

/**
 * One schema that asks for what all of `schemas` ask (as far as drawing a value goes): types
 * intersected, properties and `required` united (a property declared twice gets `allOf` of both),
 * bounds tightened, enums intersected; other keywords of later schemas win. The result is a
 * starting point for drawing; the drawn value is always checked against the original schema.
 */
export function mergeSchemas(schemas: readonly JsonSchemaObject[]): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  for (const schema of schemas) {
    for (const keyword of Object.keys(schema)) {
      const value = schema[keyword];
      const existing = getOwn(out, keyword);
      if (existing === undefined) setOwn(out, keyword, value);
      else if (keyword === 'type') {
        const a = Array.isArray(existing) ? existing : [existing];
        const b = Array.isArray(value) ? value : [value];
        const both = a.flatMap((t) => (b.includes(t) ? [t] : t === 'number' && b.includes('integer') ? ['integer'] : t === 'integer' && b.includes('number') ? ['integer'] : []));
        out.type = both.length === 1 ? both[0] : both;
      } else if (keyword === 'properties' && isSchemaObject(existing) && isSchemaObject(value)) {
        const merged: Record<string, unknown> = { ...existing };
        for (const name of Object.keys(value)) {
          setOwn(merged, name, Object.hasOwn(merged, name) ? { allOf: [merged[name], value[name]] } : value[name]);
        }
        out.properties = merged;
      } else if (keyword === 'required' && Array.isArray(existing) && Array.isArray(value)) {
        out.required = [...new Set([...existing, ...value])];
      } else if (keyword === 'enum' && Array.isArray(existing) && Array.isArray(value)) {
        out.enum = existing.filter((a) => value.some((b) => jsonEqual(a, b)));
      } else if (TIGHTER_MIN.includes(keyword) && typeof existing === 'number' && typeof value === 'number') {
        setOwn(out, keyword, Math.max(existing, value));
      } else if (TIGHTER_MAX.includes(keyword) && typeof existing === 'number' && typeof value === 'number') {
        setOwn(out, keyword, Math.min(existing, value));
      } else if (keyword === 'allOf' && Array.isArray(existing) && Array.isArray(value)) {
        out.allOf = [...existing, ...value];
      } else if (['items', 'additionalProperties', 'not', 'contains'].includes(keyword)) {
        setOwn(out, keyword, { allOf: [existing, value] });
      } else setOwn(out, keyword, value);
    }
  }
  return out;
}

/**
 * A value for `schema` drawn from `rng`, and whether it validates (false only for a schema that
 * no value satisfies or that the generator cannot satisfy, e.g. a lookahead pattern). `value` is
 * undefined when not even an attempt could be made (`false`).
 */
export function generateInstance(schema: JsonSchema, rng: RandomSource, options: GenerateOptions = {}): { value: JsonValue | undefined; valid: boolean } {
  const generator = new Generator(rng, options, schema);
  const value = generator.value(schema, '', 0);
  const valid = value !== undefined && validateInstance(schema, value, withOwnDefs(schema, options.defs ?? new Map())).length === 0;
  return { value, valid };
}
