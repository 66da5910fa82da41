import { isRunStale, type FlowDocument, type ReportSummaryRecord, type RunRecord, type SimulationEngine, type TraceRecord } from '../core';
import { FIRE_CHUNK, playPlan, RUN_BATCH_STEPS } from './playPlan';
import { followDrive } from './followDrive';
import { guardWrites, NotDriving, type WritesInFlight } from './guardWrites';
import type { RunDrive } from './runDrive';
import { createStateCell } from './stateCell';
import { StopSignal, Stopped } from './stopSignal';
import type { DesignSource, LongActionContext, RunSession, RunSessionState, RunTables, Scheduler, SessionReads } from './types';

export interface RunSessionDeps {
  /** The run of this design (run id = design id). */
  runId: string;
  /** The engine (persistence/simulation's `openSimulationEngine`, or a test's). */
  engine: SimulationEngine;
  reads: SessionReads;
  /** The tables the panels' read models read (the engine's database). */
  tables: RunTables;
  design: DesignSource;
  scheduler: Scheduler;
  /** Initial play speed in micro-steps per second (default 5). */
  speed?: number;
  /** While playing or busy, listeners hear of changes at most this often (default 150 ms). */
  publishEveryMs?: number;
  /** The stop signal of each activity; a test hands in a broken one to prove the stop tests bite. */
  stopSignal?: () => StopSignal;
  /** Who drives the run (a Web Lock per run, shared by the tabs); without one, this session always drives. */
  drive?: RunDrive;
  /** Puts the lock check before every engine write; a test hands in one that checks nothing to prove the two-tab tests bite. */
  guardWrites?: (engine: SimulationEngine, holds: () => boolean) => SimulationEngine & WritesInFlight;
}

/** A check that, with its step, took at most this long is made with every step. */
const CHEAP_CHECK_MS = 16;
/** Else a step checks at most this often (and never more than a fifth of the time). */
const CHECK_GAP_MS = 400;

/** The message of anything thrown. */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Creates the run session of one design: the one owner of its run mode (see README.md). Plain
 * TypeScript: everything it needs is handed in, so tests drive it without React or a browser.
 */
export function createRunSession(deps: RunSessionDeps): RunSession {
  const { runId, reads, design, scheduler, drive } = deps;
  const engine = drive ? (deps.guardWrites ?? guardWrites)(deps.engine, () => drive.holds()) : deps.engine;
  const cell = createStateCell({
    runId, run: undefined, lastTrace: undefined, report: undefined, stale: false,
    speed: deps.speed ?? 5, playing: false, busy: null, stopping: false, error: null,
    drive: drive ? drive.state() : 'driving',
  }, () => scheduler.now(), deps.publishEveryMs ?? 150);

  /** The activity in progress (play or a long action) and its stop signal: the one mechanism. */
  let activity: { signal: StopSignal; done: Promise<void> } | undefined;
  let errors = 0;
  let disposed = false;
  let stopWatching = () => {};

  /** Whether a run is stale against a design; remembered for the last pair (the run's snapshot object stays while unchanged). */
  let lastStale: { flow: RunRecord['flow']; doc: FlowDocument; stale: boolean } | undefined;
  const staleOf = (run: RunRecord | undefined, doc: FlowDocument | undefined = design.get()) => {
    if (!run || !doc) return false;
    if (lastStale?.flow !== run.flow || lastStale.doc !== doc) lastStale = { flow: run.flow, doc, stale: isRunStale(run, doc) };
    return lastStale.stale;
  };
  const fail = (error: unknown): undefined => {
    // A write refused because another tab drives is what the banner says, not an error.
    if (error instanceof NotDriving && drive && !drive.holds()) return undefined;
    if (!(error instanceof Stopped) && !disposed) cell.set({ error: { message: messageOf(error), seq: ++errors } });
    return undefined;
  };
  /** A short engine call: its failure becomes the error state. */
  const guarded = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      return fail(error);
    }
  };

  /** The trace row at the run's step (read only when the step moved on). */
  const lastTraceFor = async (run: RunRecord, known?: TraceRecord): Promise<TraceRecord | undefined> => {
    if (known?.step === run.step) return known;
    const current = cell.current().lastTrace;
    if (current?.step === run.step) return current;
    if (run.step === 0) return undefined;
    const row = await reads.lastTrace(runId);
    return row?.step === run.step ? row : undefined;
  };
  /** Takes in a run row the engine returned (and the report it checked with it); paced while an activity writes many a second. */
  const showRun = async (run: RunRecord | undefined, options: { trace?: TraceRecord; paced?: boolean; report?: ReportSummaryRecord } = {}) => {
    if (disposed) return;
    if (options.paced && !cell.due()) {
      cell.setPaced({ run, stale: staleOf(run) });
      return;
    }
    const lastTrace = run ? await lastTraceFor(run, options.trace) : undefined;
    cell.set({ run, lastTrace, stale: staleOf(run), ...(options.report ? { report: options.report } : {}) });
  };

  /**
   * When the last check that went with a step was (`at`) and how long that step took with it. A
   * step checks the run in its own transaction (one transaction, and the view updates from its
   * result) while that is cheap, else at most once per max(CHECK_GAP_MS, 5 × its cost): the check
   * reads every row of the run, so on a long run the UI's own refresh (a read on its own) takes over.
   */
  let lastCheck = { at: Number.NEGATIVE_INFINITY, took: 0 };
  const checkDue = (now: number) =>
    (!drive || drive.holds()) && (lastCheck.took <= CHEAP_CHECK_MS || now - lastCheck.at >= Math.max(CHECK_GAP_MS, 5 * lastCheck.took));
  /** One micro-step, with the report checked in its transaction when due; shown from its own result. */
  const stepAndShow = async (): Promise<TraceRecord | undefined> => {
    const started = scheduler.now();
    const check = checkDue(started);
    const { trace, run, report } = await engine.stepWithRun(runId, check ? { report: {} } : undefined);
    if (report) lastCheck = { at: scheduler.now(), took: scheduler.now() - started };
    await showRun(run, { trace, ...(report ? { report: report.summary } : {}) });
    return trace;
  };
  const reloadRun = async (trace?: TraceRecord) => showRun(await engine.getRun(runId), { trace });
  const unsubscribeDesign = design.subscribe(() => {
    const stale = staleOf(cell.current().run);
    if (stale !== cell.current().stale) cell.set({ stale });
  });

  /** Runs `work` as the session's one activity; refused (false) while another runs. */
  const begin = (patch: Partial<RunSessionState>, work: (signal: StopSignal) => Promise<void>): Promise<void> | undefined => {
    if (activity || disposed) return undefined;
    const signal = deps.stopSignal?.() ?? new StopSignal();
    cell.set({ ...patch, stopping: false });
    const done = (async () => {
      try {
        await work(signal);
      } catch (error) {
        fail(error);
      } finally {
        activity = undefined;
        if (!disposed) {
          cell.set({ playing: false, busy: null, stopping: false });
          await guarded(() => reloadRun());
        }
      }
    })();
    activity = { signal, done };
    return done;
  };

  const long = (label: string, total: number, work: (context: LongActionContext) => Promise<unknown>) =>
    begin({ busy: { label, done: 0, total } }, async (signal) => {
      await work({
        engine, runId,
        progress: async (done, run, trace) => {
          cell.setPaced({ busy: { label, done, total } });
          if (run) await showRun(run, { paced: true, trace });
          await scheduler.sleep(0);
          signal.check();
        },
      });
    }) ?? refused(label);
  /** A long action asked while another activity runs: said, not silently dropped. */
  const refused = async (label: string) => {
    fail(new Error(`${label} waits: ${cell.current().playing ? 'play' : 'another action'} is running (stop it first).`));
  };

  const playLoop = async (signal: StopSignal) => {
    const initial = playPlan(cell.current().speed);
    if (initial.steps === 1) {
      while (!signal.stopped) {
        const started = scheduler.now();
        if (!(await stepAndShow())) return;
        const { intervalMs, steps } = playPlan(cell.current().speed);
        if (steps !== 1) return playBatched(signal);
        await signal.sleepUnlessStopped(scheduler.sleep(Math.max(0, intervalMs - (scheduler.now() - started))));
      }
      return;
    }
    await playBatched(signal);
  };
  /** Fast play: one batched run whose batches are paced to the speed (the engine keeps its in-memory copy between them). */
  const playBatched = async (signal: StopSignal) => {
    let tick = scheduler.now();
    const { steps } = playPlan(cell.current().speed);
    try {
      await engine.runUntilQuiet(runId, {
        stepsPerTransaction: steps,
        between: async ({ run, trace }) => {
          await showRun(run, { paced: true, trace });
          const { intervalMs } = playPlan(cell.current().speed);
          await signal.sleepUnlessStopped(scheduler.sleep(Math.max(0, intervalMs - (scheduler.now() - tick))));
          tick = scheduler.now();
          signal.check();
        },
      });
    } catch (error) {
      if (!(error instanceof Stopped)) throw error;
    }
  };

  const session: RunSession = {
    runId,
    tables: deps.tables,
    getState: () => cell.get(),
    subscribe: (listener) => cell.subscribe(listener),
    open: () => guarded(async () => {
      // The drive first: a damaged run is reset (its rows deleted) by the tab that drives it.
      if (drive) await drive.start();
      const problem = await reads.runProblem?.(runId);
      if (problem !== undefined) {
        cell.set({ damaged: problem });
        return undefined;
      }
      let run = await engine.getRun(runId);
      // Another tab drives and has not started the run yet: its first write tells this one.
      if (!run && drive && !drive.holds()) return undefined;
      if (!run) {
        const doc = design.get();
        if (!doc || doc.id !== runId) throw new Error(`no design "${runId}" to start a run of`);
        run = await engine.startRun(doc);
      }
      const report = await reads.report(runId);
      cell.set({ report });
      await showRun(run);
      return run;
    }),
    fire: (request) => guarded(async () => {
      const command = await engine.fire(runId, request);
      await reloadRun();
      return command;
    }),
    fireMany: (producerId, commandId, count) =>
      long(`Firing ${count.toLocaleString('en')} commands`, count, async ({ progress }) => {
        // One transaction per chunk keeps each task short enough for the page to keep painting.
        for (let done = 0; done < count; done += FIRE_CHUNK) {
          await engine.fireMany(runId, { producerId, commandId, count: Math.min(FIRE_CHUNK, count - done) });
          await progress(Math.min(count, done + FIRE_CHUNK));
        }
      }),
    step: () => {
      if (activity) return Promise.resolve(undefined);
      return guarded(async () => {
        // The step's own result (trace row, run row and report as written) is what the view shows: no re-read.
        return stepAndShow();
      });
    },
    runUntilQuiet: () => {
      const run = cell.current().run;
      const again = run?.verdict?.kind === 'waiting' && run.verdict.step === run.step;
      return long('Running every pending step', 0, ({ progress }) =>
        engine.runUntilQuiet(runId, {
          stepsPerTransaction: RUN_BATCH_STEPS,
          // The page paints a batch while the next one is written; the view takes the batch's own last step (no read).
          overlap: true,
          between: ({ steps, run: current, trace }) => progress(steps, current, trace),
          ...(again ? { maxWaitSteps: Number.POSITIVE_INFINITY } : {}),
        }));
    },
    play() {
      void begin({ playing: true }, playLoop);
    },
    togglePlay() {
      if (cell.current().playing) session.stop();
      else if (!activity) session.play();
    },
    stop() {
      if (!activity || activity.signal.stopped) return;
      activity.signal.stop();
      cell.set({ stopping: true });
    },
    setSpeed(speed) {
      if (Number.isFinite(speed) && speed > 0) cell.set({ speed });
    },
    reset: async () => {
      session.stop();
      await session.whenIdle();
      if (cell.current().damaged !== undefined) {
        // A damaged run cannot be read to be reset: its rows go, and a new run starts from the design.
        await guarded(() => engine.deleteRun(runId));
        cell.set({ damaged: undefined, run: undefined, lastTrace: undefined, report: undefined });
        return session.open();
      }
      return guarded(async () => {
        const { run } = cell.current();
        const doc = design.get();
        const next = run && doc && doc.id === runId && staleOf(run, doc) ? await engine.startRun(doc, run.settings) : await engine.reset(runId);
        cell.set({ report: await reads.report(runId) });
        await showRun(next);
        return next;
      });
    },
    updateSettings: (patch) => guarded(async () => {
      const run = await engine.updateSettings(runId, patch);
      await showRun(run);
      return run;
    }),
    checkReport: async () => {
      if (drive && !drive.holds()) return;
      await guarded(async () => {
        // The summary the check stored is the one it returns: nothing is read again.
        const { summary } = await engine.reportWithSummary(runId);
        if (!disposed) cell.set({ report: summary });
      });
    },
    previewPayload: (producerId, commandId) => guarded(() => engine.previewPayload(runId, producerId, commandId)),
    projectionsAt: (position) => guarded(() => engine.projectionsAt(runId, position)),
    compareWithRebuild: () => guarded(() => engine.compareWithRebuild(runId)),
    replaceWithRebuild: () => guarded(async () => {
      const report = await engine.replaceWithRebuild(runId);
      await reloadRun();
      return report;
    }),
    longAction: (label, total, work) => long(label, total, work),
    write: (work) => guarded(async () => {
      const result = await work(engine, runId);
      await reloadRun();
      return result;
    }),
    whenIdle: async () => {
      while (activity) await activity.done;
    },
    takeOver: async () => {
      if (!drive) return true;
      const driving = await drive.takeOver();
      if (driving) await refresh();
      return driving;
    },
    dispose() {
      session.stop();
      disposed = true;
      unsubscribeDesign();
      stopWatching();
      drive?.dispose();
    },
  };
  const following = drive && followDrive({
    drive, session, cell, engine,
    reread: () => guarded(async () => {
      const run = await engine.getRun(runId);
      if (disposed) return;
      cell.set({ report: await reads.report(runId) });
      await showRun(run);
    }),
  });
  const refresh = following?.reread ?? (async () => {});
  stopWatching = following?.stop ?? (() => {});
  return session;
}
