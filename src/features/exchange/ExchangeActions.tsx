import { DropOverlay } from './DropOverlay';
import { ExportMenu } from './ExportMenu';
import { ImportErrorDialog } from './ImportErrorDialog';
import { ImportWarningsDialog } from './ImportWarningsDialog';
import { OpenDesignButton } from './OpenDesignButton';
import { useDesignImport } from './useDesignImport';
import './exchange.css';

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
      {failure && <ImportErrorDialog failure={failure} onClose={clearFailure} />}
      {notice && !failure && <ImportWarningsDialog notice={notice} onClose={clearNotice} />}
    </>
  );
}
