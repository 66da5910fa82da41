import { useAppStore } from '../../state/store';
import { selectConflict } from '../../state/selectors';

/** Tells a tab with unsaved edits that another tab changed or deleted the design, and lets the user choose. */
export function ConflictBanner() {
  const conflict = useAppStore(selectConflict);
  if (!conflict) return null;
  const { keepMineAsCopy, takeTheirs } = useAppStore.getState();
  const changed = conflict.kind === 'changed';
  return (
    <div className="durability-banner durability-banner--conflict" role="alert" aria-label="Edited in another tab">
      <p>
        {/* <bdi>: a name with right-to-left characters cannot turn the rest of the sentence around. */}
        <strong>“<bdi>{conflict.designName}</bdi>” was {changed ? 'changed' : 'deleted'} in another tab</strong> while you
        were editing it here. Your edits in this tab are not saved yet, and nothing is lost: choose what happens to them.
      </p>
      <div className="durability-banner__actions">
        <button type="button" className="tool-button tool-button--primary" onClick={() => void keepMineAsCopy()}
          title={changed ? 'Save this tab’s version as a new design; the original keeps the other tab’s version' : 'Save this tab’s version as a new design'}>
          {changed ? 'Keep mine as a copy' : 'Keep my edits as a new design'}
        </button>
        <button type="button" className="tool-button" onClick={() => void takeTheirs()}
          title={changed ? 'Show the other tab’s version here and drop this tab’s unsaved edits' : 'Drop this tab’s unsaved edits and open another design'}>
          {changed ? 'Take theirs (drop my edits)' : 'Let it go (drop my edits)'}
        </button>
      </div>
    </div>
  );
}
