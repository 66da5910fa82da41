import type { SliceCreator } from './sliceTypes';

/** The panels of the simulation workspace. */
export type SimulationTab =
  | 'outbox' | 'broker' | 'inbox' | 'projections' | 'events' | 'dead' | 'trace' | 'anomalies' | 'faults' | 'workload' | 'scenarios'
  | 'instances' | 'locks';

/**
 * View state of run mode: only what the user is looking at. The run itself (every table) lives in
 * IndexedDB; playing, busy and the play speed belong to the run session (src/session).
 */
export interface SimulationSlice {
  simTab: SimulationTab;
  /** The event followed through every table (its rows are highlighted everywhere). */
  simSelectedEventId: string | null;
  /** Show only the followed event's rows, instead of highlighting them. */
  simOnlySelectedEvent: boolean;
  /** Event-store position the projections are shown at; null = live. */
  simTimeTravelPosition: number | null;
  setSimTab(tab: SimulationTab): void;
  /** Follows an event through every table (null stops following). */
  selectSimEvent(eventId: string | null): void;
  setSimOnlySelectedEvent(only: boolean): void;
  setSimTimeTravelPosition(position: number | null): void;
  /** Forgets what was followed or travelled to (after a reset or a new design). */
  clearSimView(): void;
}

export const createSimulationSlice: SliceCreator<SimulationSlice> = (set) => ({
  simTab: 'outbox',
  simSelectedEventId: null,
  simOnlySelectedEvent: false,
  simTimeTravelPosition: null,
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
  clearSimView() {
    set({ simSelectedEventId: null, simOnlySelectedEvent: false, simTimeTravelPosition: null });
  },
});
