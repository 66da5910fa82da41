/**
 * Key chords as the registry writes them: modifiers joined with "+" before one key, e.g. "Mod+Z",
 * "Shift+Mod+Z", "Delete", "?", "Space", "S". "Mod" is Ctrl, or ⌘ on a Mac (either is accepted
 * on every platform, as before). Pure.
 */

export interface Chord {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

/** The key part of a chord as `KeyboardEvent.key` spells it. */
const KEY_NAMES = new Map<string, string>([['space', ' '], ['esc', 'escape']]);

export function parseChord(text: string): Chord {
  const parts = text.split('+');
  // "Mod++" would be the plus key; the registry never uses it.
  const key = parts.pop() ?? '';
  const modifiers = new Set(parts.map((p) => p.toLowerCase()));
  for (const modifier of modifiers) {
    if (!['mod', 'shift', 'alt'].includes(modifier)) throw new Error(`Unknown modifier "${modifier}" in chord "${text}"`);
  }
  if (key === '') throw new Error(`Chord "${text}" has no key`);
  const lower = key.toLowerCase();
  return { key: KEY_NAMES.get(lower) ?? lower, mod: modifiers.has('mod'), shift: modifiers.has('shift'), alt: modifiers.has('alt') };
}

/** The part of a keyboard event a chord is matched against. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** A single printable character that is not a letter ("?", "."): typed with or without Shift depending on the layout. */
function isSymbol(key: string): boolean {
  return key.length === 1 && key.toLowerCase() === key.toUpperCase() && key !== ' ';
}

/**
 * True when the key press is the chord. Letters compare case-insensitively; Shift must match,
 * except for a plain chord of one letter or symbol ("S" also takes Shift+S, "?" needs Shift on
 * most layouts).
 */
export function matchesChord(chord: Chord, press: KeyPress): boolean {
  if (press.key.toLowerCase() !== chord.key) return false;
  const mod = press.ctrlKey || press.metaKey;
  if (mod !== chord.mod || press.altKey !== chord.alt) return false;
  const plainCharacter = !chord.mod && !chord.alt && !chord.shift && (isSymbol(chord.key) || /^[a-z]$/.test(chord.key));
  return plainCharacter || press.shiftKey === chord.shift;
}

const DISPLAY = new Map<string, string>([[' ', 'Space'], ['escape', 'Esc'], ['delete', 'Delete'], ['backspace', 'Backspace'], ['enter', 'Enter']]);

/** How a chord is shown: "Shift+Ctrl+Z" on Windows and Linux, "⇧⌘Z" on a Mac. */
export function formatChord(text: string, isMac: boolean): string {
  const chord = parseChord(text);
  const key = DISPLAY.get(chord.key) ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key[0]!.toUpperCase() + chord.key.slice(1));
  if (isMac) return `${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.mod ? '⌘' : ''}${key}`;
  return [chord.shift && 'Shift', chord.alt && 'Alt', chord.mod && 'Ctrl', key].filter(Boolean).join('+');
}
