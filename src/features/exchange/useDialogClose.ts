import { useEffect, useRef } from 'react';

/**
 * A modal's close button: focused when the dialog opens, and Escape closes it. Returns the ref
 * for the button.
 */
export function useDialogClose(onClose: () => void) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') onClose(); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return close;
}
