import type { NodeKind } from '../../core';
import type { AppState } from '../../state/store';
import type { EditorMode } from '../../state/uiSlice';

/** How the palette and the shortcuts help group the actions. */
export type ActionGroup = 'Edit' | 'Add' | 'View' | 'Designs' | 'Run' | 'Help';

/** What the canvas can do for an action (React Flow lives behind this). */
export interface CanvasCommands {
  fitView(): void;
  autoLayout(): void;
  /** Adds a node of a kind in the middle of the view, selected. */
  addNodeAtCenter(kind: NodeKind): void;
}

/**
 * What the run workspace offers while it is shown (run mode with a run of the open design): the
 * run session's verbs and whether it plays or is busy (src/session, the one owner of run mode).
 */
export interface RunControls {
  /** False while the run belongs to another version of the design (the stale-run banner shows). */
  readonly current: boolean;
  /** Nothing is left to do. */
  readonly quiet: boolean;
  /** Play is stepping at the chosen speed. */
  readonly playing: boolean;
  /** A long action (fire N, run until quiet) is in progress. */
  readonly busy: boolean;
  /** Another tab drives the run (this one watches it): nothing here may change it. */
  readonly watching?: boolean;
  step(): void;
  togglePlay(): void;
  runUntilQuiet(): void;
  stop(): void;
  /** Asks for confirmation (what is lost), then empties the run. */
  reset(): void;
}

/** Everything an action may read or use. `state` is the store at the moment of the call. */
export interface ActionContext {
  state: AppState;
  canvas: CanvasCommands;
  run: RunControls | null;
}

/**
 * One user action, as data: the toolbar, the keyboard, the shortcuts help and the command palette
 * all read the same object (src/features/actions/registry.ts).
 */
export interface AppAction {
  /** Stable id, e.g. "edit.undo". */
  id: string;
  /** What it does, in a few words; the accessible name of its buttons and its palette entry. */
  label: string;
  group: ActionGroup;
  /** A longer explanation, shown as tooltip. */
  description?: string;
  /** Key chords ("Mod+Z", "Shift+Mod+Z", "Delete", "?", "Space"); the first is the one shown first. */
  shortcuts?: readonly string[];
  /** Extra words the palette finds it by. */
  keywords?: readonly string[];
  /** The modes in which it exists (its shortcut works and the palette lists it). */
  modes: readonly EditorMode[];
  /** Whether it can run now. */
  enabled(context: ActionContext): boolean;
  /** For toggles (Play, the side panel tabs): whether it is on now. */
  checked?(context: ActionContext): boolean;
  perform(context: ActionContext): void;
  /** Its shortcut also works while typing in a field (the command palette). */
  whileTyping?: boolean;
  /** Holding the key does not repeat it (Play/Pause). */
  noRepeat?: boolean;
  /** Its shortcut is claimed even when the action is disabled (Space never scrolls or clicks in run mode). */
  claimsShortcut?: boolean;
  /** Not listed in the command palette (e.g. the palette itself). */
  hiddenFromPalette?: boolean;
}
