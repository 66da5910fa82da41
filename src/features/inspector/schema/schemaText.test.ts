import { describe, expect, it } from 'vitest';
import { parseSchemaText, schemaText } from './schemaText';

describe('parseSchemaText', () => {
  it('gives back a schema typed as JSON, unknown keywords included', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', 'x-ui': { hidden: true } } }, 'x-owner': 'crm' };
    expect(parseSchemaText(schemaText(schema))).toEqual({ schema });
  });

  it.each([
    ['{\n  "type": "object",\n  "properties": {\n}', { message: "Not JSON: expected ',' or '}' in an object, found the end of the file", line: 4, column: 2 }],
    ['[1]', { message: 'A payload schema must be a JSON object, found a list', path: '' }],
    ['{"properties":{"a":{"type":"strin"}}}', { path: '/properties/a/type', message: expect.stringMatching(/^type: expected one of 'string'/) }],
    ['{"properties":{"a/b":{"minimum":"0"}},"required":[1]}', { path: '/properties/a~1b/minimum', message: 'minimum: expected a number, found the text "0"', issues: expect.arrayContaining([expect.objectContaining({ path: '/required' })]) }],
  ])('given %j, says what is wrong and where', (text, error) => {
    expect(parseSchemaText(text)).toEqual({ error: expect.objectContaining(error) });
  });
});
