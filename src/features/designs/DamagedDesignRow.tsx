import { useState } from 'react';
import type { DamagedDesignSummary } from '../../state/designs/designTypes';
import { useAppStore } from '../../state/store';
import { downloadRawDesign } from '../durability/downloadBackup';

/** A design whose stored data cannot be read: what is wrong, its raw data to download, and delete. */
export function DamagedDesignRow({ design }: { design: DamagedDesignSummary }) {
  const [confirming, setConfirming] = useState(false);
  const { rawDesignJson, deleteDesign, showToast } = useAppStore.getState();
  const download = async () => {
    try {
      downloadRawDesign(design.name, await rawDesignJson(design.id));
    } catch (error) {
      showToast(`The raw data could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <li className="design-row design-row--damaged" aria-label={`${design.name} (damaged)`}>
      <div className="design-row__damaged">
        <span className="design-row__name">⚠ <bdi>{design.name}</bdi></span>
        <span className="design-row__problem">Damaged, cannot be opened: {design.problem}.</span>
        {confirming ? (
          <span className="design-row__confirm" role="group" aria-label={`Confirm deleting ${design.name}`}>
            Delete “<bdi>{design.name}</bdi>” for good?
            <button type="button" className="tool-button tool-button--danger" onClick={() => void deleteDesign(design.id)}>Delete</button>
            <button type="button" className="tool-button" onClick={() => setConfirming(false)}>Cancel</button>
          </span>
        ) : (
          <span className="design-row__actions">
            <button type="button" className="text-button" aria-label={`Download raw JSON of ${design.name}`}
              title="Download the stored data exactly as it is, to repair or report it" onClick={() => void download()}>Download raw JSON</button>
            <button type="button" className="text-button text-button--danger" aria-label={`Delete ${design.name}`}
              title="Delete the damaged design (asks first)" onClick={() => setConfirming(true)}>Delete</button>
          </span>
        )}
      </div>
    </li>
  );
}
