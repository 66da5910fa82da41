import { describe, expect, it } from 'vitest';
import { formatChord, matchesChord, parseChord, type KeyPress } from './chords';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('key chords', () => {
  it('given Mod+Z, then Ctrl+Z and ⌘Z match, Shift+Ctrl+Z and a plain Z do not', () => {
    const undo = parseChord('Mod+Z');
    expect(matchesChord(undo, press('z', { ctrlKey: true }))).toBe(true);
    expect(matchesChord(undo, press('z', { metaKey: true }))).toBe(true);
    expect(matchesChord(undo, press('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesChord(undo, press('z'))).toBe(false);
  });

  it('given Shift+Mod+Z, then only the shifted press matches (Shift makes the key upper case)', () => {
    const redo = parseChord('Shift+Mod+Z');
    expect(matchesChord(redo, press('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesChord(redo, press('z', { ctrlKey: true }))).toBe(false);
  });

  it('given plain characters, then Shift does not matter ("?" needs it, "S" may have it), but Ctrl and Alt do', () => {
    expect(matchesChord(parseChord('?'), press('?', { shiftKey: true }))).toBe(true);
    expect(matchesChord(parseChord('S'), press('S', { shiftKey: true }))).toBe(true);
    expect(matchesChord(parseChord('S'), press('s'))).toBe(true);
    expect(matchesChord(parseChord('S'), press('s', { ctrlKey: true }))).toBe(false);
    expect(matchesChord(parseChord('.'), press('.', { altKey: true }))).toBe(false);
  });

  it('given named keys, then Space, Escape and Delete match their KeyboardEvent.key, and Shift counts for them', () => {
    expect(matchesChord(parseChord('Space'), press(' '))).toBe(true);
    expect(matchesChord(parseChord('Space'), press(' ', { shiftKey: true }))).toBe(false);
    expect(matchesChord(parseChord('Escape'), press('Escape'))).toBe(true);
    expect(matchesChord(parseChord('Delete'), press('Delete'))).toBe(true);
    expect(matchesChord(parseChord('Delete'), press('Backspace'))).toBe(false);
  });

  it('shows chords the way each platform writes them', () => {
    expect(formatChord('Shift+Mod+Z', false)).toBe('Shift+Ctrl+Z');
    expect(formatChord('Shift+Mod+Z', true)).toBe('⇧⌘Z');
    expect(formatChord('Mod+K', true)).toBe('⌘K');
    expect(formatChord('Space', false)).toBe('Space');
    expect(formatChord('Escape', false)).toBe('Esc');
    expect(formatChord('?', false)).toBe('?');
    expect(formatChord('Shift+F', false)).toBe('Shift+F');
    expect(matchesChord(parseChord('Shift+F'), press('F', { shiftKey: true }))).toBe(true);
    expect(matchesChord(parseChord('Shift+F'), press('f'))).toBe(false);
  });

  it('refuses a chord it cannot read, naming it', () => {
    expect(() => parseChord('Hyper+X')).toThrow('Unknown modifier "hyper" in chord "Hyper+X"');
  });
});
