import { ConflictBanner } from './ConflictBanner';
import { RecoveredEditsDialog } from './RecoveredEditsDialog';
import { StorageFullBanner } from './StorageFullBanner';
import './durability.css';

/** The messages under the toolbar about where the open design stands: full disk, another tab, recovered edits. */
export function DurabilityBanners() {
  return (
    <>
      <StorageFullBanner />
      <ConflictBanner />
      <RecoveredEditsDialog />
    </>
  );
}
