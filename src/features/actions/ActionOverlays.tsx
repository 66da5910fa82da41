import { lazy, Suspense } from 'react';
import { selectOverlay, selectPendingDeletion } from '../../state/selectors';
import { useAppStore } from '../../state/store';

// Each dialog's code loads the first time it opens (it is not part of the first visit), and is
// fetched ahead on the user's first key press or click, so it opens at once when asked for.
const loadPalette = () => import('./CommandPalette');
const loadShortcuts = () => import('./ShortcutsHelp');
const loadDeletion = () => import('./DeleteConfirmation');
const CommandPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));
const ShortcutsHelp = lazy(() => loadShortcuts().then((m) => ({ default: m.ShortcutsHelp })));
const DeleteConfirmation = lazy(() => loadDeletion().then((m) => ({ default: m.DeleteConfirmation })));

/** Fetches the dialogs' code ahead of use; called on the first interaction. */
export function preloadActionOverlays(): void {
  void loadPalette();
  void loadShortcuts();
  void loadDeletion();
}

/** The command palette, the shortcuts help and the deletion confirmation, each mounted only while open. */
export function ActionOverlays() {
  const overlay = useAppStore(selectOverlay);
  const deleting = useAppStore(selectPendingDeletion) !== null;
  return (
    <Suspense fallback={null}>
      {overlay === 'palette' && <CommandPalette />}
      {overlay === 'shortcuts' && <ShortcutsHelp />}
      {deleting && <DeleteConfirmation />}
    </Suspense>
  );
}
