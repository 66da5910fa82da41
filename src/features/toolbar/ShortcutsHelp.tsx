import { Fragment, useEffect, useRef, useState } from 'react';
import { shortcutGroups } from './shortcutList';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}

/** The "?" toolbar button and the modal list of every keyboard shortcut; `?` opens it, Esc closes it. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button type="button" className="tool-button tool-button--icon" aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)" aria-haspopup="dialog" onClick={() => setOpen(true)}>?</button>
      <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}
        onClick={(event) => { if (event.target === event.currentTarget) setOpen(false); }}>
        <div className="shortcuts-dialog__head">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={() => setOpen(false)}>×</button>
        </div>
        <div className="shortcuts-dialog__groups">
          {shortcutGroups(isMac ? '⌘' : 'Ctrl').map((group) => (
            <section key={group.title} aria-label={group.title}>
              <h3>{group.title}</h3>
              <dl>
                {group.shortcuts.map((shortcut) => (
                  <Fragment key={shortcut.does}>
                    <dt>{shortcut.keys.map((key, i) => <Fragment key={key}>{i > 0 && <span className="muted"> or </span>}<kbd>{key}</kbd></Fragment>)}</dt>
                    <dd>{shortcut.does}</dd>
                  </Fragment>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </dialog>
    </>
  );
}
