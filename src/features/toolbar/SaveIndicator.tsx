import { useAppStore } from '../../state/store';
import { selectSaveState } from '../../state/selectors';
import type { SaveState } from '../../state/uiSlice';

/** What the indicator says, and what its tooltip explains. Never "Saved" unless it is. */
const TEXT: Record<SaveState, { label: string; title: string }> = {
  saved: { label: 'Saved', title: 'Designs are saved automatically in this browser (IndexedDB)' },
  pending: { label: 'Editing…', title: 'Your last edits are kept in this browser and saved in a moment' },
  saving: { label: 'Saving…', title: 'Your last edits are being saved in this browser' },
  error: { label: 'Not saved', title: 'The last save failed; your edits are kept in this browser and saving is tried again with the next edit' },
  conflict: { label: 'Not saved: conflict', title: 'Another tab changed or deleted this design; choose in the message above what happens to your edits' },
  'read-only': { label: 'Not saved: disk full', title: 'This browser’s storage for the app is full; export the design to keep your changes' },
  offline: { label: 'Not saved: no database', title: 'The designs database went away; see the message on screen' },
};

/** Whether the open design is safely in IndexedDB. */
export function SaveIndicator() {
  const state = useAppStore(selectSaveState);
  const { label, title } = TEXT[state];
  return (
    <span className={`save-indicator save-indicator--${state}`} role="status" aria-live="polite" title={title} data-testid="save-indicator">
      {label}
    </span>
  );
}
