/**
 * Names on real infrastructure from names a user chose. A design's ids and names are any text;
 * PostgreSQL identifiers (at most 63 bytes), NATS subject tokens and stream/consumer names (no
 * spaces, dots, `*`, `>`) are not. Every function here maps a user string to a safe one that stays
 * readable and never collides: when anything had to be replaced or cut, a short hash of the
 * original is appended. Pure.
 */

/** FNV-1a of a text as 8 hex digits. Pure. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const MAX_PG_IDENTIFIER_BYTES = 63;

function safe(text: string, allowed: RegExp, maxLength: number, lower: boolean): string {
  const cleaned = (lower ? text.toLowerCase() : text).replace(allowed, '_');
  const exact = cleaned === text && text.length > 0 && text.length <= maxLength;
  if (exact) return cleaned;
  const suffix = `_${shortHash(text)}`;
  const head = (cleaned || 'x').slice(0, maxLength - suffix.length);
  return `${head}${suffix}`;
}

/**
 * A PostgreSQL identifier part (schema or table name, unquoted-safe: lower-case letters, digits, `_`)
 * for a user string, at most `maxLength` characters. `content-ingest` → `content_ingest_1a2b3c4d`,
 * `orders` → `orders`. Pure.
 */
export function sqlName(text: string, maxLength = 40): string {
  const name = safe(text, /[^a-z0-9_]/g, maxLength, true);
  return /^[a-z_]/.test(name) ? name : `_${name}`.slice(0, maxLength);
}

/** A quoted PostgreSQL identifier for any text (a column named after a user's field). Pure. */
export function quoteIdent(text: string): string {
  const bytes = new TextEncoder().encode(text).length;
  const name = text.length > 0 && bytes <= MAX_PG_IDENTIFIER_BYTES && !text.includes('\u0000')
    ? text
    : `${[...text.replace(/\u0000/g, '')].slice(0, 40).join('')}_${shortHash(text)}`;
  return `"${name.replace(/"/g, '""')}"`;
}

/** A PostgreSQL string literal. Pure. */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/\u0000/g, '').replace(/'/g, "''")}'`;
}

/** A NATS subject token (letters, digits, `_`, `-`) for a user string. Pure. */
export function subjectToken(text: string): string {
  return safe(text, /[^A-Za-z0-9_-]/g, 48, false);
}

/** A JetStream stream or consumer name part (letters, digits, `_`, `-`). Pure. */
export function streamName(text: string): string {
  return safe(text, /[^A-Za-z0-9_-]/g, 48, false);
}
