import type { SliceCreator } from './sliceTypes';

/** The panels of the simulation workspace. */
export type SimulationTab =
  | 'outbox' | 'broker' | 'inbox' | 'projections' | 'events' | 'dead' | 'trace' | 'anomalies' | 'faults' | 'workload' | 'scenarios';

/** A long action (fire N, run until quiet, play) in progress, with how far it got. */
export interface SimulationBusy {
  label: string;
  done: number;
  total: number;
}

/**
 * View state of run mode. The run itself (every table) lives in IndexedDB and is read live; this
 * slice only holds what the user is looking at and whether the run loop is going.
 */
export interface SimulationSlice {
  simTab: SimulationTab;
  /** The event followed through every table (its rows are highlighted everywhere). */
  simSelectedEventId: string | null;
  /** Show only the followed event's rows, instead of highlighting them. */
  simOnlySelectedEvent: boolean;
  /** Event-store position the projections are shown at; null = live. */
  simTimeTravelPosition: number | null;
  simPlaying: boolean;
  /** Micro-steps per second while playing. */
  simSpeed: number;
  simBusy: SimulationBusy | null;
  setSimTab(tab: SimulationTab): void;
  /** Follows an event through every table (null stops following). */
  selectSimEvent(eventId: string | null): void;
  setSimOnlySelectedEvent(only: boolean): void;
  setSimTimeTravelPosition(position: number | null): void;
  setSimPlaying(playing: boolean): void;
  setSimSpeed(speed: number): void;
  setSimBusy(busy: SimulationBusy | null): void;
  /** Forgets what was followed or travelled to (after a reset or a new design). */
  clearSimView(): void;
}

export const SIM_SPEEDS = [1, 2, 5, 10, 25, 100, 500] as const;

export const createSimulationSlice: SliceCreator<SimulationSlice> = (set) => ({
  simTab: 'outbox',
  simSelectedEventId: null,
  simOnlySelectedEvent: false,
  simTimeTravelPosition: null,
  simPlaying: false,
  simSpeed: 5,
  simBusy: null,
  setSimTab(simTab) {
    set({ simTab });
  },
  selectSimEvent(simSelectedEventId) {
    set(simSelectedEventId === null ? { simSelectedEventId, simOnlySelectedEvent: false } : { simSelectedEventId });
  },
  setSimOnlySelectedEvent(simOnlySelectedEvent) {
    set({ simOnlySelectedEvent });
  },
  setSimTimeTravelPosition(simTimeTravelPosition) {
    set({ simTimeTravelPosition });
  },
  setSimPlaying(simPlaying) {
    set({ simPlaying });
  },
  setSimSpeed(simSpeed) {
    set({ simSpeed });
  },
  setSimBusy(simBusy) {
    set({ simBusy });
  },
  clearSimView() {
    set({ simSelectedEventId: null, simOnlySelectedEvent: false, simTimeTravelPosition: null, simPlaying: false });
  },
});
