import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../state/store';
import { selectDesignId } from '../../state/selectors';
import { DesignsList } from './DesignsList';

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
          <DesignsList />
        </div>
      )}
    </div>
  );
}
