import { createContext, useContext } from 'react';
import type { ActionContext, RunControls } from './types';

/** What the action host hands down: the current context, and a slot for the run workspace's controls. */
export interface ActionHost {
  /** The context of an action performed now (the store read at the moment of the call). */
  context(): ActionContext;
  /** The run workspace offers its controls while it is shown (null when it goes). */
  setRunControls(controls: RunControls | null): void;
}

export const ActionHostContext = createContext<ActionHost | null>(null);

/** The enclosing action host. Throws outside one (a wiring mistake). */
export function useActionHost(): ActionHost {
  const host = useContext(ActionHostContext);
  if (!host) throw new Error('useActionHost outside <ActionHostProvider>');
  return host;
}
