import { EDIT_ACTIONS } from './editActions';
import { RUN_ACTIONS } from './runActions';
import type { ActionContext, AppAction } from './types';
import { ADD_ACTIONS, DESIGN_ACTIONS, HELP_ACTIONS, VIEW_ACTIONS } from './viewActions';

/**
 * Every user action of the app, in the order the palette and the shortcuts help list them. The
 * toolbar, the keyboard handler, the shortcuts help and the command palette read this list.
 */
export const ACTIONS: readonly AppAction[] = [...EDIT_ACTIONS, ...ADD_ACTIONS, ...VIEW_ACTIONS, ...DESIGN_ACTIONS, ...RUN_ACTIONS, ...HELP_ACTIONS];

const BY_ID = new Map(ACTIONS.map((action) => [action.id, action]));

/** The action with this id; throws on an unknown id (a wiring mistake, not user input). */
export function getAction(id: string): AppAction {
  const action = BY_ID.get(id);
  if (!action) throw new Error(`No action has the id "${id}"`);
  return action;
}

/** The actions that exist in the current mode. */
export function actionsInMode(context: ActionContext, actions: readonly AppAction[] = ACTIONS): AppAction[] {
  return actions.filter((action) => action.modes.includes(context.state.mode));
}

/** Performs an action if it exists in the current mode and is enabled; returns whether it ran. */
export function performAction(action: AppAction, context: ActionContext): boolean {
  if (!action.modes.includes(context.state.mode) || !action.enabled(context)) return false;
  action.perform(context);
  return true;
}
