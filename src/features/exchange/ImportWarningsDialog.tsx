import type { ImportNotice } from './useDesignImport';
import { useDialogClose } from './useDialogClose';

/** After an import that kept something it could not fully read: what, and where (file, line, place). */
export function ImportWarningsDialog({ notice, onClose }: { notice: ImportNotice; onClose: () => void }) {
  const close = useDialogClose(onClose);
  const count = notice.warnings.length;
  return (
    <div className="exchange-backdrop">
      <div className="exchange-dialog exchange-dialog--wide" role="dialog" aria-modal="true" aria-labelledby="import-warnings-title">
        <h2 id="import-warnings-title" className="exchange-dialog__title exchange-dialog__title--warning">
          Imported “{notice.design}” with {count} warning{count === 1 ? '' : 's'}
        </h2>
        <p className="exchange-dialog__note">The design is open. These parts were kept as written (and are exported again) but the design cannot check or simulate them:</p>
        <ol className="exchange-warnings" aria-label="Import warnings">
          {notice.warnings.map((w, i) => (
            <li key={i} className="exchange-warnings__item">
              <span className="exchange-warnings__place">{w.file}{w.line === undefined ? '' : `:${w.line}`} <code>{w.pointer || '/'}</code></span>
              <span className="exchange-warnings__message">{w.message}</span>
            </li>
          ))}
        </ol>
        {notice.skipped.length > 0 && (
          <p className="exchange-dialog__note">Left out (not JSON, YAML or Avro): {notice.skipped.join(', ')}</p>
        )}
        <div className="exchange-dialog__actions">
          <button ref={close} type="button" className="tool-button tool-button--primary" onClick={onClose}>OK</button>
        </div>
      </div>
    </div>
  );
}
