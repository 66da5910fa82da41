import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');

/**
 * Accepts files dropped anywhere on the app (one, several, a `.zip` or a folder): while they are
 * dragged over the window a full-window overlay says what will happen; dropping hands the
 * transfer to `onDrop`.
 */
export function DropOverlay({ onDrop }: { onDrop: (transfer: DataTransfer) => void }) {
  const [active, setActive] = useState(false);
  const depth = useRef(0);
  const handler = useRef(onDrop);
  useEffect(() => { handler.current = onDrop; }, [onDrop]);

  useEffect(() => {
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current++;
      setActive(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setActive(false);
      // The transfer is read at once: its folder entries are only available during the event.
      if (event.dataTransfer?.files.length) handler.current(event.dataTransfer);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  if (!active) return null;
  return createPortal(
    <div className="drop-overlay" data-testid="exchange.drop-overlay" role="status" aria-live="polite">
      <div className="drop-overlay__card">
        <div className="drop-overlay__icon" aria-hidden="true">⇩</div>
        <div className="drop-overlay__title">Drop to import as a new design</div>
        <div className="drop-overlay__hint">A flow document (.json), or AsyncAPI 3.1 / 3.0 / 2.x documents (.yaml, .json) — several files, a .zip or a folder are read together, so references between them resolve. Up to 10 MB a file. Your current design stays as it is.</div>
      </div>
    </div>,
    document.body,
  );
}
