export { createRunSession, type RunSessionDeps } from './runSession';
export { playPlan, PLAY_SPEEDS, BATCH_STEPS, FIRE_CHUNK } from './playPlan';
export type {
  DesignSource, LongActionContext, RunBusy, RunSession, RunSessionState, RunTables, Scheduler, SessionReads,
} from './types';
export * from './reads';
export type { DriveState } from './runDrive';
