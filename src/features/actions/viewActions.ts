import type { NodeKind } from '../../core';
import { selectSidePanelVisible } from '../../state/selectors';
import type { AppState } from '../../state/store';
import type { AppAction } from './types';

const both = ['design', 'run'] as const;

/** Whether the side panel shows this tab now; a click on its button then closes the panel. */
const showing = (state: AppState, tab: AppState['sidePanel']) => selectSidePanelVisible(state) && state.sidePanel === tab;
const toggle = (state: AppState, tab: AppState['sidePanel']) => (showing(state, tab) ? state.setPanelPinned(false) : state.setSidePanel(tab));

const ADDABLE: { kind: NodeKind; label: string; keywords: string[] }[] = [
  { kind: 'producer', label: 'Add a producer', keywords: ['service', 'command', 'aggregate', 'new node'] },
  { kind: 'event', label: 'Add an event type', keywords: ['message', 'schema', 'new node'] },
  { kind: 'consumer', label: 'Add a consumer', keywords: ['handler', 'subscriber', 'service', 'new node'] },
  { kind: 'projection', label: 'Add a projection', keywords: ['read model', 'table', 'view', 'new node'] },
];

/** Adding nodes (the palette on the left shows the same actions). */
export const ADD_ACTIONS: readonly AppAction[] = ADDABLE.map(({ kind, label, keywords }) => ({
  id: `add.${kind}`, label, group: 'Add', modes: ['design'], keywords,
  description: `${label} in the middle of the view (or drag it from the palette onto the canvas)`,
  enabled: ({ state }) => state.doc !== null,
  perform: ({ canvas }) => canvas.addNodeAtCenter(kind),
}));

/** The view: fit, side panel, the Design | Run switch. */
export const VIEW_ACTIONS: readonly AppAction[] = [
  {
    id: 'view.fit', label: 'Fit view', group: 'View', shortcuts: ['Shift+F'], modes: both,
    keywords: ['zoom', 'center'],
    description: 'Fit the whole design into view',
    enabled: ({ state }) => state.doc !== null,
    perform: ({ canvas }) => canvas.fitView(),
  },
  {
    id: 'view.problems', label: 'Show problems', group: 'View', modes: both,
    keywords: ['validation', 'errors', 'warnings'],
    description: 'Show what the validator found in this design',
    enabled: ({ state }) => state.doc !== null,
    checked: ({ state }) => showing(state, 'problems'),
    perform: ({ state }) => toggle(state, 'problems'),
  },
  {
    id: 'view.inspector', label: 'Inspector', group: 'View', modes: both,
    keywords: ['details', 'properties', 'side panel'],
    description: 'Show the inspector (the selected node, or the design\'s details)',
    enabled: ({ state }) => state.doc !== null,
    checked: ({ state }) => showing(state, 'inspector'),
    perform: ({ state }) => toggle(state, 'inspector'),
  },
  {
    id: 'mode.design', label: 'Switch to Design mode', group: 'View', modes: ['run'],
    keywords: ['edit', 'mode'],
    description: 'Edit the design',
    enabled: () => true,
    perform: ({ state }) => state.setMode('design'),
  },
  {
    id: 'mode.run', label: 'Switch to Run mode', group: 'View', modes: ['design'],
    keywords: ['simulate', 'simulation', 'mode'],
    description: 'Run the design as a simulation',
    enabled: ({ state }) => state.doc !== null,
    perform: ({ state }) => state.setMode('run'),
  },
];

/** Designs: the list is in the ☰ Designs menu; creating one is also an action. */
export const DESIGN_ACTIONS: readonly AppAction[] = [
  {
    id: 'designs.new', label: 'New design', group: 'Designs', modes: both,
    keywords: ['create', 'empty'],
    description: 'Create a new, empty design and open it (the current one is kept)',
    enabled: ({ state }) => state.designsReady,
    perform: ({ state }) => {
      state.setMode('design');
      void state.createDesign();
    },
  },
];

/** Help: the shortcuts list and the command palette. */
export const HELP_ACTIONS: readonly AppAction[] = [
  {
    id: 'help.shortcuts', label: 'Keyboard shortcuts', group: 'Help', shortcuts: ['?'], modes: both,
    keywords: ['keys', 'help'],
    description: 'List every keyboard shortcut',
    enabled: () => true,
    perform: ({ state }) => state.setOverlay('shortcuts'),
  },
  {
    id: 'help.palette', label: 'Command palette', group: 'Help', shortcuts: ['Mod+K'], modes: both,
    description: 'Find and run any action by name',
    whileTyping: true, hiddenFromPalette: true,
    enabled: () => true,
    perform: ({ state }) => state.setOverlay(state.overlay === 'palette' ? null : 'palette'),
  },
];
