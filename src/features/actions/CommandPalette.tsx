import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { selectOverlay } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { ModalDialog } from '../dialogs/ModalDialog';
import { useActionHost } from './ActionHostContext';
import { shortcutLabels } from './platform';
import { actionsInMode, performAction } from './registry';
import { searchActions } from './search';
import type { AppAction } from './types';
import './actions.css';

/** Ctrl/⌘+K: find any action of this mode by name and run it, with the keyboard or the mouse. */
export function CommandPalette() {
  const open = useAppStore(selectOverlay) === 'palette';
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const host = useActionHost();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const context = host.context();
  const close = () => useAppStore.getState().setOverlay(null);

  // Enabled actions first (the first result always does something), each part in search order.
  const results = useMemo(() => {
    const found = searchActions(actionsInMode(context).filter((a) => !a.hiddenFromPalette), query);
    const enabled = found.filter((a) => a.enabled(context));
    return [...enabled.map((action) => ({ action, enabled: true })),
      ...found.filter((a) => !enabled.includes(a)).map((action) => ({ action, enabled: false }))];
    // The context is read afresh on each render; the query is what changes the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);
  const current = Math.min(active, Math.max(0, results.length - 1));

  const run = (action: AppAction) => {
    close();
    performAction(action, host.context());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      event.preventDefault();
      setActive(Math.max(0, Math.min(results.length - 1, to)));
    };
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'PageDown') move(current + 8);
    else if (event.key === 'PageUp') move(current - 8);
    else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[current];
      if (chosen?.enabled) run(chosen.action);
    }
  };

  return (
    <ModalDialog label="Command palette" onClose={close} className="command-palette">
      <input className="command-palette__search" role="combobox" aria-label="Search actions" aria-expanded="true"
        aria-controls={`${id}-list`} aria-autocomplete="list" aria-activedescendant={results.length > 0 ? `${id}-${current}` : undefined}
        placeholder="Type what you want to do…" value={query} autoFocus spellCheck={false}
        onChange={(event) => { setQuery(event.target.value); setActive(0); }} onKeyDown={onKeyDown} />
      <ul className="command-palette__list" role="listbox" id={`${id}-list`} aria-label="Actions">
        {results.map(({ action, enabled }, index) => (
          <li key={action.id} id={`${id}-${index}`} role="option" aria-selected={index === current} aria-disabled={!enabled}
            className={`command-palette__item${index === current ? ' is-active' : ''}${enabled ? '' : ' is-disabled'}`}
            title={action.description} onMouseMove={() => { if (index !== current) setActive(index); }}
            onClick={() => { if (enabled) run(action); }}>
            <span className="command-palette__label">{action.label}</span>
            <span className="command-palette__group">{enabled ? action.group : `${action.group} · not now`}</span>
            <span className="command-palette__keys">{shortcutLabels(action).map((key) => <kbd key={key}>{key}</kbd>)}</span>
          </li>
        ))}
        {results.length === 0 && <li className="command-palette__empty" role="presentation">No action matches “{query}”.</li>}
      </ul>
      <p className="command-palette__hint muted">↑ ↓ to choose · Enter to run · Esc to close</p>
    </ModalDialog>
  );
}
