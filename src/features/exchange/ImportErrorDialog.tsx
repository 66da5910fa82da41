import type { ImportFailure } from './useDesignImport';
import { useDialogClose } from './useDialogClose';

/** A modal alert with the reason an import was refused; nothing else changed. */
export function ImportErrorDialog({ failure, onClose }: { failure: ImportFailure; onClose: () => void }) {
  const close = useDialogClose(onClose);
  return (
    <div className="exchange-backdrop">
      <div className="exchange-dialog" role="alertdialog" aria-modal="true" aria-labelledby="import-error-title" aria-describedby="import-error-message">
        <h2 id="import-error-title" className="exchange-dialog__title">Import refused</h2>
        <p id="import-error-message" className="exchange-dialog__message">{failure.message}</p>
        <p className="exchange-dialog__note">Nothing was changed: your designs are as they were.</p>
        <div className="exchange-dialog__actions">
          <button ref={close} type="button" className="tool-button tool-button--primary" onClick={onClose}>OK</button>
        </div>
      </div>
    </div>
  );
}
