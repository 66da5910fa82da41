import { allNodes } from '../../core';
import type { AppAction } from './types';

const inDesign = ['design'] as const;
const hasSelection = ({ state }: { state: { selectedNodeIds: string[]; selectedEdgeIds: string[] } }) =>
  state.selectedNodeIds.length > 0 || state.selectedEdgeIds.length > 0;

/** Editing the design: history, selection, clipboard, layout. */
export const EDIT_ACTIONS: readonly AppAction[] = [
  {
    id: 'edit.undo', label: 'Undo', group: 'Edit', shortcuts: ['Mod+Z'], modes: inDesign,
    description: 'Undo the last edit',
    enabled: ({ state }) => state.history.past.length > 0,
    perform: ({ state }) => state.undo(),
  },
  {
    id: 'edit.redo', label: 'Redo', group: 'Edit', shortcuts: ['Shift+Mod+Z', 'Mod+Y'], modes: inDesign,
    description: 'Redo the last undone edit',
    enabled: ({ state }) => state.history.future.length > 0,
    perform: ({ state }) => state.redo(),
  },
  {
    id: 'edit.delete', label: 'Delete the selection', group: 'Edit', shortcuts: ['Delete', 'Backspace'], modes: inDesign,
    keywords: ['remove'],
    description: 'Delete the selected nodes (with their connections) or connections; says first what else goes',
    enabled: hasSelection,
    perform: ({ state }) => state.requestDeleteSelection(),
  },
  {
    id: 'edit.copy', label: 'Copy the selected nodes', group: 'Edit', shortcuts: ['Mod+C'], modes: inDesign,
    enabled: ({ state }) => state.selectedNodeIds.length > 0,
    perform: ({ state }) => state.copySelection(),
  },
  {
    id: 'edit.paste', label: 'Paste', group: 'Edit', shortcuts: ['Mod+V'], modes: inDesign,
    description: 'Paste the copied nodes next to where they were copied',
    enabled: ({ state }) => state.clipboard !== null,
    perform: ({ state }) => state.paste(),
  },
  {
    id: 'edit.selectAll', label: 'Select every node', group: 'Edit', shortcuts: ['Mod+A'], modes: inDesign,
    enabled: ({ state }) => state.doc !== null && allNodes(state.doc).length > 0,
    perform: ({ state }) => state.selectAll(),
  },
  {
    id: 'edit.clearSelection', label: 'Clear the selection', group: 'Edit', shortcuts: ['Escape'], modes: inDesign,
    keywords: ['deselect'],
    enabled: hasSelection,
    perform: ({ state }) => state.clearSelection(),
  },
  {
    id: 'edit.autoLayout', label: 'Auto-layout', group: 'Edit', modes: inDesign,
    keywords: ['arrange', 'layout', 'tidy'],
    description: 'Arrange all nodes left to right (undoable)',
    enabled: ({ state }) => state.doc !== null && allNodes(state.doc).length > 0,
    perform: ({ canvas }) => canvas.autoLayout(),
  },
];
