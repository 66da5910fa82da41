import { ActionButton, ActionMenu } from '../actions';
import { DesignsMenu } from '../designs/DesignsMenu';
import { DesignNameInput } from './DesignNameInput';
import { ModeSwitch } from './ModeSwitch';
import { PanelButtons } from './PanelButtons';
import { SaveIndicator } from './SaveIndicator';
import { ToolbarActions } from './ToolbarActions';

/** What the toolbar's "More" menu lists (all of it also in the command palette). */
const MORE = ['edit.autoLayout', 'view.fit', 'designs.new', 'mode.design', 'mode.run', 'help.palette', 'help.shortcuts'] as const;

/**
 * The top bar: designs, name, history, layout, feature actions, panels and the Design | Run switch.
 * Its buttons are registry actions (src/features/actions). Below 1200 px Layout and Fit live in
 * the ⋯ menu only, the name box narrows, and the mode switch never shrinks (toolbar.css).
 */
export function Toolbar() {
  return (
    <header className="toolbar" role="toolbar" aria-label="Editor toolbar">
      <div className="toolbar__brand" title="Event Flow Designer">
        <span className="toolbar__logo" aria-hidden="true">◆</span>
      </div>
      <div className="toolbar__group toolbar__group--design">
        <DesignsMenu />
        <DesignNameInput />
        <SaveIndicator />
      </div>
      <div className="toolbar__group">
        <ActionButton action="edit.undo" className="tool-button tool-button--icon">↶</ActionButton>
        <ActionButton action="edit.redo" className="tool-button tool-button--icon">↷</ActionButton>
      </div>
      <div className="toolbar__group toolbar__wide-only">
        <ActionButton action="edit.autoLayout">⇶ Layout</ActionButton>
        <ActionButton action="view.fit">⤢ Fit</ActionButton>
      </div>
      <ToolbarActions />
      <div className="toolbar__spacer" />
      <PanelButtons />
      <div className="toolbar__group toolbar__group--end">
        <ActionButton action="help.shortcuts" className="tool-button tool-button--icon">?</ActionButton>
        <ActionMenu label="More actions" glyph="⋯" actions={MORE} />
        <ModeSwitch />
      </div>
    </header>
  );
}
