/** One line of the keyboard-shortcuts help: the keys (alternatives) and what they do. */
export interface Shortcut {
  keys: readonly string[];
  does: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: readonly Shortcut[];
}

/**
 * Every keyboard and mouse shortcut of the app, grouped as the help dialog shows them.
 * `mod` is the platform's command key label ("Ctrl" or "⌘").
 */
export function shortcutGroups(mod: string): ShortcutGroup[] {
  return [
    {
      title: 'Design',
      shortcuts: [
        { keys: ['Delete', 'Backspace'], does: 'Delete the selection' },
        { keys: [`${mod}+Z`], does: 'Undo' },
        { keys: [`Shift+${mod}+Z`, 'Ctrl+Y'], does: 'Redo' },
        { keys: [`${mod}+C`], does: 'Copy the selected nodes' },
        { keys: [`${mod}+V`], does: 'Paste' },
        { keys: [`${mod}+A`], does: 'Select every node' },
        { keys: ['Esc'], does: 'Clear the selection' },
        { keys: ['Tab', 'Enter'], does: 'Focus, then select a node or connection' },
        { keys: ['Arrow keys'], does: 'Move the selected nodes' },
      ],
    },
    {
      title: 'Mouse',
      shortcuts: [
        { keys: ['Shift+click', `${mod}+click`], does: 'Add to the selection' },
        { keys: ['Shift+drag'], does: 'Select the nodes in a box' },
        { keys: ['Drag from a right handle'], does: 'Connect two nodes' },
        { keys: ['Drag the canvas'], does: 'Pan' },
        { keys: ['Wheel'], does: 'Zoom' },
      ],
    },
    {
      title: 'Run',
      shortcuts: [
        { keys: ['.', 'S'], does: 'Step the simulation' },
        { keys: ['Space'], does: 'Play or pause the simulation' },
      ],
    },
    {
      title: 'Help',
      shortcuts: [
        { keys: ['?'], does: 'Show this list' },
        { keys: ['Esc'], does: 'Close this list' },
      ],
    },
  ];
}
