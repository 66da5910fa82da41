import { useMenu } from '../toolbar/useMenu';
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
  const { open, setOpen, menu, button, onKeyDown } = useMenu();
  const mode = useAppStore((s) => s.mode);

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
