import { useMemo } from 'react';
import type { FireRequest, FlowDocument, RunRecord, SettingsPatch } from '../../core';
import { useAppStore } from '../../state/store';
import { runEngine, yieldToBrowser } from './runEngine';

class StopRequested extends Error {}

/** Cancels the long action in progress (run until quiet) at its next batch boundary. */
let stopRequested = false;

/** Asks the long action in progress, if any, to stop at its next batch (e.g. when leaving run mode). */
export function requestStop(): void {
  stopRequested = true;
}

/** Micro-steps per IndexedDB transaction in long actions: large enough for throughput, small enough to paint between. */
export const BATCH_STEPS = 250;

/** Commands generated per transaction by "fire N". */
export const FIRE_CHUNK = 500;

/**
 * The user's verbs on a run. Each one goes to the engine (which writes IndexedDB); the panels
 * see the result through their live queries. Errors end up in a toast, never silently.
 */
export function useRunActions(runId: string) {
  return useMemo(() => {
    const store = useAppStore.getState;
    const fail = (error: unknown) => {
      if (error instanceof StopRequested) return;
      store().showToast(error instanceof Error ? error.message : String(error), 'error');
    };
    const guarded = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await work();
      } catch (error) {
        fail(error);
        return undefined;
      }
    };
    const long = async (label: string, total: number, work: (progress: (done: number) => Promise<void>) => Promise<unknown>) => {
      stopRequested = false;
      store().setSimBusy({ label, done: 0, total });
      try {
        await work(async (done) => {
          store().setSimBusy({ label, done, total });
          await yieldToBrowser();
          if (stopRequested) throw new StopRequested();
        });
      } catch (error) {
        fail(error);
      } finally {
        store().setSimBusy(null);
      }
    };
    return {
      fire: (request: FireRequest) => guarded(() => runEngine().fire(runId, request)),
      fireMany: (producerId: string, commandId: string, count: number) =>
        long(`Firing ${count.toLocaleString('en')} commands`, count, async (progress) => {
          // One transaction per chunk keeps each task short enough for the page to keep painting.
          for (let done = 0; done < count; done += FIRE_CHUNK) {
            await runEngine().fireMany(runId, { producerId, commandId, count: Math.min(FIRE_CHUNK, count - done) });
            await progress(Math.min(count, done + FIRE_CHUNK));
          }
        }),
      step: () => guarded(() => runEngine().step(runId)),
      /** Runs until quiet; asked again right after a `waiting` verdict, it waits the outage out. */
      runUntilQuiet: (run?: RunRecord) =>
        long('Running every pending step', 0, (progress) => {
          const again = run?.verdict?.kind === 'waiting' && run.verdict.step === run.step;
          return runEngine().runUntilQuiet(runId, {
            stepsPerTransaction: BATCH_STEPS, between: ({ steps }) => progress(steps), ...(again ? { maxWaitSteps: Number.POSITIVE_INFINITY } : {}),
          });
        }),
      stop() {
        stopRequested = true;
        store().setSimPlaying(false);
      },
      /** Starts the run afresh; with a design, from that design (after the design changed). */
      reset: (design?: FlowDocument, run?: RunRecord) =>
        guarded(async () => {
          store().clearSimView();
          return design && run ? runEngine().startRun(design, run.settings) : runEngine().reset(runId);
        }),
      updateSettings: (patch: SettingsPatch) => guarded(() => runEngine().updateSettings(runId, patch)),
      /** Compares the live projections with a rebuild from the event store; changes nothing. */
      compareWithRebuild: () =>
        guarded(async () => {
          const report = await runEngine().compareWithRebuild(runId);
          const events = `${report.position.toLocaleString('en')} event${report.position === 1 ? '' : 's'}`;
          const rows = report.differences.length === 1 ? '1 row differs' : `${report.differences.length.toLocaleString('en')} rows differ`;
          store().showToast(
            report.equal
              ? `A rebuild from ${events} is identical to the live projections.`
              : `A rebuild from ${events} differs from the live projections: ${rows} (nothing changed; Replace with the rebuild to keep it).`,
            report.equal ? 'info' : 'error',
          );
          return report;
        }),
      /** Replaces the live projections with the rebuild (the engine refuses unless the run is quiet). */
      replaceWithRebuild: () =>
        guarded(async () => {
          const report = await runEngine().replaceWithRebuild(runId);
          const rows = report.differences.length === 1 ? '1 row' : `${report.differences.length.toLocaleString('en')} rows`;
          store().showToast(report.equal ? 'The live projections already equal the rebuild: nothing replaced.' : `Replaced ${rows} with the rebuild from the event store.`, 'info');
          return report;
        }),
    };
  }, [runId]);
}

export type RunActions = ReturnType<typeof useRunActions>;
