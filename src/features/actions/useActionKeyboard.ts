import { useEffect } from 'react';
import { decideKey } from './keyboard';
import { isInDialog, isTypingTarget } from './platform';
import { ACTIONS } from './registry';
import type { ActionHost } from './ActionHostContext';

/**
 * The app's one keyboard handler: every shortcut of the registry, in the mode it belongs to.
 * Keys typed into a field or a dialog stay theirs (except Ctrl/⌘+K). A focused button would
 * take a claimed Space as a click on key up; that key up is swallowed too.
 */
export function useActionKeyboard(host: ActionHost): void {
  useEffect(() => {
    let spaceClaimed = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const context = host.context();
      const decision = decideKey({
        key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey,
        repeat: event.repeat, typing: isTypingTarget(event.target), inDialog: isInDialog(event.target),
      }, context, ACTIONS);
      if (decision.kind === 'none') return;
      event.preventDefault();
      if (event.key === ' ') spaceClaimed = true;
      if (decision.perform) decision.action.perform(context);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ' && spaceClaimed) {
        spaceClaimed = false;
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [host]);
}
