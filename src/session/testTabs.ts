import { createSimulationEngine } from '../core';
import { pipelineFlow } from '../core/engine/testing/smallFlows';
import { lastTrace, readReport } from '../persistence/reads';
import { createDexieSimulationStore } from '../persistence/simulation';
import { freshEngine } from '../persistence/simulation/testEngine';
import { MemoryLocks, type MemoryLockClient } from './memoryLocks';
import { createRunDrive, type DriveChannel, type DriveMessage } from './runDrive';
import { createRunSession, type RunSessionDeps } from './runSession';
import { editableDesign, virtualScheduler } from './testSession';
import type { RunSession } from './types';

/**
 * In-memory BroadcastChannels of one origin: a message reaches every other open channel of the
 * same name, in a later task (as in a browser). `deaf()` makes a channel hear nothing (a frozen tab).
 */
export function memoryChannels() {
  const open = new Map<string, Set<{ deliver(message: DriveMessage): void }>>();
  return (name: string): DriveChannel & { deaf(): void } => {
    const listeners = new Set<(message: DriveMessage) => void>();
    let hearing = true;
    const end = { deliver: (message: DriveMessage) => { if (hearing) for (const l of [...listeners]) l(message); } };
    const peers = open.get(name) ?? new Set();
    open.set(name, peers);
    peers.add(end);
    return {
      post(message) {
        const copy = structuredClone(message);
        for (const peer of peers) if (peer !== end) setTimeout(() => peer.deliver(copy), 0);
      },
      listen(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close: () => peers.delete(end),
      deaf: () => { hearing = false; },
    };
  };
}

/**
 * Tabs on one run: one fake-indexeddb database, one lock manager, one set of channels; each tab
 * has its own engine, drive and session (as two pages of one browser profile would).
 */
export function tabsOnOneRun(options: { answerWithinMs?: number } = {}) {
  const fresh = freshEngine();
  const flow = pipelineFlow();
  const locks = new MemoryLocks();
  const channel = memoryChannels();
  const sessions: RunSession[] = [];
  let opened = 0;
  function openTab(overrides: Partial<RunSessionDeps> = {}) {
    const tabId = `tab-${++opened}`;
    const lockClient: MemoryLockClient = locks.client();
    const tabChannel = channel(`efd-run:${flow.id}`);
    const drive = createRunDrive({ runId: flow.id, tabId, locks: lockClient, channel: tabChannel, answerWithinMs: options.answerWithinMs ?? 50 });
    const session = createRunSession({
      runId: flow.id, engine: createSimulationEngine(createDexieSimulationStore(fresh.db)), tables: fresh.db,
      design: editableDesign(flow), scheduler: virtualScheduler(), publishEveryMs: 0, drive,
      reads: { lastTrace: (id) => lastTrace(fresh.db, id), report: (id) => readReport(fresh.db, id) },
      ...overrides,
    });
    sessions.push(session);
    return { tabId, session, drive, lockClient, channel: tabChannel };
  }
  return {
    flow, runId: flow.id, db: fresh.db, engine: fresh.engine, locks, openTab,
    close: async () => {
      for (const session of sessions) {
        session.dispose();
        await session.whenIdle();
      }
      await fresh.close();
    },
  };
}
