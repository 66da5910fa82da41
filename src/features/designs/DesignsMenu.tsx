import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../state/store';
import { selectDesignId } from '../../state/selectors';

// The list (and its live read of the saved designs) loads the first time the menu opens.
const loadDesignsList = () => import('./DesignsList');
const DesignsList = lazy(() => loadDesignsList().then((m) => ({ default: m.DesignsList })));

/** Fetches the list's code ahead of use. */
export function preloadDesignsList(): void {
  void loadDesignsList();
}

/** The "Designs" button and its popover listing every saved design. */
export function DesignsMenu() {
  const [open, setOpen] = useState(false);
  const currentId = useAppStore(selectDesignId);
  const popover = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popover.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') setOpen(false); };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  useEffect(() => setOpen(false), [currentId]);

  return (
    <div className="designs-menu">
      <button ref={button} type="button" className="tool-button" aria-expanded={open} aria-haspopup="dialog"
        title="Open, create, rename, duplicate or delete designs" onClick={() => setOpen((v) => !v)}>
        ☰ Designs
      </button>
      {open && (
        <div ref={popover} className="designs-popover" role="dialog" aria-label="Designs">
          <Suspense fallback={<div className="designs-list__empty">Loading…</div>}><DesignsList /></Suspense>
        </div>
      )}
    </div>
  );
}
