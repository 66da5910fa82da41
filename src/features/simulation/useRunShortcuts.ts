import { useEffect } from 'react';

/** True when a key press belongs to what the user is typing or choosing (or to a dialog), not to a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable="true"], dialog, [role="dialog"]') !== null;
}

/**
 * Run-mode shortcuts: `.` or `S` steps, Space plays/pauses. Ignored while typing in a field and
 * with Ctrl/Cmd/Alt held, so the editor's shortcuts stay its own.
 */
export function useRunShortcuts(enabled: boolean, handlers: { step(): void; togglePlay(): void }): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === '.' || e.key === 's' || e.key === 'S') {
        e.preventDefault();
        handlers.step();
      } else if (e.key === ' ' && !e.repeat) {
        e.preventDefault();
        handlers.togglePlay();
      }
    };
    // A focused button would also take Space as a click on key up: the shortcut owns Space here.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [enabled, handlers]);
}
