import { afterEach, describe, expect, it } from 'vitest';
import { designFingerprint } from '../core';
import { create, freshEngine } from '../persistence/simulation/testEngine';
import { StopSignal } from './stopSignal';
import { testSession } from './testSession';
import type { RunSession } from './types';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function opened(overrides: Parameters<typeof testSession>[0] = {}) {
  const t = testSession(overrides);
  close = t.close;
  await t.session.open();
  return t;
}

/** Plays at `speed` and asks Stop once the run passed `stopAt`; the step then and where the run ended. */
async function playThenStop(session: RunSession, speed: number, stopAt: number) {
  session.setSpeed(speed);
  let stepAtStop: number | undefined;
  const unsubscribe = session.subscribe(() => {
    const { run } = session.getState();
    if (stepAtStop === undefined && run && run.step >= stopAt) {
      stepAtStop = run.step;
      session.stop();
    }
  });
  session.play();
  await session.whenIdle();
  unsubscribe();
  return { stepAtStop, finalStep: session.getState().run?.step ?? -1 };
}

describe('a run session, opened', () => {
  it('given a design without a run, when opened, then it starts one from the design at step 0, not stale', async () => {
    const { session, flow } = await opened();
    const state = session.getState();
    expect(state.run).toMatchObject({ runId: flow.id, step: 0, quiet: true });
    expect(state).toMatchObject({ stale: false, playing: false, busy: null, error: null, lastTrace: undefined });
  });

  it('given a fired command, when stepped, then the state carries the run row and that step as the last trace', async () => {
    const { session } = await opened();
    await session.fire(create);
    expect(session.getState().run?.seq.command).toBe(1);
    const row = await session.step();
    expect(row?.step).toBe(1);
    expect(session.getState().run?.step).toBe(1);
    expect(session.getState().lastTrace).toEqual(row);
  });
});

describe('Step and its report', () => {
  it('given a fired command, when stepped, then the report checked in the step shows at that step, with nothing read or checked apart', async () => {
    const calls: string[] = [];
    const fresh = freshEngine();
    const watched = new Proxy(fresh.engine, {
      get: (target, key, receiver) => {
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (...args: unknown[]) => (calls.push(String(key)), (value as (...a: unknown[]) => unknown).apply(target, args)) : value;
      },
    });
    const reads: string[] = [];
    const { session, close: closeSession } = await opened({
      engine: watched,
      reads: { lastTrace: async () => (reads.push('lastTrace'), undefined), report: async () => (reads.push('report'), undefined) },
    });
    close = async () => {
      await closeSession();
      await fresh.close();
    };
    await session.fire(create);
    calls.length = 0;
    reads.length = 0;
    await session.step();
    expect(calls).toEqual(['stepWithRun']);
    expect(reads).toEqual([]);
    const { run, report } = session.getState();
    expect(report?.step).toBe(run?.step);
    expect(report).toEqual((await fresh.engine.reportWithSummary(run!.runId)).summary);
  });
});

describe('fire N', () => {
  it('given 1,200 commands, when fired, then all are queued in chunks, busy counts up and ends null', async () => {
    const { session, states } = await opened();
    await session.fireMany('shop', 'create', 1200);
    expect(session.getState().run?.seq.command).toBe(1200);
    const busy = states.map((s) => s.busy).filter((b) => b !== null);
    expect(busy.map((b) => b.done)).toEqual([0, 500, 1000, 1200]);
    expect(busy.every((b) => b.label === 'Firing 1,200 commands' && b.total === 1200)).toBe(true);
    expect(session.getState().busy).toBeNull();
  });

  it('given Stop after the first chunk, when firing 2,000, then it ends at that chunk boundary', async () => {
    const { session } = await opened();
    const unsubscribe = session.subscribe(() => {
      if ((session.getState().busy?.done ?? 0) >= 500) session.stop();
    });
    await session.fireMany('shop', 'create', 2000);
    unsubscribe();
    expect(session.getState().run?.seq.command).toBe(500);
    expect(session.getState()).toMatchObject({ busy: null, stopping: false, error: null });
  });
});

describe('play and stop', () => {
  it('given fast play (500/s: 50 steps a batch), when Stop is asked, then the run stops within one batch and is idle again', async () => {
    const { session, states } = await opened();
    await session.fireMany('shop', 'create', 20);
    const { stepAtStop, finalStep } = await playThenStop(session, 500, 100);
    expect(stepAtStop).toBeDefined();
    expect(finalStep - (stepAtStop ?? 0)).toBeLessThanOrEqual(50);
    expect(session.getState()).toMatchObject({ playing: false, busy: null, stopping: false, error: null });
    expect(session.getState().run?.quiet).toBe(false);
    // Playing is one activity: never busy at the same time, and once it ends it stays ended.
    const during = states.filter((s) => s.playing);
    expect(during.length).toBeGreaterThan(1);
    expect(during.every((s) => s.busy === null)).toBe(true);
    const ended = states.findIndex((s, i) => i > 0 && !s.playing && states[i - 1]?.playing);
    expect(states.slice(ended).every((s) => !s.playing)).toBe(true);
  });

  it('given slow play (5/s), when Stop is asked, then at most the step in flight completes', async () => {
    const { session } = await opened();
    await session.fireMany('shop', 'create', 5);
    const { stepAtStop, finalStep } = await playThenStop(session, 5, 3);
    expect(stepAtStop).toBe(3);
    expect(finalStep).toBeLessThanOrEqual(4);
  });

  it('given play, when the run goes quiet, then play ends by itself', async () => {
    const { session } = await opened();
    await session.fire(create);
    session.setSpeed(500);
    session.play();
    expect(session.getState().playing).toBe(true);
    await session.whenIdle();
    expect(session.getState().run?.quiet).toBe(true);
    expect(session.getState().playing).toBe(false);
  });

  it('given play, when Step or Run until quiet is asked, then they are refused; Toggle pauses', async () => {
    const { session } = await opened();
    await session.fireMany('shop', 'create', 20);
    session.setSpeed(1);
    session.togglePlay();
    expect(session.getState().playing).toBe(true);
    expect(await session.step()).toBeUndefined();
    await session.runUntilQuiet();
    expect(session.getState().error?.message).toBe('Running every pending step waits: play is running (stop it first).');
    session.togglePlay();
    await session.whenIdle();
    expect(session.getState().playing).toBe(false);
    expect(session.getState().run?.step).toBeLessThanOrEqual(1);
  });

  it('mutant: a stop signal that ignores Stop lets play run on to quiet (the stop test above would fail)', async () => {
    class DeafSignal extends StopSignal {
      override stop(): void {}
    }
    const { session } = await opened({ stopSignal: () => new DeafSignal() });
    await session.fireMany('shop', 'create', 20);
    const { stepAtStop, finalStep } = await playThenStop(session, 500, 100);
    expect(finalStep - (stepAtStop ?? 0)).toBeGreaterThan(50);
    expect(session.getState().run?.quiet).toBe(true);
  });
});

describe('run until quiet', () => {
  it('given commands, when run until quiet, then busy shows while it runs and the run ends quiet with its last trace', async () => {
    const { session, states } = await opened();
    await session.fireMany('shop', 'create', 30);
    await session.runUntilQuiet();
    const { run, lastTrace, busy } = session.getState();
    expect(run?.quiet).toBe(true);
    expect(lastTrace?.step).toBe(run?.step);
    expect(busy).toBeNull();
    expect(states.some((s) => s.busy?.label === 'Running every pending step')).toBe(true);
  });
});

describe('reset and a stale design', () => {
  it('given a run with steps, when reset, then it is back at step 0 with no trace', async () => {
    const { session, engine, runId } = await opened();
    await session.fireMany('shop', 'create', 3);
    await session.runUntilQuiet();
    await session.reset();
    expect(session.getState().run).toMatchObject({ step: 0, quiet: true });
    expect(session.getState().lastTrace).toBeUndefined();
    expect((await engine.counts(runId)).trace).toBe(0);
  });

  it('given the design is edited, then the run is stale; reset starts it from the new design and it is current again', async () => {
    const { session, design, flow } = await opened();
    const edited = { ...flow, projections: flow.projections.map((p, i) => (i === 0 ? { ...p, name: `${p.name}-v2` } : p)) };
    design.set({ ...flow, name: 'renamed only' });
    expect(session.getState().stale).toBe(false);
    design.set(edited);
    expect(session.getState().stale).toBe(true);
    await session.reset();
    expect(session.getState().stale).toBe(false);
    expect(designFingerprint(session.getState().run!.flow)).toBe(designFingerprint(edited));
  });

  it('given play, when reset, then play stops first and the run restarts', async () => {
    const { session } = await opened();
    await session.fireMany('shop', 'create', 20);
    session.setSpeed(500);
    session.play();
    await session.reset();
    expect(session.getState()).toMatchObject({ playing: false, busy: null });
    expect(session.getState().run?.step).toBe(0);
  });
});

describe('errors', () => {
  it('given the run was deleted underneath, when stepped, then the error is state, not a rejection', async () => {
    const { session, engine, runId } = await opened();
    await engine.deleteRun(runId);
    await expect(session.step()).resolves.toBeUndefined();
    expect(session.getState().error?.message).toBe(`no simulation run for design "${runId}"`);
  });

  it('given an unknown command, when fired N times, then busy ends and the error says why; a second failure is a new error', async () => {
    const { session } = await opened();
    await session.fireMany('shop', 'nope', 10);
    const first = session.getState().error;
    expect(first?.message).toMatch(/nope|command/);
    expect(session.getState().busy).toBeNull();
    await session.fireMany('shop', 'nope', 10);
    expect(session.getState().error?.seq).toBe((first?.seq ?? 0) + 1);
  });

  it('given play on a deleted run, when it fails, then playing ends and the error is state', async () => {
    const { session, engine, runId } = await opened();
    await session.fire(create);
    await engine.deleteRun(runId);
    session.play();
    await session.whenIdle();
    expect(session.getState().playing).toBe(false);
    expect(session.getState().error?.message).toContain('no simulation run');
  });
});

describe('a run session over a damaged run row', () => {
  it('given a stored run row that is damaged, when opened, then it says what is wrong instead of reading it, and a reset starts a new run from the design', async () => {
    const t = testSession();
    close = t.close;
    await t.session.open();
    const stored = await t.db.runs.get(t.runId);
    await t.db.runs.put({ ...stored!, step: 'seven' as never });

    await t.session.open();
    expect(t.session.getState().damaged).toMatch(/step/);

    const run = await t.session.reset();
    expect(t.session.getState().damaged).toBeUndefined();
    expect(run?.step).toBe(0);
    expect(t.session.getState().run?.step).toBe(0);
  });
});
