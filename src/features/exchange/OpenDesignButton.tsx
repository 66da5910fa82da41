import { useEffect, useRef, useState } from 'react';

const ACCEPT = '.json,.yaml,.yml,.avsc,.zip,application/json,application/yaml,text/yaml,application/zip';

/**
 * "Open…": a menu to pick files (one design, or AsyncAPI files together: several at once or a
 * `.zip`) or a whole folder; hands what was picked to `onFiles`.
 */
export function OpenDesignButton({ onFiles, busy }: { onFiles: (files: FileList) => void; busy: boolean }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => { if (!menu.current?.contains(event.target as Node)) setOpen(false); };
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') setOpen(false); };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => { document.removeEventListener('pointerdown', onDown); document.removeEventListener('keydown', onKey); };
  }, [open]);
  useEffect(() => { folder.current?.setAttribute('webkitdirectory', ''); }, []);
  const pick = (input: HTMLInputElement | null) => { setOpen(false); input?.click(); };
  const onChange = (event: React.ChangeEvent<HTMLInputElement>) => {
    if (event.target.files?.length) onFiles(event.target.files);
    event.target.value = '';
  };
  return (
    <div className="exchange-menu" ref={menu}>
      <button type="button" className="tool-button tool-button--icon" disabled={busy} aria-haspopup="menu" aria-expanded={open}
        onClick={() => setOpen((o) => !o)} aria-label="Open…"
        title="Open… a design, or AsyncAPI documents (files, a .zip or a folder) as a new design; you can also drop them anywhere on the app">
        <span aria-hidden="true">{busy ? '…' : '⇪'}</span>
      </button>
      {open && (
        <div className="exchange-menu__popover" role="menu" aria-label="Open">
          <button type="button" role="menuitem" className="exchange-menu__item" onClick={() => pick(files.current)}>
            Files or .zip…
            <span className="exchange-menu__hint">A design, or AsyncAPI files picked together (references between them resolve)</span>
          </button>
          <button type="button" role="menuitem" className="exchange-menu__item" onClick={() => pick(folder.current)}>
            Folder…
            <span className="exchange-menu__hint">Every AsyncAPI document in a folder and its subfolders, as one design</span>
          </button>
        </div>
      )}
      <input ref={files} type="file" multiple hidden aria-label="Design or AsyncAPI files to import" data-testid="exchange.open-input"
        accept={ACCEPT} onChange={onChange} />
      <input ref={folder} type="file" multiple hidden aria-label="Folder of AsyncAPI files to import" data-testid="exchange.open-folder-input" onChange={onChange} />
    </div>
  );
}
