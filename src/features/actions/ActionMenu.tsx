import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../state/store';
import { useActionHost } from './ActionHostContext';
import { shortcutLabels } from './platform';
import { getAction, performAction } from './registry';

interface Props {
  /** The button's accessible name and tooltip. */
  label: string;
  /** What the button shows. */
  glyph: string;
  /** Registry ids, in menu order; those that do not exist in the current mode are left out. */
  actions: readonly string[];
}

/** A toolbar menu of registry actions (the toolbar's "More" menu): arrows move, Enter runs, Esc closes. */
export function ActionMenu({ label, glyph, actions }: Props) {
  const host = useActionHost();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const mode = useAppStore((s) => s.mode);

  useEffect(() => {
    if (!open) return undefined;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1
      : (index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
    items[next]?.focus();
  };

  const context = host.context();
  const shown = actions.map(getAction).filter((action) => action.modes.includes(mode));
  return (
    <div className="action-menu">
      <button ref={button} type="button" className="tool-button tool-button--icon" aria-haspopup="menu" aria-expanded={open}
        aria-label={label} title={label} onClick={() => setOpen((v) => !v)}>{glyph}</button>
      {open && (
        <div ref={menu} className="action-menu__popover" role="menu" aria-label={label} onKeyDown={onKeyDown}>
          {shown.map((action) => (
            <button key={action.id} type="button" role="menuitem" className="action-menu__item" title={action.description}
              disabled={!action.enabled(context)}
              onClick={() => { setOpen(false); performAction(action, host.context()); }}>
              <span>{action.label}</span>
              <span className="action-menu__keys">{shortcutLabels(action).slice(0, 1).map((key) => <kbd key={key}>{key}</kbd>)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
