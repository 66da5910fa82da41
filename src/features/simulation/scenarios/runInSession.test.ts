import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../core';
import { testSession } from '../../../session/testSession';
import { runScenarioInSession } from './runInSession';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function opened() {
  const t = testSession();
  close = t.close;
  await t.session.open();
  return t;
}

/** The pipeline's shop creates `count` items under seed 7; `commands` is what the then expects in the commands table. */
const scenario = (count: number, commands: number): Scenario => ({
  id: 'create-items', name: 'Creating items',
  given: { commands: [{ producerId: 'shop', commandId: 'create', count }] },
  when: { seed: 7 },
  then: { rows: [], expectAnomalies: [], allowAnomalies: [], counts: [{ table: 'commands', equals: commands }] },
});

describe('a scenario run through the run session (the Scenarios tab\'s Run)', () => {
  it('given a scenario, when run, then the session\'s engine runs it to quiet, busy names it while it runs, and the run shown is the scenario\'s', async () => {
    const { session, flow, states } = await opened();
    const verdict = await runScenarioInSession(session, flow, scenario(3, 3));
    expect(verdict?.pass).toBe(true);
    expect(verdict?.expectations.map((e) => `${e.kind} ${e.pass}`)).toEqual(['settled true', 'invariants true', 'count true']);
    expect(states.some((s) => s.busy?.label === 'Running scenario “Creating items”')).toBe(true);
    const state = session.getState();
    expect(state).toMatchObject({ busy: null, error: null, stale: false });
    expect(state.run).toMatchObject({ quiet: true, settings: { seed: 7 } });
    expect(state.run?.seq.command).toBe(3);
  });

  it('given a broken expectation, when run, then the verdict fails and says what was found', async () => {
    const { session, flow } = await opened();
    const verdict = await runScenarioInSession(session, flow, scenario(3, 5));
    expect(verdict?.pass).toBe(false);
    expect(verdict?.expectations.find((e) => !e.pass)).toMatchObject({ kind: 'count', expected: 'commands: 5 rows', found: '3 rows' });
  });

  it('given Stop while it runs, then it ends at a batch without a verdict and the session is idle, with no error', async () => {
    const { session, flow } = await opened();
    let stoppedAt: number | undefined;
    const unsubscribe = session.subscribe(() => {
      const { busy } = session.getState();
      if (stoppedAt === undefined && busy && busy.done > 0) {
        stoppedAt = busy.done;
        session.stop();
      }
    });
    const verdict = await runScenarioInSession(session, flow, scenario(200, 200));
    unsubscribe();
    expect(stoppedAt).toBeGreaterThan(0);
    expect(verdict).toBeUndefined();
    expect(session.getState()).toMatchObject({ busy: null, stopping: false, error: null });
    expect(session.getState().run?.quiet).toBe(false);
  });

  it('given play is running, when a scenario is asked to run, then it is refused and the session says why', async () => {
    const { session, flow } = await opened();
    await session.fireMany('shop', 'create', 50);
    session.setSpeed(1);
    session.play();
    const verdict = await runScenarioInSession(session, flow, scenario(1, 1));
    expect(verdict).toBeUndefined();
    expect(session.getState().error?.message).toBe('Running scenario “Creating items” waits: play is running (stop it first).');
    session.stop();
    await session.whenIdle();
  });

  it('given a design that is not the session\'s, then nothing runs', async () => {
    const { session, flow } = await opened();
    expect(await runScenarioInSession(session, { ...flow, id: 'another' }, scenario(1, 1))).toBeUndefined();
    expect(session.getState().run?.seq.command).toBe(0);
  });
});
