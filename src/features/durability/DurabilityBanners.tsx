import { lazy, Suspense } from 'react';
import { useAppStore } from '../../state/store';
import { selectConflict, selectRecoveredEdits, selectStorageReadOnly } from '../../state/selectors';
import './durability.css';

// Each message loads the first time it is needed: a first visit (nothing to tell) fetches none of them.
const StorageFullBanner = lazy(() => import('./StorageFullBanner').then((m) => ({ default: m.StorageFullBanner })));
const ConflictBanner = lazy(() => import('./ConflictBanner').then((m) => ({ default: m.ConflictBanner })));
const RecoveredEditsDialog = lazy(() => import('./RecoveredEditsDialog').then((m) => ({ default: m.RecoveredEditsDialog })));

/** The messages under the toolbar about where the open design stands: full disk, another tab, recovered edits. */
export function DurabilityBanners() {
  const readOnly = useAppStore(selectStorageReadOnly);
  const conflict = useAppStore(selectConflict);
  const recovered = useAppStore(selectRecoveredEdits);
  return (
    <Suspense fallback={null}>
      {readOnly && <StorageFullBanner />}
      {conflict && <ConflictBanner />}
      {recovered.length > 0 && <RecoveredEditsDialog />}
    </Suspense>
  );
}
