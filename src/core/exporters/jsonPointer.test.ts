import { describe, expect, it } from 'vitest';
import { childPointer, readPointer } from './jsonPointer';

describe('childPointer and readPointer', () => {
  it('reach a key that holds / and ~', () => {
    // given a document whose key holds the pointer's special characters
    const root = { channels: { 'user/signed~up': { address: 'x' } } };
    // when a pointer is built to it and read, with and without the local '#'
    const at = childPointer(childPointer('', 'channels'), 'user/signed~up');
    // then the escaped pointer finds the value
    expect(at).toBe('/channels/user~1signed~0up');
    expect(readPointer(root, `#${at}`)).toEqual({ address: 'x' });
    expect(readPointer(root, at)).toEqual({ address: 'x' });
    expect(readPointer(root, '#/channels/user~1signed')).toBeUndefined();
  });
});
