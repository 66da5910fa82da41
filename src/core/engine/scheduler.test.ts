import { describe, expect, it } from 'vitest';
import type { RunRecord } from './records';
import { Rng } from './rng';
import { chooseWork, isQuiet, pendingWork, relayIsDown } from './scheduler';
import { defaultRunSettings, mergeSettings } from './settings';
import { emptyStats } from './stepContext';

function run(patch: Partial<RunRecord['stats']> = {}, relayDown: { fromStep: number; steps: number } | null = null): RunRecord {
  return {
    runId: 'r', flow: {} as RunRecord['flow'], settings: mergeSettings(defaultRunSettings(), { faults: { relayDown } }), rngState: 1, step: 0, clock: 0,
    seq: { command: 0, event: 0, outbox: 0, direct: 0, publication: 0, delivery: 0, order: 0, inbox: 0, deadLetter: 0, anomaly: 0 },
    position: 0, stats: { ...emptyStats(), ...patch }, quiet: false,
  };
}

describe('scheduler', () => {
  it('given counters, when listing pending work, then each kind with work is available', () => {
    const r = run({ commandsPending: 1, outboxPending: { p: 2 }, outboxPublishing: 1, queued: { c: 1 }, handled: { c: 0 } });
    expect(pendingWork(r, 1)).toEqual({ available: ['command', 'relay-publish', 'relay-mark-sent', 'deliver'], blocked: false });
    expect(isQuiet(r)).toBe(false);
    expect(isQuiet(run())).toBe(true);
  });

  it('given the relay down, when only outbox rows are pending, then nothing is available but the run is blocked, not quiet', () => {
    const r = run({ outboxPending: { p: 1 } }, { fromStep: 0, steps: 3 });
    expect(relayIsDown(r, 1)).toBe(true);
    expect(relayIsDown(r, 4)).toBe(false);
    expect(pendingWork(r, 2)).toEqual({ available: [], blocked: true });
    expect(pendingWork(r, 4).available).toEqual(['relay-publish']);
  });

  it('given the same seed, when choosing, then the choices repeat; with one kind no number is drawn', () => {
    const kinds = ['command', 'deliver', 'ack'] as const;
    const a = new Rng(9);
    const b = new Rng(9);
    const seqA = Array.from({ length: 20 }, () => chooseWork(kinds, a));
    expect(Array.from({ length: 20 }, () => chooseWork(kinds, b))).toEqual(seqA);
    expect(new Set(seqA).size).toBeGreaterThan(1);
    const c = new Rng(3);
    expect(chooseWork(['ack'], c)).toBe('ack');
    expect(c.state).toBe(3);
    expect(chooseWork([], c)).toBeUndefined();
  });
});
