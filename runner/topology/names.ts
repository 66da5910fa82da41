/**
 * Names on real infrastructure from names a user chose. A design's ids and names are any text;
 * PostgreSQL identifiers (at most 63 bytes), NATS subject tokens and stream/consumer names (no
 * spaces, dots, `*`, `>`) are not. Each function maps a user string to a safe, readable one
 * (`content-ingest` → `content_ingest`); a name cut for length gets a short hash of the original,
 * and `uniqueNames` appends that hash wherever two originals map to the same safe name. Pure.
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
  if (cleaned.length > 0 && cleaned.length <= maxLength) return cleaned;
  return withHash(cleaned, text, maxLength);
}

function withHash(name: string, original: string, maxLength: number): string {
  const suffix = `_${shortHash(original)}`;
  return `${(name || 'x').slice(0, maxLength - suffix.length)}${suffix}`;
}

/**
 * Safe names for several originals at once: where two originals map to the same name, each of them
 * gets the hash of its original appended, so the mapping is one-to-one. Pure.
 */
export function uniqueNames(originals: readonly string[], toSafe: (text: string) => string, maxLength = 48): Map<string, string> {
  const first = new Map<string, string>();
  const count = new Map<string, number>();
  for (const original of new Set(originals)) {
    const name = toSafe(original);
    first.set(original, name);
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [original, name] of first) out.set(original, (count.get(name) ?? 0) > 1 ? withHash(name, original, maxLength) : name);
  return out;
}

/**
 * A PostgreSQL identifier part (schema or table name, unquoted-safe: lower-case letters, digits, `_`)
 * for a user string, at most `maxLength` characters. `content-ingest` → `content_ingest`. Pure.
 */
export function sqlName(text: string, maxLength = 40): string {
  const name = safe(/^[a-z_]/i.test(text) ? text : `_${text}`, /[^a-z0-9_]/g, maxLength, true);
  return name;
}

/** A quoted PostgreSQL identifier for any text (a column named after a user's field). Pure. */
export function quoteIdent(text: string): string {
  const bytes = new TextEncoder().encode(text).length;
  const name = text.length > 0 && bytes <= MAX_PG_IDENTIFIER_BYTES && !text.includes('\u0000')
    ? text
    : `${[...text.split('\u0000').join('')].slice(0, 40).join('')}_${shortHash(text)}`;
  return `"${name.replace(/"/g, '""')}"`;
}

/** A PostgreSQL string literal. Pure. */
export function quoteLiteral(text: string): string {
  return `'${text.split('\u0000').join('').replace(/'/g, "''")}'`;
}

/** A NATS subject token (letters, digits, `_`, `-`) for a user string. Pure. */
export function subjectToken(text: string): string {
  return safe(text, /[^A-Za-z0-9_-]/g, 48, false);
}

/** A JetStream stream or consumer name part (letters, digits, `_`, `-`). Pure. */
export function streamName(text: string): string {
  return safe(text, /[^A-Za-z0-9_-]/g, 48, false);
}
