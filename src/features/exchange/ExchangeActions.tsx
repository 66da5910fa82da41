import { lazy, Suspense } from 'react';
import { DropOverlay } from './DropOverlay';
import { ExportMenu } from './ExportMenu';
import { OpenDesignButton } from './OpenDesignButton';
import { useDesignImport } from './useDesignImport';
import './exchange.css';

// The error dialog's code loads only when an import fails.
const ImportErrorDialog = lazy(() => import('./ImportErrorDialog').then((m) => ({ default: m.ImportErrorDialog })));

/** Export and import for the toolbar: the Export menu, Open…, drop-a-file-anywhere and the import error dialog. */
export function ExchangeActions() {
  const { importFiles, failure, clearFailure, busy } = useDesignImport();
  const onFiles = (files: FileList) => { void importFiles(files); };
  return (
    <>
      <ExportMenu />
      <OpenDesignButton onFiles={onFiles} busy={busy} />
      <DropOverlay onFiles={onFiles} />
      {failure && <Suspense fallback={null}><ImportErrorDialog failure={failure} onClose={clearFailure} /></Suspense>}
    </>
  );
}
