import { useAppStore } from '../../state/store';
import { selectRecoveredEdits } from '../../state/selectors';
import type { RecoveredEdits } from '../../state/designs/designTypes';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const SINCE: Record<RecoveredEdits['reason'], string> = {
  changed: 'Since then the design was changed in another tab, so they were not saved over it.',
  deleted: 'Since then the design was deleted.',
  damaged: 'The stored design is damaged, so they were not saved over it.',
};

/** Unsaved edits found from tabs that closed (or crashed), which need a choice: keep as a copy, or discard. */
export function RecoveredEditsDialog() {
  const recovered = useAppStore(selectRecoveredEdits);
  if (recovered.length === 0) return null;
  const { keepRecoveredAsCopy, discardRecovered } = useAppStore.getState();
  return (
    <section className="durability-banner durability-banner--recovered" role="region" aria-label="Recovered edits">
      <p><strong>Unsaved edits were found from a tab that closed before it could save them.</strong> Nothing was thrown away; choose for each:</p>
      <ul className="recovered-list">
        {recovered.map((edits) => (
          <li key={`${edits.designId}\u0000${edits.tabId}`} className="recovered-list__item" aria-label={`Recovered edits of ${edits.name}`}>
            <span className="recovered-list__text">
              “<strong className="recovered-list__name"><bdi>{edits.name}</bdi></strong>”, last edited {timeFormat.format(edits.at)}. {SINCE[edits.reason]}
            </span>
            <button type="button" className="tool-button tool-button--primary" onClick={() => void keepRecoveredAsCopy(edits)}
              title="Save these edits as a new design and open it">Keep as a copy</button>
            <button type="button" className="tool-button" onClick={() => void discardRecovered(edits)}
              title="Forget these edits for good">Discard</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
