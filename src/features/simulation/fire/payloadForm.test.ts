import { describe, expect, it } from 'vitest';
import { objectSchemaOf } from '../../../core';
import { makeField } from '../../../core/testing';
import { payloadFromText, payloadText } from './payloadForm';

const schema = objectSchemaOf([
  makeField('videoId', { type: 'uuid' }),
  makeField('durationSeconds', { type: 'integer', required: false }),
  makeField('status', { type: 'enum', enumValues: ['draft', 'published'] }),
]);

describe('payloadFromText', () => {
  it('given JSON that fits the input schema, then it is the payload', () => {
    const payload = { videoId: '3f1c1f8e-5b7a-4d3e-9c1a-0b2d4e6f8a10', status: 'draft' };
    expect(payloadFromText(payloadText(payload), schema, new Map())).toEqual({ payload, errors: [] });
  });

  it('given JSON that does not fit, then each misfit is named by its path', () => {
    const { payload, errors } = payloadFromText('{"videoId":"v-1","durationSeconds":3.5}', schema, new Map());
    expect(payload).toBeUndefined();
    expect(errors.map((e) => e.path).sort()).toEqual(['/durationSeconds', '/status', '/videoId']);
  });

  it('given text that is no JSON object, then it says so', () => {
    expect(payloadFromText('{', schema, new Map()).errors[0]?.message).toMatch(/^not JSON/);
    expect(payloadFromText('[]', schema, new Map()).errors[0]?.message).toBe('the input must be a JSON object');
  });
});
