import { afterEach, describe, expect, it, vi } from 'vitest';
import { create } from '../persistence/simulation/testEngine';
import type { SimulationEngine } from '../core';
import type { WritesInFlight } from './guardWrites';
import { checkDriveMessage } from './runDrive';
import { tabsOnOneRun } from './testTabs';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

function setUp(options: Parameters<typeof tabsOnOneRun>[0] = {}) {
  const t = tabsOnOneRun(options);
  close = t.close;
  return t;
}

/** The run's rows as stored: trace rows (one per micro-step taken) and commands. */
async function stored(t: ReturnType<typeof tabsOnOneRun>) {
  const counts = await t.engine.counts(t.runId);
  const run = await t.engine.getRun(t.runId);
  return { step: run?.step, trace: counts.trace, commands: counts.commands };
}

async function steps(session: { step(): Promise<unknown> }, n: number) {
  for (let i = 0; i < n; i++) await session.step();
}

/** A does 1 fire + 3 steps while B watches; B then tries a step and a fire of its own. */
async function watchedRun(t: ReturnType<typeof tabsOnOneRun>, b: ReturnType<ReturnType<typeof tabsOnOneRun>['openTab']>) {
  const a = t.openTab();
  await a.session.open();
  await b.session.open();
  await a.session.fire(create);
  await steps(a.session, 3);
  await vi.waitFor(() => expect(b.session.getState().run?.step).toBe(3));
  await b.session.step();
  await b.session.fire(create);
  return { a, b };
}

describe('a run open in two tabs', () => {
  it('given tab A opened the run first, when tab B opens it, then A drives, B watches and B\'s view follows A\'s writes', async () => {
    const t = setUp();
    const b = t.openTab();
    const { a } = await watchedRun(t, b);
    expect(a.session.getState().drive).toBe('driving');
    expect(b.session.getState().drive).toBe('watching');
    // B's step and fire were refused: nothing of B's is stored, and B shows no error (the banner says it).
    expect(await stored(t)).toEqual({ step: 3, trace: 3, commands: 1 });
    expect(b.session.getState().error).toBeNull();
    expect(b.session.getState().run?.seq.command).toBe(1);
    expect(t.locks.heldNames()).toEqual([`efd-run:${t.runId}`]);
  });

  it('mutant: without the lock check before each write, the watching tab writes too (the check above bites)', async () => {
    const t = setUp();
    const noCheck = (engine: SimulationEngine) => ({ ...engine, settled: async () => {} }) as SimulationEngine & WritesInFlight;
    const b = t.openTab({ guardWrites: noCheck });
    await watchedRun(t, b);
    expect(await stored(t)).not.toEqual({ step: 3, trace: 3, commands: 1 });
    expect(await stored(t)).toEqual({ step: 4, trace: 4, commands: 2 });
  });

  it('given A plays, when B takes over, then A stops and watches ("taken over"), B drives, and no step is lost or doubled', async () => {
    const t = setUp();
    const a = t.openTab();
    const b = t.openTab();
    await a.session.open();
    await b.session.open();
    await a.session.fireMany('shop', 'create', 40);
    a.session.setSpeed(1000);
    a.session.play();
    await vi.waitFor(() => expect(b.session.getState().run?.step).toBeGreaterThan(5));
    expect(await b.session.takeOver()).toBe(true);
    expect(a.session.getState()).toMatchObject({ drive: 'taken-over', playing: false, busy: null });
    expect(b.session.getState().drive).toBe('driving');
    const before = await stored(t);
    // A's next writes are refused at once; B's go through.
    await a.session.step();
    await a.session.fire(create);
    expect(await stored(t)).toEqual(before);
    // B fires before it steps: A's play may have run the 40 commands to quiet before the take-over
    // (a fast machine), and B's steps need work to do.
    await b.session.fire(create);
    await steps(b.session, 5);
    const after = await stored(t);
    expect(after).toEqual({ step: before.step! + 5, trace: before.trace + 5, commands: 41 });
    expect(after.trace).toBe(after.step);
    // A's view follows B's writes.
    await vi.waitFor(() => expect(a.session.getState().run?.step).toBe(after.step));
  });

  it('given A is frozen (hears nothing), when B takes over, then after the wait B steals the lock and A\'s writes are refused', async () => {
    const t = setUp({ answerWithinMs: 30 });
    const a = t.openTab();
    const b = t.openTab();
    await a.session.open();
    await b.session.open();
    await a.session.fire(create);
    await steps(a.session, 2);
    a.channel.deaf();
    expect(await b.session.takeOver()).toBe(true);
    expect(b.session.getState().drive).toBe('driving');
    await vi.waitFor(() => expect(a.session.getState().drive).toBe('taken-over'));
    await a.session.step();
    await steps(b.session, 2);
    expect(await stored(t)).toEqual({ step: 4, trace: 4, commands: 1 });
  });

  it('given the driving tab closes, then a watching tab drives by itself; a crashed one frees the lock for a take-over at once', async () => {
    const t = setUp({ answerWithinMs: 60_000 });
    const a = t.openTab();
    const b = t.openTab();
    const c = t.openTab();
    await a.session.open();
    await b.session.open();
    await c.session.open();
    a.session.dispose();
    await vi.waitFor(() => expect([b, c].filter((tab) => tab.session.getState().drive === 'driving')).toHaveLength(1));
    const [driver, watcher] = b.session.getState().drive === 'driving' ? [b, c] : [c, b];
    expect(watcher.session.getState().drive).toBe('watching');
    // The driver's tab crashes: no message, but its lock is gone; a take-over does not wait a minute.
    driver.lockClient.drop();
    expect(await watcher.session.takeOver()).toBe(true);
    await watcher.session.fire(create);
    await watcher.session.step();
    expect(await stored(t)).toEqual({ step: 1, trace: 1, commands: 1 });
  });
});

describe('a damaged run open in one tab', () => {
  it('given the stored run row is damaged, when the only tab opens it, then it drives, and its reset deletes the damaged rows and starts a new run', async () => {
    const t = setUp();
    const first = t.openTab();
    await first.session.open();
    first.session.dispose();
    await first.session.whenIdle();
    const stored = await t.db.runs.get(t.runId);
    await t.db.runs.put({ ...stored!, step: 'seven' as never });

    const problem = async (id: string) => {
      const row = await t.db.runs.get(id);
      return row === undefined || typeof row.step === 'number' ? undefined : 'step: expected a number';
    };
    const tab = t.openTab({ reads: { lastTrace: async () => undefined, report: async () => undefined, runProblem: problem } });
    await tab.session.open();
    expect(tab.session.getState().damaged).toMatch(/step/);
    expect(tab.session.getState().drive).toBe('driving');

    const run = await tab.session.reset();
    expect(tab.session.getState().error).toBeNull();
    expect(tab.session.getState().damaged).toBeUndefined();
    expect(run?.step).toBe(0);
    expect((await t.engine.getRun(t.runId))?.step).toBe(0);
  });
});

describe('drive messages', () => {
  it.each([
    [null], [1], ['wrote'], [{ type: 'let-go' }], [{ type: 'steal', from: 'x' }], [{ type: 'released', from: 3 }],
  ])('ignores %j', (data) => {
    expect(checkDriveMessage(data)).toBeUndefined();
  });

  it('keeps the ones it knows', () => {
    expect(checkDriveMessage({ type: 'wrote', extra: 1 })).toEqual({ type: 'wrote' });
    expect(checkDriveMessage({ type: 'let-go', from: '__proto__' })).toEqual({ type: 'let-go', from: '__proto__' });
  });
});
