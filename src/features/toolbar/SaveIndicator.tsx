import { useAppStore } from '../../state/store';
import { selectSaveState } from '../../state/selectors';
import type { SaveState } from '../../state/uiSlice';

const TEXT: Record<SaveState, string> = {
  saved: 'Saved',
  pending: 'Editing…',
  saving: 'Saving…',
  error: 'Not saved',
};

/** Whether the open design is safely in IndexedDB. */
export function SaveIndicator() {
  const state = useAppStore(selectSaveState);
  return (
    <span className={`save-indicator save-indicator--${state}`} role="status" aria-live="polite"
      title="Designs are saved automatically in this browser (IndexedDB)">
      {TEXT[state]}
    </span>
  );
}
