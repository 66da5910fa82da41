import { lazy, Suspense } from 'react';
import { DropOverlay } from './DropOverlay';
import { ExportMenu } from './ExportMenu';
import { OpenDesignButton } from './OpenDesignButton';
import { useDesignImport } from './useDesignImport';
import './exchange.css';

// The dialogs' code loads only when an import fails or warns.
const ImportErrorDialog = lazy(() => import('./ImportErrorDialog').then((m) => ({ default: m.ImportErrorDialog })));
const ImportWarningsDialog = lazy(() => import('./ImportWarningsDialog').then((m) => ({ default: m.ImportWarningsDialog })));

/** Export and import for the toolbar: the Export menu, Open…, drop-anywhere, and the import error and warnings dialogs. */
export function ExchangeActions() {
  const { importFiles, importDrop, failure, clearFailure, notice, clearNotice, busy } = useDesignImport();
  const onFiles = (files: FileList) => { void importFiles(files); };
  const onDrop = (transfer: DataTransfer) => { void importDrop(transfer); };
  return (
    <>
      <ExportMenu />
      <OpenDesignButton onFiles={onFiles} busy={busy} />
      <DropOverlay onDrop={onDrop} />
      {failure && <Suspense fallback={null}><ImportErrorDialog failure={failure} onClose={clearFailure} /></Suspense>}
      {notice && !failure && <Suspense fallback={null}><ImportWarningsDialog notice={notice} onClose={clearNotice} /></Suspense>}
    </>
  );
}
