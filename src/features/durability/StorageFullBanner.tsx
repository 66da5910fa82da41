import { useAppStore } from '../../state/store';
import { selectStorageReadOnly } from '../../state/selectors';
import { designExport } from '../exchange/exportFiles';
import { downloadFile } from '../exchange/download';

/** The disk is full: says so, pauses editing, and offers the export and a retry. */
export function StorageFullBanner() {
  const readOnly = useAppStore(selectStorageReadOnly);
  if (!readOnly) return null;
  const exportDesign = () => {
    const { doc } = useAppStore.getState();
    if (doc) downloadFile(designExport('design', doc));
  };
  return (
    <div className="durability-banner durability-banner--full" role="alert" aria-label="Storage is full">
      <p>
        <strong>This browser’s storage for the app is full, so nothing can be saved.</strong> Editing is paused so that no
        more work is lost. What you see is still here: export the design to keep it. Then make room — delete designs you no
        longer need (☰ Designs) or free disk space — and try saving again.
      </p>
      <div className="durability-banner__actions">
        <button type="button" className="tool-button tool-button--primary" onClick={exportDesign}
          title="Download the design as it is on screen (.flow.json)">Export the design</button>
        <button type="button" className="tool-button" onClick={() => void useAppStore.getState().retrySaving()}
          title="Try to write again; editing resumes when it works">Try saving again</button>
      </div>
    </div>
  );
}
