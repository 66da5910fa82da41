import type { FlowDocument } from '../model';
import { advance } from './advance';
import { runBatched, type BatchProgress, type BatchResult } from './batchRunner';
import type { AnomalyKind, CheckInput, CheckReport } from './checker';
import { fireAll, knownAggregates, nextCommand, type FireManyRequest, type FireRequest } from './fireCommands';
import { indexFlow, type FlowIndex } from './flowIndex';
import { NO_MUTANTS, type EngineMutants } from './mutants';
import { emptyStats, initialProcesses } from './processes';
import { compareWithRebuild, projectionsAt, replaceWithRebuild, type ProjectionsAt, type RebuildReport } from './projectionHistory';
import { replayProjections, type ProjectionState } from './replay';
import { upcastEvents, type UpcastReport } from '../evolution/replayEvents';
import { TABLE_NAMES, type CommandRecord, type DeadLetterRecord, type Payload, type ReportSummaryRecord, type RunRecord, type TableName, type TraceRecord } from './records';
import { killInstanceNow } from './instanceControls';
import { Rng } from './rng';
import { copyCache, RunCopy, StaleCopy } from './runCopy';
import { redeliverDeadLetter } from './steps/broker';
import { checkAndStore, checkAndStoreIn, readCheckInput } from './runReport';
import { defaultRunSettings, mergeSettings, type SettingsPatch } from './settings';
import type { SimulationStore, StoreTx } from './store';

export type { BatchProgress, BatchResult } from './batchRunner';
export type { FireRequest, FireManyRequest, WorkloadShare } from './fireCommands';
export type { ProjectionsAt, RebuildReport } from './projectionHistory';

export interface BatchOptions {
  /** Micro-steps per IndexedDB transaction (default 250), computed in memory and written at once. */
  stepsPerTransaction?: number;
  /** Called after each transaction (e.g. to let the UI paint, or to stop by throwing). */
  between?: (progress: BatchProgress) => Promise<void> | void;
  /** Stop with a `waiting` verdict when only waiting is left for longer than this (default 2,000 steps). */
  maxWaitSteps?: number;
  /**
   * Run `between` while the next transaction is written (a UI paints while IndexedDB commits). A stop
   * thrown there aborts that transaction unless it committed already: the run stops at a batch
   * boundary either way, nothing half-written.
   */
  overlap?: boolean;
}

export interface RunUntilQuietOptions extends BatchOptions {
  /** Stop after this many micro-steps even if not quiet (default 1,000,000). */
  maxSteps?: number;
}

export interface EngineOptions {
  /** Deliberate bugs for mutation tests only (see mutants.ts). */
  mutants?: EngineMutants;
}

/**
 * The simulation engine's API. Every method is one or more store transactions; methods that take a
 * `runId` (the design id) throw `no simulation run for design "<id>"` when there is none.
 */
export interface SimulationEngine {
  /** Starts (or restarts, clearing every table) the run of a design, with a snapshot of `flow`. */
  startRun(flow: FlowDocument, settings?: SettingsPatch): Promise<RunRecord>;
  /** The run row (settings, counters, step, position, quiet), or undefined. */
  getRun(runId: string): Promise<RunRecord | undefined>;
  /** Changes faults/patterns/thresholds from the next step on; a different seed restarts the run. */
  updateSettings(runId: string, patch: SettingsPatch): Promise<RunRecord>;
  /** Restarts the run with its own flow snapshot and settings: empty tables, step 0. */
  reset(runId: string): Promise<RunRecord>;
  /** Deletes the run and all its rows. */
  deleteRun(runId: string): Promise<void>;
  /** The payload `fire` would generate next for this command (changes nothing). Throws on an unknown command. */
  previewPayload(runId: string, producerId: string, commandId: string): Promise<Payload>;
  /** Queues a command (pending until its producer takes it). Throws on an unknown command. */
  fire(runId: string, request: FireRequest): Promise<CommandRecord>;
  /** Queues `count` commands in one transaction (linear in `count`). Throws when the design has no matching command. */
  fireMany(runId: string, request: FireManyRequest): Promise<CommandRecord[]>;
  /**
   * Redrive: puts a dead-lettered message (by its dead letter's seq, or every one not yet redriven)
   * back to its consumer as a new delivery, in one transaction; returns the dead letters redriven.
   * Throws on an unknown seq or one already redriven.
   */
  redrive(runId: string, deadLetterSeq: number | 'all'): Promise<DeadLetterRecord[]>;
  /** Takes one micro-step in one transaction; its trace row, or undefined when the run is quiet. */
  step(runId: string): Promise<TraceRecord | undefined>;
  /**
   * `step`, with the run row as the step wrote it (what a view shows next, without reading it again);
   * with `report`, the run is also checked after the step and the report stored in the step's own
   * transaction (unchanged entries are not rewritten), and returned with its summary.
   */
  stepWithRun(runId: string, options?: StepOptions): Promise<StepResult>;
  /** Takes up to `steps` micro-steps, batched (see README); stops early when quiet or with a verdict. */
  runSteps(runId: string, steps: number, options?: BatchOptions): Promise<BatchResult>;
  /** Runs until nothing is left to do, a verdict (not converging, waiting) or `maxSteps`, batched. */
  runUntilQuiet(runId: string, options?: RunUntilQuietOptions): Promise<BatchResult>;
  /** Checks every invariant from the run's rows (the checker) and stores the report for the UI. */
  report(runId: string, options?: { allow?: readonly AnomalyKind[] }): Promise<CheckReport>;
  /** `report`, with the summary as stored (what a view shows, without reading it again). */
  reportWithSummary(runId: string, options?: { allow?: readonly AnomalyKind[] }): Promise<{ report: CheckReport; summary: ReportSummaryRecord }>;
  /** The checker's input: the run's rows as they stand (e.g. to check them elsewhere). */
  checkInput(runId: string): Promise<CheckInput>;
  /** Time travel: the projections as the consumers had built them at an event-store position, and what a rebuild gives there. */
  projectionsAt(runId: string, position: number): Promise<ProjectionsAt>;
  /** Rebuilds every projection from the event store and compares it with the stored rows. Read-only. */
  compareWithRebuild(runId: string): Promise<RebuildReport>;
  /** Replaces the projections with the rebuild; refused unless the run is quiet. */
  replaceWithRebuild(runId: string): Promise<RebuildReport>;
  /**
   * Replays the run's event store against another (newer) design, read-only: each stored event
   * is brought to its type's version in `flow` by the type's upcasters (`upcastEvents`), then
   * applied through `flow`'s handlers. What a rebuild of read models after a contract change gives.
   */
  replayWithDesign(runId: string, flow: FlowDocument): Promise<DesignReplayReport>;
  /** Row counts of the run per table. */
  counts(runId: string): Promise<Record<TableName, number>>;
  /** Issue 13, run mode: kills one consumer instance (a process id) as the run's next step (`instanceControls.ts`); its trace row. */
  killInstance(runId: string, processId: string): Promise<TraceRecord>;
}

/** Options of `stepWithRun`. */
export interface StepOptions {
  /** Check the run after the step and store the report, in the step's transaction. */
  report?: { allow?: readonly AnomalyKind[] };
}

/** The result of `stepWithRun`: the step's trace row (undefined when the run was quiet) and the run row after it. */
export interface StepResult {
  trace: TraceRecord | undefined;
  run: RunRecord;
  /** With `report`: the report after the step and its summary as stored. */
  report?: { report: CheckReport; summary: ReportSummaryRecord };
}

/** The result of `replayWithDesign`. */
export interface DesignReplayReport extends UpcastReport {
  rebuilt: ProjectionState;
  /** Stored events read (replayed or skipped). */
  events: number;
}

const ALL = TABLE_NAMES;

async function loadRun(tx: StoreTx, runId: string): Promise<RunRecord> {
  const run = await tx.get('runs', runId);
  if (!run) throw new Error(`no simulation run for design "${runId}"`);
  return run;
}

function newRun(flow: FlowDocument, patch: SettingsPatch): RunRecord {
  const settings = mergeSettings(defaultRunSettings(patch.seed ?? 1), patch);
  return {
    runId: flow.id,
    flow: structuredClone(flow),
    settings,
    rngState: Rng.seedState(settings.seed),
    step: 0,
    clock: settings.startClock,
    seq: { command: 0, event: 0, outbox: 0, direct: 0, publication: 0, delivery: 0, order: 0, inbox: 0, handling: 0, external: 0, deadLetter: 0 },
    position: 0,
    stats: emptyStats(),
    processes: initialProcesses(flow),
    nextAckDeadline: null,
    quiet: true,
  };
}

async function clearRun(tx: StoreTx, runId: string): Promise<void> {
  for (const table of ALL) {
    if (table === 'runs' || table === 'reports') await tx.delete(table, runId);
    else await tx.deletePrefix(table, [runId]);
  }
}

/**
 * Creates the engine over a store. Every method is one or more store transactions; the engine
 * keeps no state of its own between calls, so several engines over the same database agree.
 * `options.mutants` switches on deliberate bugs, for mutation tests only.
 */
export function createSimulationEngine(store: SimulationStore, options: EngineOptions = {}): SimulationEngine {
  const mutants = options.mutants ?? NO_MUTANTS;
  const indexes = new WeakMap<FlowDocument, FlowIndex>();
  let lastFlow: { runId: string; json: string; index: FlowIndex } | undefined;
  const indexFor = (run: RunRecord): FlowIndex => {
    const cached = indexes.get(run.flow);
    if (cached) return cached;
    const json = JSON.stringify(run.flow);
    if (lastFlow && lastFlow.runId === run.runId && lastFlow.json === json) return lastFlow.index;
    const index = indexFlow(run.flow);
    indexes.set(run.flow, index);
    lastFlow = { runId: run.runId, json, index };
    return index;
  };

  /** The in-memory copy of the run last stepped (see runCopy.ts); any write that bypasses it drops it. */
  const copies = copyCache();
  const rw = <R>(fn: (tx: StoreTx) => Promise<R>) => {
    copies.drop();
    return store.transaction('rw', ALL, fn);
  };

  /**
   * Changes a stored run in one transaction (a fire, new settings): any verdict of a long run is
   * stale after it. The writes are mirrored into the engine's copy of the run when it is current.
   */
  const changeRun = <R>(runId: string, fn: (tx: StoreTx, run: RunRecord) => Promise<R>) => {
    const copy = copies.lend(runId);
    let mirrored = false;
    return store.transaction('rw', ALL, async (tx) => {
      const run = await loadRun(tx, runId);
      mirrored = !!copy?.matches(run);
      const writer = mirrored && copy ? copy.mirror(tx) : tx;
      const result = await fn(writer, run);
      delete run.verdict;
      await writer.put('runs', run);
      return { result, run };
    }).then(({ result, run }) => {
      if (mirrored && copy) {
        copy.accept(run);
        copies.hold(copy);
      } else copies.drop();
      return result;
    }, (error: unknown) => {
      copies.drop();
      throw error;
    });
  };

  const batched = (runId: string, maxSteps: number, o: BatchOptions) =>
    runBatched(store, runId, indexFor, mutants, {
      maxSteps, perTransaction: Math.max(1, o.stepsPerTransaction ?? 250), maxWaitSteps: o.maxWaitSteps ?? 2_000, overlap: o.overlap,
    }, o.between, copies);

  /** One micro-step straight in one store transaction (an in-process store, where a copy buys nothing). */
  const stepDirect = (runId: string, options: StepOptions) =>
    store.transaction('rw', ALL, async (tx): Promise<StepResult> => {
      const run = await loadRun(tx, runId);
      const rng = new Rng(run.rngState);
      const row = await advance({ tx, run, index: indexFor(run), rng, mutants });
      if (row) await tx.put('trace', row);
      await tx.put('runs', run);
      const report = options.report ? await checkAndStoreIn(tx, run, options.report.allow) : undefined;
      return { trace: row, run, ...(report ? { report } : {}) };
    });

  /**
   * One micro-step on the engine's copy of the run, written in one transaction (the run row read
   * there to check nobody else wrote, then the step's rows and the run row). Recomputed on a fresh
   * copy when the run changed underneath.
   */
  const stepOnCopy = async (runId: string, options: StepOptions): Promise<StepResult> => {
    for (;;) {
      const copy = await copies.take(store, runId);
      const run = await copy.run();
      const tx = copy.tables.tx();
      const row = await advance({ tx, run, index: indexFor(run), rng: new Rng(run.rngState), mutants });
      if (row) await tx.put('trace', row);
      await tx.put('runs', run);
      // The check reads the copy (it holds every table the checker reads): its report is written with the step.
      const report = options.report ? await checkAndStoreIn(tx, run, options.report.allow) : undefined;
      try {
        await copy.commit(store, run).done;
        copies.keep(copy);
        return { trace: row, run, ...(report ? { report } : {}) };
      } catch (error) {
        copies.drop();
        if (!(error instanceof StaleCopy)) throw error;
      }
    }
  };

  const engine: SimulationEngine = {
    startRun: async (flow, settings = {}) => {
      const run = await rw(async (tx) => {
        await clearRun(tx, flow.id);
        const run = newRun(flow, settings);
        await tx.put('runs', run);
        return run;
      });
      // The new run's copy is known without reading it (its tables are empty): the first steps load nothing.
      if (!store.direct) copies.hold(RunCopy.started(run));
      return run;
    },
    getRun: (runId) => store.transaction('r', ['runs'], (tx) => tx.get('runs', runId)),
    async updateSettings(runId, patch) {
      const run = await engine.getRun(runId);
      if (!run) throw new Error(`no simulation run for design "${runId}"`);
      const settings = mergeSettings(run.settings, patch);
      if (patch.seed !== undefined && patch.seed !== run.settings.seed) return engine.startRun(run.flow, settings);
      return changeRun(runId, async (_tx, current) => {
        current.settings = mergeSettings(current.settings, patch);
        return current;
      });
    },
    async reset(runId) {
      const run = await engine.getRun(runId);
      if (!run) throw new Error(`no simulation run for design "${runId}"`);
      return engine.startRun(run.flow, run.settings);
    },
    deleteRun: (runId) => rw((tx) => clearRun(tx, runId)),
    previewPayload: (runId, producerId, commandId) =>
      store.transaction('r', ['runs', 'commands'], async (tx) => {
        const run = await loadRun(tx, runId);
        const index = indexFor(run);
        const known = await knownAggregates(tx, run, index, producerId);
        return nextCommand({ ...run, seq: { ...run.seq } }, index, new Rng(run.rngState), { producerId, commandId }, known).payload;
      }),
    async fire(runId, request) {
      const [command] = await fireCommands(runId, [request], 1);
      if (!command) throw new Error('fire produced no command');
      return command;
    },
    fireMany: (runId, request) => fireCommands(runId, [], request.count, request),
    redrive: (runId, which) =>
      changeRun(runId, async (tx, run) => {
        const all = await tx.query('deadLetters', '[runId+seq]', { prefix: [runId] });
        const chosen = which === 'all' ? all.filter((d) => d.redrivenStep === undefined) : all.filter((d) => d.seq === which);
        if (which !== 'all') {
          const [one] = chosen;
          if (!one) throw new Error(`no dead letter #${which} in this run`);
          if (one.redrivenStep !== undefined) throw new Error(`dead letter #${which} was redriven at step ${one.redrivenStep} already`);
        }
        const redriven: DeadLetterRecord[] = [];
        for (const dead of chosen) {
          const delivery = await tx.get('deliveries', [runId, dead.deliverySeq]);
          if (!delivery) throw new Error(`dead letter #${dead.seq} names delivery #${dead.deliverySeq}, which is not in the table`);
          const again = await redeliverDeadLetter({ run, tx, mutants, index: indexFor(run) }, delivery);
          const marked = { ...dead, redrivenStep: run.step, redriveDeliverySeq: again.seq };
          await tx.put('deadLetters', marked);
          redriven.push(marked);
        }
        return redriven;
      }),
    step: async (runId) => (await engine.stepWithRun(runId)).trace,
    stepWithRun: (runId, options = {}) => (store.direct ? stepDirect(runId, options) : stepOnCopy(runId, options)),
    runSteps: (runId, steps, o = {}) => batched(runId, steps, o),
    runUntilQuiet: (runId, o = {}) => batched(runId, o.maxSteps ?? 1_000_000, o),
    report: async (runId, o = {}) => (await checkAndStore(store, runId, o.allow)).report,
    reportWithSummary: (runId, o = {}) => checkAndStore(store, runId, o.allow),
    checkInput: async (runId) => (await readCheckInput(store, runId)).input,
    projectionsAt: (runId, position) =>
      store.transaction('r', ['runs', 'events', 'handlings'], async (tx) => projectionsAt(tx, await loadRun(tx, runId), position)),
    compareWithRebuild: (runId) =>
      store.transaction('r', ['runs', 'events', 'projectionRows'], async (tx) => {
        const { lastEventIds: _ids, ...report } = await compareWithRebuild(tx, await loadRun(tx, runId));
        return report;
      }),
    replaceWithRebuild: (runId) => rw(async (tx) => replaceWithRebuild(tx, await loadRun(tx, runId))),
    replayWithDesign: (runId, flow) =>
      store.transaction('r', ['runs', 'events'], async (tx) => {
        const run = await loadRun(tx, runId);
        const events = await tx.query('events', '[runId+position]', { prefix: [runId] });
        const report: UpcastReport = { upcast: 0, skipped: [] };
        const rebuilt = replayProjections(flow, upcastEvents(events, run.flow, flow, report));
        return { rebuilt, events: events.length, ...report };
      }),
    counts: (runId) =>
      store.transaction('r', ALL, async (tx) => {
        const entries = await Promise.all(ALL.map(async (t) => [t, t === 'runs' || t === 'reports' ? ((await tx.get(t, runId)) ? 1 : 0) : await tx.count(t, ':id', { prefix: [runId] })] as const));
        return Object.fromEntries(entries) as Record<TableName, number>;
      }),
    killInstance: (runId, processId) =>
      changeRun(runId, async (tx, run) => {
        const row = await killInstanceNow({ tx, run, index: indexFor(run), rng: new Rng(run.rngState), mutants }, processId);
        await tx.put('trace', row);
        return row;
      }),
  };

  function fireCommands(runId: string, requests: FireRequest[], count: number, pick: Partial<FireManyRequest> = {}): Promise<CommandRecord[]> {
    return changeRun(runId, async (tx, run) => {
      const rng = new Rng(run.rngState);
      const commands = await fireAll(tx, run, indexFor(run), rng, requests, count, pick);
      run.rngState = rng.state;
      return commands;
    });
  }

  return engine;
}
