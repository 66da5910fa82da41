import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonValueArb, schemaArb } from '../../testing/schemaArbitrary';
import { checkSchema } from './checkSchema';
import { testAjv } from './testSupport';

const ajv = testAjv();
const ajvSays = (schema: unknown) => ajv.validateSchema(schema as object) as boolean;

const KEYWORDS = ['type', 'properties', 'required', 'items', 'prefixItems', 'minimum', 'maxLength', 'pattern', 'enum', 'oneOf', 'anyOf', 'allOf', 'not',
  'additionalProperties', 'minItems', 'uniqueItems', 'format', 'description', 'examples', '$ref', '$defs', 'dependentRequired', 'multipleOf', 'const', 'x-extension'];

describe('checkSchema', () => {
  it.each([
    [{ type: 'strin' }, '/type', "type: expected one of 'string', 'number', 'integer', 'boolean', 'object', 'array', 'null', found the text \"strin\""],
    [{ properties: { 'a/b': { minimum: '0' } } }, '/properties/a~1b/minimum', 'minimum: expected a number, found the text "0"'],
    [{ required: ['a', 'a'] }, '/required', 'required: expected a list of distinct property names, found a list'],
    [{ items: [{ type: 'string' }] }, '/items', 'items: expected a schema (an object, or true / false), found a list'],
    [{ oneOf: [] }, '/oneOf', 'oneOf: expected a non-empty list of schemas, found a list'],
    [{ minLength: 1.5 }, '/minLength', 'minLength: expected a whole number from 0 up, found the number 1.5'],
    [{ multipleOf: 0 }, '/multipleOf', 'multipleOf: expected a number greater than 0, found the number 0'],
    [{ type: ['string', 'string'] }, '/type', 'type: lists a type twice'],
    [5, '', 'schema: expected a schema (an object, or true / false), found the number 5'],
  ])('given %j, reports %s with a message', (schema, path, message) => {
    expect(checkSchema(schema)).toEqual([{ path, message }]);
    expect(ajvSays(schema)).toBe(false);
  });

  it('leaves unknown keywords and data keywords alone', () => {
    expect(checkSchema({ 'x-owner': { $ref: 5 }, enum: [{ type: 'nonsense' }], const: { properties: 1 }, default: 3, examples: [{}] })).toEqual([]);
  });

  it('agrees with the 2020-12 meta-schema on well-formed schemas', () => {
    fc.assert(fc.property(schemaArb(['Money']), (schema) => {
      expect(checkSchema(schema)).toEqual([]);
      expect(ajvSays(schema)).toBe(true);
    }), { numRuns: 200 });
  });

  it('agrees with the 2020-12 meta-schema when a keyword gets a random value', () => {
    fc.assert(fc.property(schemaArb(), fc.constantFrom(...KEYWORDS), jsonValueArb, (schema, keyword, value) => {
      const spoiled = { ...schema, [keyword]: value };
      expect(checkSchema(spoiled).length === 0).toBe(ajvSays(spoiled));
    }), { numRuns: 400 });
  });
});
