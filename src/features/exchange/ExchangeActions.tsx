import { DropOverlay } from './DropOverlay';
import { ExportMenu } from './ExportMenu';
import { ImportErrorDialog } from './ImportErrorDialog';
import { OpenDesignButton } from './OpenDesignButton';
import { useDesignImport } from './useDesignImport';
import './exchange.css';

/** Export and import for the toolbar: the Export menu, Open…, drop-a-file-anywhere and the import error dialog. */
export function ExchangeActions() {
  const { importFiles, failure, clearFailure, busy } = useDesignImport();
  const onFiles = (files: FileList) => { void importFiles(files); };
  return (
    <>
      <ExportMenu />
      <OpenDesignButton onFiles={onFiles} busy={busy} />
      <DropOverlay onFiles={onFiles} />
      {failure && <ImportErrorDialog failure={failure} onClose={clearFailure} />}
    </>
  );
}
