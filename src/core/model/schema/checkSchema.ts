/**
 * Whether a JSON value is a well-formed JSON Schema 2020-12 schema: every keyword the
 * specification defines has a value of the right shape (what the official meta-schema checks),
 * unknown keywords are left alone. Used when a design is restored and as the raw JSON Schema tab
 * is typed; each issue names its place with a JSON pointer. Pure; never throws.
 */
import { describeValue } from '../restore/ShapeChecker';
import { pointerSegment } from '../validation/problems';
import { JSON_TYPES, isSchemaObject } from './schemaAccess';

/** One reason a schema is not well-formed, at a JSON pointer. */
export interface SchemaIssue {
  path: string;
  message: string;
}

type KeywordCheck = (value: unknown, path: string, issues: SchemaIssue[]) => void;

const fail = (issues: SchemaIssue[], path: string, keyword: string, expected: string, value: unknown) =>
  issues.push({ path, message: `${keyword}: expected ${expected}, found ${describeValue(value)}` });

const keywordOf = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');

const expect = (test: (value: unknown) => boolean, expected: string): KeywordCheck => (value, path, issues) => {
  if (!test(value)) fail(issues, path, keywordOf(path), expected, value);
};

const isString = (v: unknown) => typeof v === 'string';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isUniqueStrings = (v: unknown) => Array.isArray(v) && v.every(isString) && new Set(v).size === v.length;

const aSchema: KeywordCheck = (value, path, issues) => checkSchemaAt(value, path, issues);

const schemaList: KeywordCheck = (value, path, issues) => {
  if (!Array.isArray(value) || value.length === 0) return fail(issues, path, keywordOf(path), 'a non-empty list of schemas', value);
  value.forEach((item, i) => checkSchemaAt(item, `${path}/${i}`, issues));
};

const schemaMap: KeywordCheck = (value, path, issues) => {
  if (!isSchemaObject(value)) return fail(issues, path, keywordOf(path), 'an object of schemas', value);
  for (const name of Object.keys(value)) checkSchemaAt(value[name], `${path}/${pointerSegment(name)}`, issues);
};

const typeKeyword: KeywordCheck = (value, path, issues) => {
  const known = (t: unknown) => (JSON_TYPES as readonly unknown[]).includes(t);
  const names = JSON_TYPES.map((t) => `'${t}'`).join(', ');
  if (typeof value === 'string') {
    if (!known(value)) fail(issues, path, 'type', `one of ${names}`, value);
    return;
  }
  if (!Array.isArray(value) || value.length === 0) return fail(issues, path, 'type', `a type name or a non-empty list of them (${names})`, value);
  value.forEach((item, i) => { if (!known(item)) fail(issues, `${path}/${i}`, 'type', `one of ${names}`, item); });
  if (new Set(value).size !== value.length) issues.push({ path, message: 'type: lists a type twice' });
};

const dependencies: KeywordCheck = (value, path, issues) => {
  if (!isSchemaObject(value)) return fail(issues, path, keywordOf(path), 'an object', value);
  for (const name of Object.keys(value)) {
    const entry = value[name];
    if (!Array.isArray(entry)) checkSchemaAt(entry, `${path}/${pointerSegment(name)}`, issues);
    else if (!isUniqueStrings(entry)) fail(issues, `${path}/${pointerSegment(name)}`, name, 'a list of distinct property names', entry);
  }
};

const KEYWORDS: Record<string, KeywordCheck> = {
  $id: expect(isString, 'text (a URI-reference)'),
  $schema: expect(isString, 'text (a URI)'),
  $ref: expect(isString, 'text (a URI-reference, e.g. #/$defs/Money)'),
  $anchor: expect((v) => typeof v === 'string' && /^[A-Za-z_][-A-Za-z0-9._]*$/.test(v), 'a plain name (letters, digits, - . _)'),
  $dynamicRef: expect(isString, 'text (a URI-reference)'),
  $dynamicAnchor: expect((v) => typeof v === 'string' && /^[A-Za-z_][-A-Za-z0-9._]*$/.test(v), 'a plain name (letters, digits, - . _)'),
  $recursiveRef: expect(isString, 'text (a URI-reference)'),
  $recursiveAnchor: expect(isBoolean, 'true or false'),
  $vocabulary: expect((v) => isSchemaObject(v) && Object.values(v).every(isBoolean), 'an object of true/false'),
  $comment: expect(isString, 'text'),
  $defs: schemaMap,
  definitions: schemaMap,
  prefixItems: schemaList,
  items: aSchema,
  contains: aSchema,
  additionalProperties: aSchema,
  properties: schemaMap,
  patternProperties: schemaMap,
  dependentSchemas: schemaMap,
  propertyNames: aSchema,
  if: aSchema,
  then: aSchema,
  else: aSchema,
  allOf: schemaList,
  anyOf: schemaList,
  oneOf: schemaList,
  not: aSchema,
  unevaluatedItems: aSchema,
  unevaluatedProperties: aSchema,
  additionalItems: aSchema,
  dependencies,
  type: typeKeyword,
  enum: expect(Array.isArray, 'a list of values'),
  multipleOf: expect((v) => isNumber(v) && (v as number) > 0, 'a number greater than 0'),
  maximum: expect(isNumber, 'a number'),
  exclusiveMaximum: expect(isNumber, 'a number'),
  minimum: expect(isNumber, 'a number'),
  exclusiveMinimum: expect(isNumber, 'a number'),
  maxLength: expect(isCount, 'a whole number from 0 up'),
  minLength: expect(isCount, 'a whole number from 0 up'),
  pattern: expect(isString, 'text (a regular expression)'),
  maxItems: expect(isCount, 'a whole number from 0 up'),
  minItems: expect(isCount, 'a whole number from 0 up'),
  uniqueItems: expect(isBoolean, 'true or false'),
  maxContains: expect(isCount, 'a whole number from 0 up'),
  minContains: expect(isCount, 'a whole number from 0 up'),
  maxProperties: expect(isCount, 'a whole number from 0 up'),
  minProperties: expect(isCount, 'a whole number from 0 up'),
  required: expect(isUniqueStrings, 'a list of distinct property names'),
  dependentRequired: expect((v) => isSchemaObject(v) && Object.values(v).every(isUniqueStrings), 'an object of lists of distinct property names'),
  title: expect(isString, 'text'),
  description: expect(isString, 'text'),
  deprecated: expect(isBoolean, 'true or false'),
  readOnly: expect(isBoolean, 'true or false'),
  writeOnly: expect(isBoolean, 'true or false'),
  examples: expect(Array.isArray, 'a list of example values'),
  format: expect(isString, 'text (a format name, e.g. date-time)'),
  contentEncoding: expect(isString, 'text'),
  contentMediaType: expect(isString, 'text'),
  contentSchema: aSchema,
};

function checkSchemaAt(value: unknown, path: string, issues: SchemaIssue[]): void {
  if (typeof value === 'boolean') return;
  if (!isSchemaObject(value)) {
    issues.push({ path, message: `${keywordOf(path) || 'schema'}: expected a schema (an object, or true / false), found ${describeValue(value)}` });
    return;
  }
  for (const keyword of Object.keys(value)) {
    if (Object.hasOwn(KEYWORDS, keyword)) KEYWORDS[keyword]!(value[keyword], `${path}/${pointerSegment(keyword)}`, issues);
  }
}

/** The issues that keep `value` from being a JSON Schema 2020-12 schema; `[]` when it is one. `at` prefixes every path. */
export function checkSchema(value: unknown, at = ''): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  checkSchemaAt(value, at, issues);
  return issues;
}
