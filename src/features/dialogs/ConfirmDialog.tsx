import { useId, type ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';

interface Props {
  title: string;
  /** What happens and what is lost, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a destructive action: says what is lost; Cancel has the focus, Esc cancels. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: Props) {
  const id = useId();
  return (
    <ModalDialog role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-body`} onClose={onCancel} className="confirm-dialog">
      <h2 id={`${id}-title`} className="modal-dialog__title">{title}</h2>
      <div id={`${id}-body`} className="confirm-dialog__body">{children}</div>
      <div className="confirm-dialog__buttons">
        <button type="button" className="tool-button" onClick={onCancel} autoFocus>Cancel</button>
        <button type="button" className="tool-button tool-button--danger" onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </ModalDialog>
  );
}
