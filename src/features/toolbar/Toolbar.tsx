import { useReactFlow } from '@xyflow/react';
import { useAutoLayout } from '../../canvas/useAutoLayout';
import { fitViewOptionsFor } from '../../canvas/fitViewOptions';
import { useAppStore } from '../../state/store';
import { selectCanRedo, selectCanUndo, selectMode } from '../../state/selectors';
import { DesignsMenu } from '../designs/DesignsMenu';
import { DesignNameInput } from './DesignNameInput';
import { ModeSwitch } from './ModeSwitch';
import { PanelButtons } from './PanelButtons';
import { SaveIndicator } from './SaveIndicator';
import { ShortcutsHelp } from './ShortcutsHelp';
import { ToolbarActions } from './ToolbarActions';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

/** The top bar: designs, name, history, layout, feature actions and the Design | Run switch. */
export function Toolbar() {
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  const mode = useAppStore(selectMode);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const autoLayout = useAutoLayout();
  const { fitView } = useReactFlow();
  const editing = mode === 'design';
  return (
    <header className="toolbar" role="toolbar" aria-label="Editor toolbar">
      <div className="toolbar__brand" title="Event Flow Designer">
        <span className="toolbar__logo" aria-hidden="true">◆</span>
      </div>
      <div className="toolbar__group">
        <DesignsMenu />
        <DesignNameInput />
        <SaveIndicator />
      </div>
      <div className="toolbar__group">
        <button type="button" className="tool-button tool-button--icon" onClick={undo} disabled={!canUndo || !editing}
          aria-label="Undo" title={`Undo (${MOD}Z)`}>↶</button>
        <button type="button" className="tool-button tool-button--icon" onClick={redo} disabled={!canRedo || !editing}
          aria-label="Redo" title={`Redo (${isMac ? '⇧⌘Z' : 'Ctrl+Y or Shift+Ctrl+Z'})`}>↷</button>
      </div>
      <div className="toolbar__group">
        <button type="button" className="tool-button" onClick={() => void autoLayout()} disabled={!editing}
          aria-label="Auto-layout" title="Arrange all nodes left to right (undoable)">⇶ Layout</button>
        <button type="button" className="tool-button" onClick={() => void fitView({ ...fitViewOptionsFor(mode), duration: 300 })}
          aria-label="Fit view" title="Fit the whole design into view">⤢ Fit</button>
      </div>
      <ToolbarActions />
      <div className="toolbar__spacer" />
      <PanelButtons />
      <ShortcutsHelp />
      <ModeSwitch />
    </header>
  );
}
