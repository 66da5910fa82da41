import type { AppAction, RunControls } from './types';

const inRun = ['run'] as const;
type Ctx = Parameters<AppAction['enabled']>[0];

/** This tab drives the run shown (no other tab does). */
const driving = (context: Ctx): context is Ctx & { run: RunControls } => context.run !== null && !context.run.watching;
/** The run workspace is shown, this tab drives the run, it is of this version of the design, and no long action runs. */
const idle = (context: Ctx): context is Ctx & { run: RunControls } => driving(context) && context.run.current && !context.run.busy;

/** Stepping through a run (the run toolbar's buttons are these actions). */
export const RUN_ACTIONS: readonly AppAction[] = [
  {
    id: 'run.step', label: 'Step the simulation', group: 'Run', shortcuts: ['S', '.'], modes: inRun,
    keywords: ['next', 'advance', 'micro-step'],
    description: 'Advance one micro-step',
    enabled: (context) => idle(context) && !context.run.playing,
    perform: ({ run }) => run?.step(),
  },
  {
    id: 'run.play', label: 'Play or pause the simulation', group: 'Run', shortcuts: ['Space'], modes: inRun,
    keywords: ['start', 'stop', 'continuous'],
    description: 'Step continuously at the chosen speed, or pause',
    noRepeat: true, claimsShortcut: true,
    enabled: idle,
    checked: ({ run }) => run?.playing ?? false,
    perform: ({ run }) => run?.togglePlay(),
  },
  {
    id: 'run.untilQuiet', label: 'Run until quiet', group: 'Run', modes: inRun,
    keywords: ['all', 'finish', 'drain'],
    description: 'Run every pending step until nothing is left to do',
    enabled: (context) => idle(context) && !context.run.playing && !context.run.quiet,
    perform: ({ run }) => run?.runUntilQuiet(),
  },
  {
    id: 'run.stop', label: 'Stop', group: 'Run', modes: inRun,
    keywords: ['cancel', 'abort'],
    description: 'Stop playing, or the long action, at its next batch',
    enabled: (context) => driving(context) && (context.run.busy || context.run.playing),
    perform: ({ run }) => run?.stop(),
  },
  {
    id: 'run.reset', label: 'Reset the run…', group: 'Run', modes: inRun,
    keywords: ['clear', 'empty', 'restart'],
    description: 'Empty every table and start the run again (same seed and settings); asks first',
    enabled: (context) => driving(context) && !context.run.busy,
    perform: ({ run }) => run?.reset(),
  },
];
