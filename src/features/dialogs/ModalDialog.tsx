import { useEffect, useRef, type ReactNode } from 'react';
import './dialogs.css';

interface Props {
  /** Called when the dialog closes by itself: Esc, a click on the backdrop. */
  onClose(): void;
  /** The accessible name (or `labelledBy`). */
  label?: string;
  labelledBy?: string;
  describedBy?: string;
  role?: 'dialog' | 'alertdialog';
  className?: string;
  children: ReactNode;
}

/**
 * A modal `<dialog>` shown while mounted: the page behind is inert, focus moves in (to the
 * element with `autoFocus`, else the first focusable one) and returns on close; Esc and a click
 * on the backdrop close it.
 */
export function ModalDialog({ onClose, label, labelledBy, describedBy, role, className = '', children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => { close.current = onClose; }, [onClose]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return undefined;
    const opener = document.activeElement;
    if (!element.open) element.showModal();
    return () => {
      if (element.open) element.close();
      // The dialog goes with its component, before the browser could give the focus back itself.
      if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
    };
  }, []);

  return (
    <dialog ref={dialog} className={`modal-dialog ${className}`} role={role} aria-label={label} aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => { event.preventDefault(); close.current(); }}
      onClick={(event) => { if (event.target === event.currentTarget) close.current(); }}>
      {children}
    </dialog>
  );
}
