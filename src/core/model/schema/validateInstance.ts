/**
 * Checks a JSON value against a JSON Schema 2020-12 schema, in the browser without `eval` (the
 * app's CSP forbids the code generation ajv relies on): the fire form, the generator and the
 * validator use it. Covers the keywords of the applicator, validation, unevaluated and format
 * vocabularies; `$ref` reaches the design's schema library. Tests hold it to ajv's verdicts.
 * Pure; never throws.
 */
import { getOwn } from '../ownKeys';
import type { JsonSchema, JsonValue } from '../types';
import { formatMatches } from './formats';
import { childPath } from './paths';
import { isSchemaObject, parseLibraryRef, resolveLibraryRef, type SchemaDefs } from './schemaAccess';

/** One reason a value does not fit its schema: where in the value (a JSON pointer), and what. */
export interface InstanceError {
  path: string;
  message: string;
}

interface Outcome {
  errors: InstanceError[];
  /** Property names some keyword looked at (for `unevaluatedProperties`). */
  props: Set<string>;
  /** How many leading items were looked at; Infinity for all (for `unevaluatedItems`). */
  items: number;
}

const isRecord = (v: unknown): v is { [key: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(getOwn(a, key), b[key]));
}

function typeOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: JsonValue, type: unknown): boolean {
  switch (type) {
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    default: return typeOf(value) === type;
  }
}

const describe = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 60) ?? String(value));

/** String length in code points, as JSON Schema counts it. */
const length = (text: string) => [...text].length;

const regexCache = new Map<string, RegExp | null>();
function regex(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    try {
      regexCache.set(pattern, new RegExp(pattern, 'u'));
    } catch {
      regexCache.set(pattern, null);
    }
  }
  return regexCache.get(pattern) ?? null;
}

class Validator {
  private depth = 0;
  constructor(private readonly defs: SchemaDefs) {}

  run(schema: JsonSchema, value: JsonValue, path: string): Outcome {
    const out: Outcome = { errors: [], props: new Set(), items: 0 };
    if (schema === true) return out;
    if (schema === false) {
      out.errors.push({ path, message: 'no value is allowed here' });
      return out;
    }
    if (!isSchemaObject(schema)) return out;
    if (++this.depth > 200) {
      this.depth--;
      out.errors.push({ path, message: 'the schema refers to itself too deeply to check' });
      return out;
    }
    try {
      this.refs(schema, value, path, out);
      this.generic(schema, value, path, out);
      if (typeof value === 'number') this.number(schema, value, path, out);
      if (typeof value === 'string') this.string(schema, value, path, out);
      if (Array.isArray(value)) this.array(schema, value, path, out);
      if (isRecord(value)) this.object(schema, value, path, out);
      this.combinators(schema, value, path, out);
      if (Array.isArray(value)) this.unevaluatedItems(schema, value, path, out);
      if (isRecord(value)) this.unevaluatedProperties(schema, value, path, out);
    } finally {
      this.depth--;
    }
    return out;
  }

  private merge(out: Outcome, inner: Outcome): void {
    out.errors.push(...inner.errors);
    inner.props.forEach((p) => out.props.add(p));
    out.items = Math.max(out.items, inner.items);
  }

  /** Evaluation results of a subschema that passed count for `unevaluated*`; errors are not taken. */
  private absorb(out: Outcome, inner: Outcome): void {
    inner.props.forEach((p) => out.props.add(p));
    out.items = Math.max(out.items, inner.items);
  }

  private refs(schema: Record<string, unknown>, value: JsonValue, path: string, out: Outcome): void {
    if (typeof schema.$ref !== 'string') return;
    const target = parseLibraryRef(schema.$ref) ? resolveLibraryRef(schema.$ref, this.defs) : undefined;
    if (target === undefined) {
      out.errors.push({ path, message: `the schema refers to '${schema.$ref}', which cannot be found` });
      return;
    }
    this.merge(out, this.run(target, value, path));
  }

  private generic(schema: Record<string, unknown>, value: JsonValue, path: string, out: Outcome): void {
    const type = schema.type;
    if (type !== undefined) {
      const types = Array.isArray(type) ? type : [type];
      if (!types.some((t) => hasType(value, t))) {
        out.errors.push({ path, message: `must be ${types.join(' or ')}, is ${typeOf(value)} ${describe(value)}` });
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => jsonEqual(allowed, value))) {
      out.errors.push({ path, message: `must be one of ${schema.enum.map((v) => describe(v)).join(', ')}` });
    }
    if (Object.hasOwn(schema, 'const') && !jsonEqual(schema.const, value)) {
      out.errors.push({ path, message: `must be ${describe(schema.const)}` });
    }
  }

  private number(schema: Record<string, unknown>, value: number, path: string, out: Outcome): void {
    const num = (k: string) => { const n = getOwn(schema, k); return typeof n === 'number' ? n : undefined; };
    const min = num('minimum');
    const max = num('maximum');
    const xmin = num('exclusiveMinimum');
    const xmax = num('exclusiveMaximum');
    const step = num('multipleOf');
    if (min !== undefined && value < min) out.errors.push({ path, message: `must be ≥ ${min}, is ${value}` });
    if (max !== undefined && value > max) out.errors.push({ path, message: `must be ≤ ${max}, is ${value}` });
    if (xmin !== undefined && value <= xmin) out.errors.push({ path, message: `must be > ${xmin}, is ${value}` });
    if (xmax !== undefined && value >= xmax) out.errors.push({ path, message: `must be < ${xmax}, is ${value}` });
    if (step !== undefined && step > 0 && !Number.isInteger(value / step)) out.errors.push({ path, message: `must be a multiple of ${step}, is ${value}` });
    if (typeof schema.format === 'string' && formatMatches(schema.format, value) === false) {
      out.errors.push({ path, message: `must be a valid ${schema.format}, is ${value}` });
    }
  }

  private string(schema: Record<string, unknown>, value: string, path: string, out: Outcome): void {
    const len = length(value);
    if (typeof schema.minLength === 'number' && len < schema.minLength) out.errors.push({ path, message: `must have at least ${schema.minLength} characters, has ${len}` });
    if (typeof schema.maxLength === 'number' && len > schema.maxLength) out.errors.push({ path, message: `must have at most ${schema.maxLength} characters, has ${len}` });
    if (typeof schema.pattern === 'string') {
      const re = regex(schema.pattern);
      if (re && !re.test(value)) out.errors.push({ path, message: `must match the pattern ${schema.pattern}` });
    }
    if (typeof schema.format === 'string' && formatMatches(schema.format, value) === false) {
      out.errors.push({ path, message: `must be a valid ${schema.format}, is ${describe(value)}` });
    }
  }

  private array(schema: Record<string, unknown>, value: JsonValue[], path: string, out: Outcome): void {
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    prefix.forEach((sub, i) => {
      if (i < value.length) this.merge(out, { ...this.run(sub as JsonSchema, value[i]!, childPath(path, i)), props: new Set(), items: 0 });
    });
    out.items = Math.max(out.items, Math.min(prefix.length, value.length));
    if (schema.items !== undefined) {
      for (let i = prefix.length; i < value.length; i++) out.errors.push(...this.run(schema.items as JsonSchema, value[i]!, childPath(path, i)).errors);
      out.items = Infinity;
    }
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) out.errors.push({ path, message: `must have at least ${schema.minItems} items, has ${value.length}` });
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) out.errors.push({ path, message: `must have at most ${schema.maxItems} items, has ${value.length}` });
    if (schema.uniqueItems === true) {
      const duplicate = value.findIndex((item, i) => value.slice(0, i).some((other) => jsonEqual(other, item)));
      if (duplicate >= 0) out.errors.push({ path, message: `must not repeat items (item ${duplicate} repeats an earlier one)` });
    }
    if (schema.contains !== undefined) {
      const matches = value.filter((item, i) => this.run(schema.contains as JsonSchema, item, childPath(path, i)).errors.length === 0).length;
      const least = typeof schema.minContains === 'number' ? schema.minContains : 1;
      if (matches < least) out.errors.push({ path, message: `must contain at least ${least} matching item${least === 1 ? '' : 's'}, has ${matches}` });
      if (typeof schema.maxContains === 'number' && matches > schema.maxContains) out.errors.push({ path, message: `must contain at most ${schema.maxContains} matching items, has ${matches}` });
      if (matches > 0 && value.every((item, i) => this.run(schema.contains as JsonSchema, item, childPath(path, i)).errors.length === 0)) out.items = Infinity;
    }
  }

  private object(schema: Record<string, unknown>, value: { [key: string]: JsonValue }, path: string, out: Outcome): void {
    const keys = Object.keys(value);
    const properties = isSchemaObject(schema.properties) ? schema.properties : undefined;
    const patterns = isSchemaObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
    if (Array.isArray(schema.required)) {
      for (const name of schema.required) {
        if (typeof name === 'string' && !Object.hasOwn(value, name)) out.errors.push({ path: childPath(path, name), message: 'is required but missing' });
      }
    }
    for (const key of keys) {
      let matched = false;
      const sub = properties ? getOwn(properties as Record<string, unknown>, key) : undefined;
      if (sub !== undefined) {
        matched = true;
        out.errors.push(...this.run(sub as JsonSchema, getOwn(value, key)!, childPath(path, key)).errors);
      }
      for (const [pattern, patternSchema] of patterns) {
        if (regex(pattern)?.test(key)) {
          matched = true;
          out.errors.push(...this.run(patternSchema as JsonSchema, getOwn(value, key)!, childPath(path, key)).errors);
        }
      }
      if (matched) out.props.add(key);
      else if (schema.additionalProperties !== undefined) {
        const extra = this.run(schema.additionalProperties as JsonSchema, getOwn(value, key)!, childPath(path, key));
        if (schema.additionalProperties === false) out.errors.push({ path: childPath(path, key), message: 'is not allowed here (no such property)' });
        else out.errors.push(...extra.errors);
        out.props.add(key);
      }
    }
    if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) out.errors.push({ path, message: `must have at least ${schema.minProperties} properties, has ${keys.length}` });
    if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) out.errors.push({ path, message: `must have at most ${schema.maxProperties} properties, has ${keys.length}` });
    if (schema.propertyNames !== undefined) {
      for (const key of keys) {
        if (this.run(schema.propertyNames as JsonSchema, key, path).errors.length > 0) out.errors.push({ path: childPath(path, key), message: `'${key}' is not an allowed property name` });
      }
    }
    if (isSchemaObject(schema.dependentRequired)) {
      for (const [name, needs] of Object.entries(schema.dependentRequired)) {
        if (!Object.hasOwn(value, name) || !Array.isArray(needs)) continue;
        for (const need of needs) if (typeof need === 'string' && !Object.hasOwn(value, need)) out.errors.push({ path: childPath(path, need), message: `is required when '${name}' is there` });
      }
    }
    if (isSchemaObject(schema.dependentSchemas)) {
      for (const [name, sub] of Object.entries(schema.dependentSchemas)) {
        if (Object.hasOwn(value, name)) this.merge(out, this.run(sub as JsonSchema, value, path));
      }
    }
  }

  private combinators(schema: Record<string, unknown>, value: JsonValue, path: string, out: Outcome): void {
    if (Array.isArray(schema.allOf)) for (const sub of schema.allOf) this.merge(out, this.run(sub as JsonSchema, value, path));
    if (Array.isArray(schema.anyOf)) {
      const results = schema.anyOf.map((sub) => this.run(sub as JsonSchema, value, path));
      const passed = results.filter((r) => r.errors.length === 0);
      if (passed.length === 0) out.errors.push({ path, message: `must match at least one of ${results.length} alternatives (${firstReason(results)})` });
      passed.forEach((r) => this.absorb(out, r));
    }
    if (Array.isArray(schema.oneOf)) {
      const results = schema.oneOf.map((sub) => this.run(sub as JsonSchema, value, path));
      const passed = results.filter((r) => r.errors.length === 0);
      if (passed.length === 0) out.errors.push({ path, message: `must match one of ${results.length} alternatives (${firstReason(results)})` });
      else if (passed.length > 1) out.errors.push({ path, message: `must match exactly one of ${results.length} alternatives, matches ${passed.length}` });
      else this.absorb(out, passed[0]!);
    }
    if (schema.not !== undefined && this.run(schema.not as JsonSchema, value, path).errors.length === 0) {
      out.errors.push({ path, message: 'must not match the schema under "not"' });
    }
    if (schema.if !== undefined) {
      const condition = this.run(schema.if as JsonSchema, value, path);
      const branch = condition.errors.length === 0 ? schema.then : schema.else;
      if (condition.errors.length === 0) this.absorb(out, condition);
      if (branch !== undefined) this.merge(out, this.run(branch as JsonSchema, value, path));
    }
  }

  private unevaluatedItems(schema: Record<string, unknown>, value: JsonValue[], path: string, out: Outcome): void {
    if (schema.unevaluatedItems === undefined) return;
    for (let i = out.items; i < value.length; i++) {
      if (schema.unevaluatedItems === false) out.errors.push({ path: childPath(path, i), message: 'is not allowed here (no more items)' });
      else out.errors.push(...this.run(schema.unevaluatedItems as JsonSchema, value[i]!, childPath(path, i)).errors);
    }
    out.items = Infinity;
  }

  private unevaluatedProperties(schema: Record<string, unknown>, value: { [key: string]: JsonValue }, path: string, out: Outcome): void {
    if (schema.unevaluatedProperties === undefined) return;
    for (const key of Object.keys(value)) {
      if (out.props.has(key)) continue;
      if (schema.unevaluatedProperties === false) out.errors.push({ path: childPath(path, key), message: 'is not allowed here (no such property)' });
      else out.errors.push(...this.run(schema.unevaluatedProperties as JsonSchema, value[key]!, childPath(path, key)).errors);
      out.props.add(key);
    }
  }
}

function firstReason(results: Outcome[]): string {
  const error = results.find((r) => r.errors.length > 0)?.errors[0];
  return error ? `${error.path || 'the value'} ${error.message}` : 'none fits';
}

/**
 * Every reason `value` does not fit `schema` (empty when it fits), each with the JSON pointer of
 * the offending part of the value. `defs` is the design's schema library (`#/$defs/<name>`).
 */
export function validateInstance(schema: JsonSchema, value: JsonValue, defs: SchemaDefs = new Map()): InstanceError[] {
  return new Validator(withOwnDefs(schema, defs)).run(schema, value, '').errors;
}

/** The library plus the schema's own root `$defs` (which win, as they do in an exported schema). */
export function withOwnDefs(schema: JsonSchema, defs: SchemaDefs): SchemaDefs {
  if (!isSchemaObject(schema) || !isSchemaObject(schema.$defs)) return defs;
  const merged = new Map(defs);
  for (const [name, sub] of Object.entries(schema.$defs)) if (typeof sub === 'boolean' || isSchemaObject(sub)) merged.set(name, sub as JsonSchema);
  return merged;
}
