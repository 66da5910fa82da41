import { matchesChord, parseChord, type KeyPress } from './chords';
import type { ActionContext, AppAction } from './types';

/** A key press as the handler sees it: the keys, and whether it is typed into a field or a dialog. */
export interface ActionKeyPress extends KeyPress {
  repeat: boolean;
  /** The focus is in a text field, select or editable element (the keys then keep their text meaning). */
  typing: boolean;
  /** The focus is inside a dialog (its keys are its own). */
  inDialog: boolean;
}

export type KeyDecision =
  | { kind: 'none' }
  /** The key belongs to this action: prevent the browser's default, and perform it when `perform`. */
  | { kind: 'claimed'; action: AppAction; perform: boolean };

const chordsOf = new WeakMap<AppAction, ReturnType<typeof parseChord>[]>();
function chords(action: AppAction) {
  let parsed = chordsOf.get(action);
  if (!parsed) {
    parsed = (action.shortcuts ?? []).map(parseChord);
    chordsOf.set(action, parsed);
  }
  return parsed;
}

/**
 * Which action a key press is for, in the current mode. Typing in a field or a dialog keeps the
 * keys for them, except for actions that work while typing (the command palette). A disabled
 * action leaves the key to the browser, unless it claims its shortcut (Space in run mode). Pure.
 */
export function decideKey(press: ActionKeyPress, context: ActionContext, actions: readonly AppAction[]): KeyDecision {
  for (const action of actions) {
    if (!action.modes.includes(context.state.mode)) continue;
    if ((press.typing || press.inDialog) && !action.whileTyping) continue;
    if (!chords(action).some((chord) => matchesChord(chord, press))) continue;
    const enabled = action.enabled(context) && !(press.repeat && action.noRepeat);
    if (enabled) return { kind: 'claimed', action, perform: true };
    if (action.claimsShortcut) return { kind: 'claimed', action, perform: false };
  }
  return { kind: 'none' };
}
