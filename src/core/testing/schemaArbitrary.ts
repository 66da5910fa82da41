/**
 * fast-check arbitraries of JSON Schema 2020-12 payload schemas (the keywords the editor offers
 * and the combinators), with a library to `$ref` into, and of JSON values. For property tests of
 * the generator, the validator and the exporters. Schemas are satisfiable by construction:
 * bounds are ordered, formats and patterns are not mixed, `oneOf` branches have distinct types.
 */
import fc from 'fast-check';
import { STRING_FORMATS } from '../model/schema/simpleTypes';
import type { JsonSchemaObject, JsonValue, SchemaDefinition } from '../model/types';

const PATTERNS = ['^[A-Z]{2}-[0-9]{3}$', '^[a-z]+(\\.[a-z]+)*$', '^(red|green|blue)$', '[0-9]', '^\\w{3,6}$', '^[^@\\s]+@example\\.org$', '^\\d{4}-\\d{2}$'];
/** Property names that try to break maps and pointers. */
export const HOSTILE_NAMES = ['__proto__', 'constructor', 'toString', 'a.b', 'a/b', '~', '', 'ünï', 'hasOwnProperty', '0'];

const nameArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('id', 'name', 'price', 'quantity', 'customer', 'lines', 'coupon', 'note', 'tags') }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NAMES) });

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function withoutUndefined(schema: Record<string, unknown>): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  for (const [key, value] of Object.entries(schema)) if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const stringSchema = fc.oneof(
  fc.record({ min: maybe(fc.nat(4)), extra: maybe(fc.nat(20)) }).map(({ min, extra }) => withoutUndefined({
    type: 'string', minLength: min, maxLength: extra === undefined ? undefined : (min ?? 0) + extra,
  })),
  fc.constantFrom(...STRING_FORMATS).map((format) => ({ type: 'string', format })),
  fc.constantFrom(...PATTERNS).map((pattern) => ({ type: 'string', pattern })),
);

const numberSchema = fc.record({
  type: fc.constantFrom('integer', 'number'),
  min: maybe(fc.integer({ min: -50, max: 50 })),
  span: maybe(fc.integer({ min: 2, max: 500 })),
  exclusive: fc.boolean(),
  multipleOf: maybe(fc.constantFrom(2, 5, 0.5)),
}).map(({ type, min, span, exclusive, multipleOf }) => withoutUndefined({
  type,
  [exclusive ? 'exclusiveMinimum' : 'minimum']: min,
  maximum: min !== undefined && span !== undefined ? min + Math.max(span, multipleOf === undefined ? 2 : 12) : undefined,
  multipleOf: type === 'integer' && multipleOf === 0.5 ? 1 : multipleOf,
}));

const scalarValue: fc.Arbitrary<JsonValue> = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -9, max: 9 }), fc.boolean(), fc.constant(null));

const leafSchema: fc.Arbitrary<JsonSchemaObject> = fc.oneof(
  stringSchema,
  numberSchema,
  fc.constant({ type: 'boolean' }),
  fc.constant({ type: 'null' }),
  fc.uniqueArray(scalarValue, { minLength: 1, maxLength: 4, selector: (v) => JSON.stringify(v) }).map((values) => ({ enum: values })),
  fc.constantFrom<JsonValue>('fixed', 3, true, null, { a: [1] }).map((value) => ({ const: value })),
  fc.constant({ type: 'string', format: 'date-time' }),
);

/** A nullable variant: `type: [t, 'null']`. */
const nullable = (arb: fc.Arbitrary<JsonSchemaObject>) => arb.map((schema) =>
  (typeof schema.type === 'string' && schema.type !== 'null' ? { ...schema, type: [schema.type, 'null'] } : schema));

/** Schemas to any depth up to `depth`, referring to `libraryNames` with `$ref`. */
export function schemaArb(libraryNames: readonly string[] = [], depth = 3): fc.Arbitrary<JsonSchemaObject> {
  const { node } = fc.letrec<{ node: JsonSchemaObject }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: depth },
      leafSchema,
      nullable(leafSchema),
      fc.record({
        props: fc.uniqueArray(fc.tuple(nameArb, tie('node'), fc.boolean()), { maxLength: 4, selector: ([name]) => name }),
        closed: fc.boolean(),
      }).map(({ props, closed }) => {
        const properties: Record<string, unknown> = {};
        for (const [name, sub] of props) Object.defineProperty(properties, name, { value: sub, enumerable: true, writable: true, configurable: true });
        const required = props.filter(([, , req]) => req).map(([name]) => name);
        return withoutUndefined({ type: 'object', properties, required: required.length > 0 ? required : undefined, additionalProperties: closed ? false : undefined });
      }),
      fc.record({ items: tie('node'), min: fc.nat(2), extra: fc.nat(3), unique: fc.boolean() }).map(({ items, min, extra, unique }) =>
        withoutUndefined({ type: 'array', items, minItems: min, maxItems: min + extra, uniqueItems: unique && Object.keys(items).length === 1 && (items.type === 'string' || items.type === 'integer') ? true : undefined })),
      fc.tuple(tie('node'), tie('node')).map(([first, second]) => ({ type: 'array', prefixItems: [first, second], minItems: 2 })),
      fc.uniqueArray(fc.constantFrom('string', 'integer', 'boolean', 'null'), { minLength: 2, maxLength: 3 }).map((types) => ({ oneOf: types.map((type) => ({ type })) })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((branches) => ({ anyOf: branches })),
      fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('x', 'y')).map(([a, b]) => ({ allOf: [
        { type: 'object', properties: { [a]: { type: 'string' } }, required: [a] },
        { type: 'object', properties: { [b]: { type: 'integer', minimum: 0 } } },
      ] })),
      fc.constantFrom('string', 'integer', 'boolean').map((type) => ({ not: { type } })),
      ...(libraryNames.length > 0 ? [fc.constantFrom(...libraryNames).map((name) => ({ $ref: `#/$defs/${encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'))}` }))] : []),
    ),
  }));
  return node;
}

/** A library of leaf and object schemas under hostile and plain names. */
export const libraryArb: fc.Arbitrary<SchemaDefinition[]> = fc.uniqueArray(
  fc.tuple(fc.constantFrom('Money', 'Address', 'a/b', '__proto__', 'Odd name'), schemaArb([], 2)),
  { maxLength: 3, selector: ([name]) => name },
).map((entries) => entries.map(([name, schema]) => ({ name, schema })));

/** Any JSON value, nested a little. */
export const jsonValueArb: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
