import { describe, expect, it } from 'vitest';
import { makeField } from '../../../core/testing';
import { fromInputTexts, textsFromPayload } from './payloadForm';

const fields = [
  makeField('videoId', { type: 'uuid' }),
  makeField('durationSeconds', { type: 'integer', required: false }),
  makeField('status', { type: 'enum', enumValues: ['draft', 'published'] }),
  makeField('tags', { type: 'array', required: false }),
];

describe('fromInputTexts', () => {
  it('given typed texts, when converted, then numbers, enums and lists get their types and blanks are left out', () => {
    const { payload, errors } = fromInputTexts(fields, { videoId: 'v-1', durationSeconds: '312', status: 'draft', tags: 'a, b' });
    expect(errors).toEqual({});
    expect(payload).toEqual({ videoId: 'v-1', durationSeconds: 312, status: 'draft', tags: ['a', 'b'] });
  });

  it('given a missing required field and a bad integer, when converted, then both are reported', () => {
    const { errors } = fromInputTexts(fields, { videoId: '', durationSeconds: '3.5', status: 'gone' });
    expect(errors).toEqual({ videoId: 'required', durationSeconds: 'not an integer', status: 'one of draft, published' });
  });
});

describe('textsFromPayload', () => {
  it('given a generated payload without an optional field, when shown, then that field is empty', () => {
    expect(textsFromPayload(fields, { videoId: 'v-1', status: 'draft' })).toEqual({ videoId: 'v-1', durationSeconds: '', status: 'draft', tags: '' });
  });
});
