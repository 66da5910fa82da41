import type { FlowDocument } from '../core';
import { pipelineFlow } from '../core/engine/testing/smallFlows';
import { lastTrace, readReport, readRun } from '../persistence/reads';
import { freshEngine } from '../persistence/simulation/testEngine';
import { createRunSession, type RunSessionDeps } from './runSession';
import type { DesignSource, RunSessionState, Scheduler } from './types';

/** A clock that moves only when the session sleeps (each sleep still yields to the event loop). */
export function virtualScheduler(): Scheduler & { sleeps: number } {
  let t = 0;
  const scheduler = {
    sleeps: 0,
    now: () => t,
    sleep: (ms: number) => {
      scheduler.sleeps++;
      t += ms;
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    },
  };
  return scheduler;
}

/** A design that a test edits: `set` tells the session, as the editor's store would. */
export function editableDesign(initial: FlowDocument): DesignSource & { set(doc: FlowDocument): void } {
  let doc = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => doc,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      doc = next;
      for (const listener of listeners) listener();
    },
  };
}

/**
 * A session over a fresh fake-indexeddb database and the pipeline flow, recording every state it
 * published. `close()` disposes it and deletes the database.
 */
export function testSession(overrides: Partial<RunSessionDeps> = {}) {
  const fresh = freshEngine();
  const flow = pipelineFlow();
  const design = editableDesign(flow);
  const scheduler = virtualScheduler();
  const session = createRunSession({
    runId: flow.id, engine: fresh.engine, tables: fresh.db, design, scheduler, publishEveryMs: 0,
    reads: {
      lastTrace: (id) => lastTrace(fresh.db, id),
      report: (id) => readReport(fresh.db, id),
      runProblem: async (id) => {
        const checked = await readRun(fresh.db, id);
        return checked && !checked.ok ? checked.problem : undefined;
      },
    },
    ...overrides,
  });
  const states: RunSessionState[] = [];
  session.subscribe(() => states.push(session.getState()));
  return {
    ...fresh, flow, runId: flow.id, design, scheduler, session, states,
    close: async () => {
      session.dispose();
      await session.whenIdle();
      await fresh.close();
    },
  };
}
