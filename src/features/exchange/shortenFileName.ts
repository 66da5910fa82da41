/** File names longer than this are shortened (file systems refuse names over 255 bytes; people read far less). */
export const MAX_FILE_NAME_LENGTH = 100;

/** A short, stable hash of a text (FNV-1a, base 36): two long names cut to the same start stay apart. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/**
 * A download's file name cut to `max` characters: the extensions (`.events.schema.json`) are kept,
 * the start of the name too, and a hash of the whole name keeps different long names different.
 * Counts code points, so a character is never cut in half. Pure.
 */
export function shortenFileName(fileName: string, max = MAX_FILE_NAME_LENGTH): string {
  const chars = Array.from(fileName);
  if (chars.length <= max) return fileName;
  const dot = fileName.indexOf('.', 1);
  const extension = dot > 0 && fileName.length - dot <= 30 ? fileName.slice(dot) : '';
  const base = Array.from(extension ? fileName.slice(0, dot) : fileName);
  const hash = hashOf(base.join(''));
  return `${base.slice(0, Math.max(1, max - Array.from(extension).length - hash.length - 1)).join('')}-${hash}${extension}`;
}
