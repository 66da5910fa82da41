import { lastTrace, readReport, readRun } from '../persistence/reads';
import { openSimulationEngine, simulationDb } from '../persistence/simulation';
import { useAppStore } from '../state/store';
import { broadcastDriveChannel, createRunDrive, type RunDrive } from './runDrive';
import { createRunSession } from './runSession';
import type { DesignSource, RunSession, Scheduler } from './types';

/** The browser's clock and timers. */
export const browserScheduler: Scheduler = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The design open in the editor (the app's store). */
const storeDesign: DesignSource = {
  get: () => useAppStore.getState().doc ?? undefined,
  subscribe: (listener) => useAppStore.subscribe((state, previous) => {
    if (state.doc !== previous.doc) listener();
  }),
};

/** This page's id in the run channels' messages. */
const tabId = typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
  ? crypto.randomUUID()
  : `${performance.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The run's drive over the browser's Web Locks and a BroadcastChannel; none (this tab always drives) where either is missing. */
function browserDrive(runId: string): RunDrive | undefined {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks || typeof BroadcastChannel === 'undefined') return undefined;
  const drive = createRunDrive({ runId, tabId, locks, channel: broadcastDriveChannel(runId) });
  // A closing tab lets go at once and says so: a watching tab drives by itself, no Take over needed
  // (the browser frees the lock anyway, but says nothing to the other tabs).
  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => drive.dispose(), { once: true });
  return drive;
}

/**
 * The run session of a design over the app's simulation database: what run mode opens (loaded
 * on first use, never on the first visit). `speed` carries the play speed over from the previous one.
 */
export function openRunSession(runId: string, options: { speed?: number } = {}): RunSession {
  const db = simulationDb();
  return createRunSession({
    runId,
    engine: openSimulationEngine(db),
    tables: db,
    reads: {
      lastTrace: (id) => lastTrace(db, id),
      report: (id) => readReport(db, id),
      runProblem: async (id) => {
        const checked = await readRun(db, id);
        return checked && !checked.ok ? checked.problem : undefined;
      },
    },
    design: storeDesign,
    drive: browserDrive(runId),
    scheduler: browserScheduler,
    ...options,
  });
}
