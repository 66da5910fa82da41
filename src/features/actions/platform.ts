import { formatChord } from './chords';
import type { AppAction } from './types';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** An action's shortcuts as this platform writes them, e.g. ["Shift+Ctrl+Z", "Ctrl+Y"]. */
export function shortcutLabels(action: AppAction): string[] {
  return (action.shortcuts ?? []).map((chord) => formatChord(chord, isMac));
}

/** The tooltip of an action's button: what it does, and its shortcuts. */
export function actionTitle(action: AppAction): string {
  const keys = shortcutLabels(action);
  return `${action.description ?? action.label}${keys.length > 0 ? ` (${keys.join(' or ')})` : ''}`;
}

/** Key presses inside a text field belong to the text (and inside a dialog or menu, to it). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

export function isInDialog(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('dialog, [role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}
