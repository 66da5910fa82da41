import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import { selectToast } from '../state/selectors';

const TOAST_MS = 6000;

/** A message near the canvas: why a connection was refused, what was copied. */
export function CanvasToast() {
  const toast = useAppStore(selectToast);
  const dismiss = useAppStore((s) => s.dismissToast);
  useEffect(() => {
    if (!toast) return undefined;
    const timer = setTimeout(dismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  if (!toast) return null;
  return (
    <div className={`canvas-toast canvas-toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span>{toast.message}</span>
      <button type="button" className="canvas-toast__close" onClick={dismiss} aria-label="Dismiss message" title="Dismiss">×</button>
    </div>
  );
}
