import { selectPendingDeletion } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { isMac } from './platform';

const quoteList = (names: string[]) => (names.length === 1 ? names[0] : `${names.length} nodes (${names.join(', ')})`);

/** Asks before a deletion that removes more than the selection, saying what else goes. */
export function DeleteConfirmation() {
  const pending = useAppStore(selectPendingDeletion);
  if (!pending) return null;
  const { confirmPendingDeletion, cancelPendingDeletion } = useAppStore.getState();
  return (
    <ConfirmDialog title={`Delete ${quoteList(pending.names)}?`} confirmLabel="Delete" onConfirm={confirmPendingDeletion} onCancel={cancelPendingDeletion}>
      <p>Other nodes use {pending.names.length === 1 ? 'it' : 'them'}. Deleting also removes:</p>
      <ul aria-label="What else is removed">
        {pending.consequences.map((line) => <li key={line}>{line}</li>)}
      </ul>
      <p className="muted">Undo ({isMac ? '⌘Z' : 'Ctrl+Z'}) brings all of it back.</p>
    </ConfirmDialog>
  );
}
