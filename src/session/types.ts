import type {
  CommandRecord, FireRequest, FlowDocument, Payload, ProjectionsAt, RebuildReport, ReportSummaryRecord, RunRecord,
  SettingsPatch, SimulationEngine, TraceRecord,
} from '../core';
import type { SimulationDb } from '../persistence/simulation';
import type { DriveState } from './runDrive';

/** The run's tables, for the panels' read models (./reads.ts); opaque to features. */
export type RunTables = SimulationDb;

/** Time for the play loop and for pacing what the session publishes: the browser's, or a test's. */
export interface Scheduler {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Resolves after `ms` (0: lets the page paint and handle input between two batches). */
  sleep(ms: number): Promise<void>;
}

/** The design being edited: what a run is compared with (stale?) and what a reset with the new design starts from. */
export interface DesignSource {
  get(): FlowDocument | undefined;
  /** Calls `listener` whenever the design may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** The two rows the session reads besides the run row (the engine gives that one). */
export interface SessionReads {
  /** The run's newest micro-step, or undefined before the first. */
  lastTrace(runId: string): Promise<TraceRecord | undefined>;
  /** The summary of the invariant report last stored for the run. */
  report(runId: string): Promise<ReportSummaryRecord | undefined>;
  /**
   * Checks the stored run row before the engine reads it (a run lives for weeks; a damaged row must
   * not blank run mode): the problem in words, or undefined when it is healthy or absent.
   */
  runProblem?(runId: string): Promise<string | undefined>;
}

/** A long action in progress (fire N, run until quiet, a workload), with how far it got. */
export interface RunBusy {
  label: string;
  done: number;
  /** 0 when the end is not known in advance (run until quiet). */
  total: number;
}

/** What the session shows: one immutable object, replaced on every change. */
export interface RunSessionState {
  readonly runId: string;
  /** The run row; undefined until the session opened (or started) it. */
  readonly run: RunRecord | undefined;
  /** The run's newest micro-step, when it is the one at `run.step` (else undefined). */
  readonly lastTrace: TraceRecord | undefined;
  /** The invariant report as last checked. */
  readonly report: ReportSummaryRecord | undefined;
  /** The design changed since the run started (a run never mixes two versions of a design). */
  readonly stale: boolean;
  /** Micro-steps per second while playing. */
  readonly speed: number;
  readonly playing: boolean;
  /** The long action in progress, or null. Playing is not busy: commands can be fired while it plays. */
  readonly busy: RunBusy | null;
  /** Stop was asked and the action ends at its next batch boundary. */
  readonly stopping: boolean;
  /** The stored run row is damaged (what is wrong, in words): run mode offers to reset the run. */
  readonly damaged?: string;
  /** Who drives the run: this tab (`driving`), another (`watching`), another that took it from this one (`taken-over`). */
  readonly drive: DriveState;
  /** The last failure, in words; `seq` grows with each one (so the same message twice is two errors). */
  readonly error: { readonly message: string; readonly seq: number } | null;
}

/** What a long action gets: the engine, the run, and `progress`, which throws once Stop was asked. */
export interface LongActionContext {
  readonly engine: SimulationEngine;
  readonly runId: string;
  /** Reports progress (and the run row, when known), lets the page paint; throws when stopped. */
  progress(done: number, run?: RunRecord, trace?: TraceRecord): Promise<void>;
}

/**
 * The one owner of run mode for the open design: the engine, play/stop/busy, and the live state
 * the toolbar, the panels and the canvas overlay show. No method rejects: a failure becomes
 * `state.error` and the method resolves undefined.
 */
export interface RunSession {
  readonly runId: string;
  /** The run's tables, read by the panels' paged read models (./reads.ts). */
  readonly tables: RunTables;
  getState(): RunSessionState;
  subscribe(listener: () => void): () => void;
  /** Reads the design's run, or starts one from the design as it is (seed 1, no faults). */
  open(): Promise<RunRecord | undefined>;
  fire(request: FireRequest): Promise<CommandRecord | undefined>;
  /** Queues `count` generated commands, in chunks (a long action: Stop ends it at a chunk). */
  fireMany(producerId: string, commandId: string, count: number): Promise<void>;
  /** One micro-step; refused while playing or busy. */
  step(): Promise<TraceRecord | undefined>;
  /** Runs until quiet (batched; Stop ends it at a batch); asked again right after a `waiting` verdict, waits the outage out. */
  runUntilQuiet(): Promise<void>;
  /** Steps at `speed` until quiet or stopped. */
  play(): void;
  togglePlay(): void;
  /** Ends play or the long action at its next batch boundary. */
  stop(): void;
  setSpeed(stepsPerSecond: number): void;
  /** Empties the run and starts it again; when stale, from the design as it is now. Stops what runs first. */
  reset(): Promise<RunRecord | undefined>;
  updateSettings(patch: SettingsPatch): Promise<RunRecord | undefined>;
  /** Runs the invariant checker over the run's tables and stores the report. */
  checkReport(): Promise<void>;
  previewPayload(producerId: string, commandId: string): Promise<Payload | undefined>;
  projectionsAt(position: number): Promise<ProjectionsAt | undefined>;
  compareWithRebuild(): Promise<RebuildReport | undefined>;
  replaceWithRebuild(): Promise<RebuildReport | undefined>;
  /** Runs a long action of a feature (a workload, a redrive): busy and Stop as for fire N. */
  longAction(label: string, total: number, work: (context: LongActionContext) => Promise<unknown>): Promise<void>;
  /** A short write of a feature through the engine; the run row is re-read after it. */
  write<T>(work: (engine: SimulationEngine, runId: string) => Promise<T>): Promise<T | undefined>;
  /**
   * Drives the run from this tab: the driving tab is asked to let go (it stops, finishes its write,
   * releases the run's lock); a tab that does not answer within ~2 s loses the lock. Resolves to whether this tab drives.
   */
  takeOver(): Promise<boolean>;
  /** Resolves when nothing plays or runs. */
  whenIdle(): Promise<void>;
  /** Stops what runs and stops listening to the design. */
  dispose(): void;
}
