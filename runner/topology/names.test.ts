import { describe, expect, it } from 'vitest';
import { quoteIdent, quoteLiteral, sqlName, subjectToken, uniqueNames } from './names';

describe('names on real infrastructure', () => {
  it('keeps a readable name readable', () => {
    expect(sqlName('content-ingest')).toBe('content_ingest');
    expect(sqlName('Orders')).toBe('orders');
    expect(subjectToken('VideoInputEvent')).toBe('VideoInputEvent');
  });

  it('makes any text a safe identifier or token', () => {
    expect(sqlName('9 lives')).toMatch(/^_9_lives$/);
    expect(sqlName('a'.repeat(80), 40)).toHaveLength(40);
    expect(subjectToken('a.b *>c')).toBe('a_b___c');
    expect(sqlName('')).toMatch(/^[a-z_][a-z0-9_]*$/);
  });

  it('gives colliding names the hash of their original, so the mapping stays one-to-one', () => {
    const names = uniqueNames(['a-b', 'a_b', 'c'], (t) => sqlName(t));
    expect(names.get('c')).toBe('c');
    expect(names.get('a-b')).not.toBe(names.get('a_b'));
    expect(names.get('a-b')).toMatch(/^a_b_[0-9a-f]{8}$/);
  });

  it('treats __proto__ and constructor as plain names', () => {
    const names = uniqueNames(['__proto__', 'constructor', 'toString'], (t) => sqlName(t));
    expect([...names.values()]).toEqual(['__proto__', 'constructor', 'tostring']);
  });

  it('quotes identifiers and literals the PostgreSQL way', () => {
    expect(quoteIdent('say "hi"')).toBe('"say ""hi"""');
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteIdent('x'.repeat(70))).toMatch(/^"x{40}_[0-9a-f]{8}"$/);
  });
});
