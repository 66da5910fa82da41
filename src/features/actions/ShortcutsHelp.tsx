import { Fragment } from 'react';
import { selectOverlay } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { ModalDialog } from '../dialogs/ModalDialog';
import { isMac, shortcutLabels } from './platform';
import { ACTIONS } from './registry';
import type { ActionGroup } from './types';
import './actions.css';

interface Line {
  keys: readonly string[];
  does: string;
}

const GROUP_ORDER: readonly ActionGroup[] = ['Edit', 'View', 'Run', 'Help'];
const MOD = isMac ? '⌘' : 'Ctrl';

/** What is not an action of the registry: React Flow's own keys and the mouse. */
const CANVAS_LINES: readonly Line[] = [
  { keys: ['Tab', 'Enter'], does: 'Focus, then select a node or connection' },
  { keys: ['Arrow keys'], does: 'Move the selected nodes' },
];
const MOUSE_LINES: readonly Line[] = [
  { keys: ['Shift+click', `${MOD}+click`], does: 'Add to the selection' },
  { keys: ['Shift+drag'], does: 'Select the nodes in a box' },
  { keys: ['Drag from a right handle'], does: 'Connect two nodes' },
  { keys: ['Drag the canvas'], does: 'Pan' },
  { keys: ['Wheel'], does: 'Zoom' },
];

/** Every action with a shortcut, by group, from the registry; then the canvas keys and the mouse. */
function shortcutSections(): { title: string; lines: readonly Line[] }[] {
  const sections = GROUP_ORDER.map((group): { title: string; lines: readonly Line[] } => ({
    title: group,
    lines: ACTIONS.filter((a) => a.group === group && (a.shortcuts?.length ?? 0) > 0)
      .map((a) => ({ keys: shortcutLabels(a), does: a.label })),
  }));
  const edit = sections.find((s) => s.title === 'Edit');
  if (edit) edit.lines = [...edit.lines, ...CANVAS_LINES];
  return [...sections.filter((s) => s.lines.length > 0), { title: 'Mouse', lines: MOUSE_LINES }];
}

/** The list of every keyboard shortcut (`?` or the toolbar's ? button); Esc closes it. */
export function ShortcutsHelp() {
  const open = useAppStore(selectOverlay) === 'shortcuts';
  if (!open) return null;
  const close = () => useAppStore.getState().setOverlay(null);
  return (
    <ModalDialog labelledBy="shortcuts-title" onClose={close} className="shortcuts-dialog">
      <div className="shortcuts-dialog__head">
        <h2 id="shortcuts-title" className="modal-dialog__title">Keyboard shortcuts</h2>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={close}>×</button>
      </div>
      <div className="shortcuts-dialog__groups">
        {shortcutSections().map((section) => (
          <section key={section.title} aria-label={section.title}>
            <h3>{section.title}</h3>
            <dl>
              {section.lines.map((line) => (
                <Fragment key={line.does}>
                  <dt>{line.keys.map((key, i) => <Fragment key={key}>{i > 0 && <span className="muted"> or </span>}<kbd>{key}</kbd></Fragment>)}</dt>
                  <dd>{line.does}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
