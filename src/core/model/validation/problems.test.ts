import { describe, expect, it } from 'vitest';
import { pointer, pointerSegment, unescapePointerSegment } from './problems';

describe('JSON pointer segments', () => {
  it('escapes ~ and / and reads them back (RFC 6901)', () => {
    // given a key holding both special characters
    const key = 'a/b~c~1';
    // when it is escaped and read back
    const escaped = pointerSegment(key);
    // then the escape is the RFC one and the round trip is lossless
    expect(escaped).toBe('a~1b~0c~01');
    expect(unescapePointerSegment(escaped)).toBe(key);
    expect(pointer('channels', key, 0)).toBe('/channels/a~1b~0c~01/0');
  });
});
