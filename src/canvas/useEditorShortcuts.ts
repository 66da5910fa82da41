import { useEffect } from 'react';
import { useAppStore } from '../state/store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Keys pressed inside a dialog (designs list, shortcuts help) belong to that dialog. */
function isInDialog(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('dialog, [role="dialog"]') !== null;
}

/**
 * The editor's keyboard: Delete/Backspace, Ctrl/Cmd+C/V, Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y,
 * Ctrl/Cmd+A, Escape. Ignored while typing in a form field, where the keys keep their text meaning.
 */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || isInDialog(event.target) || event.defaultPrevented) return;
      const state = useAppStore.getState();
      if (state.mode !== 'design') return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) state.deleteSelection();
      else if (!mod && event.key === 'Escape') state.clearSelection();
      else if (mod && key === 'z' && event.shiftKey) state.redo();
      else if (mod && key === 'z') state.undo();
      else if (mod && key === 'y') state.redo();
      else if (mod && key === 'c') state.copySelection();
      else if (mod && key === 'v') state.paste();
      else if (mod && key === 'a') state.selectAll();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
