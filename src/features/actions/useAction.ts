import { useCallback, useEffect } from 'react';
import { useAppStore } from '../../state/store';
import { useActionHost } from './ActionHostContext';
import { actionTitle, shortcutLabels } from './platform';
import { getAction, performAction } from './registry';
import type { AppAction, RunControls } from './types';

export interface ActionView {
  action: AppAction;
  /** Exists in this mode and can run now. */
  enabled: boolean;
  checked: boolean | undefined;
  title: string;
  shortcuts: string[];
  perform(): void;
}

/**
 * An action as a control shows it, re-rendered when its enabled/checked state changes. The
 * store decides most of it; run controls come with the run workspace, which re-renders its own.
 */
export function useAction(id: string): ActionView {
  const host = useActionHost();
  const action = getAction(id);
  // Subscribes to the store; the selectors return booleans, so only a change re-renders.
  const enabled = useAppStore((state) => action.modes.includes(state.mode) && action.enabled({ ...host.context(), state }));
  const checked = useAppStore((state) => action.checked?.({ ...host.context(), state }));
  const perform = useCallback(() => { performAction(action, host.context()); }, [action, host]);
  return { action, enabled, checked, title: actionTitle(action), shortcuts: shortcutLabels(action), perform };
}

/** Offers the run workspace's controls to the actions while the component is shown. */
export function useProvideRunControls(controls: RunControls | null): void {
  const host = useActionHost();
  useEffect(() => {
    host.setRunControls(controls);
    return () => host.setRunControls(null);
  }, [host, controls]);
}
