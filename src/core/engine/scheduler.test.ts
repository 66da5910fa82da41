import { describe, expect, it } from 'vitest';
import { initialProcesses, emptyStats } from './processes';
import type { RunRecord } from './records';
import { candidates, isQuiet, relayIsDown, waitingFor } from './scheduler';
import { defaultRunSettings, mergeSettings } from './settings';
import { pipelineFlow } from './testing/smallFlows';

function run(patch: Partial<RunRecord['stats']> = {}, relayDown: { fromStep: number; steps: number } | null = null): RunRecord {
  const flow = pipelineFlow();
  return {
    runId: 'r', flow, settings: mergeSettings(defaultRunSettings(), { faults: { relayDown } }), rngState: 1, step: 0, clock: 0,
    seq: { command: 0, event: 0, outbox: 0, direct: 0, publication: 0, delivery: 0, order: 0, inbox: 0, handling: 0, external: 0, deadLetter: 0 },
    position: 0, stats: { ...emptyStats(), ...patch }, processes: initialProcesses(flow), nextAckDeadline: null, quiet: false,
  };
}

const names = (r: RunRecord, step: number) => candidates(r, step).map((a) => `${a.kind}:${a.nodeId}`);

describe('scheduler', () => {
  it('given counters and process memory, when listing candidates, then each process with work is one, in process order', () => {
    const r = run({ commandsPending: 1, commandsQueued: { shop: 1 }, outboxPending: { shop: 2 }, queued: { counter: 1 } });
    expect(names(r, 1)).toEqual(['producer:shop', 'relay:', 'consumer:counter']);
    expect(isQuiet(r)).toBe(false);
    expect(isQuiet(run())).toBe(true);
  });

  it('given a process that holds work in memory, when listing, then it is a candidate and the run is not quiet', () => {
    const r = run();
    const catalog = r.processes.find((p) => p.nodeId === 'catalog');
    if (catalog) catalog.consumer = { deliverySeq: 1, stage: 'handled' };
    expect(names(r, 1)).toEqual(['consumer:catalog']);
    expect(isQuiet(r)).toBe(false);
  });

  it('given the relay down, when only outbox rows are pending, then nobody can act and the run waits until it is back', () => {
    const r = run({ outboxPending: { shop: 1 } }, { fromStep: 0, steps: 3 });
    expect(relayIsDown(r, 1)).toBe(true);
    expect(relayIsDown(r, 4)).toBe(false);
    expect(names(r, 2)).toEqual([]);
    expect(waitingFor(r, 2)).toMatchObject({ until: 4, text: expect.stringMatching(/^relay is down \(fault\)/) });
    expect(names(r, 4)).toEqual(['relay:']);
  });

  it('given an ack deadline, when it has passed, then the broker is a candidate; before, the run waits for it', () => {
    const r = run({ inFlight: { counter: 1 } });
    r.nextAckDeadline = 10;
    expect(names(r, 10)).toEqual([]);
    expect(waitingFor(r, 10)).toMatchObject({ until: 11 });
    expect(names(r, 11)).toEqual(['broker:']);
  });

  it('given counters under node ids named like Object.prototype members, when listing, then they count like any other id', () => {
    const r = run();
    r.processes.push({ id: 'producer:constructor', kind: 'producer', nodeId: 'constructor', incarnation: 1 }, { id: 'consumer:__proto__', kind: 'consumer', nodeId: '__proto__', incarnation: 1 });
    expect(names(r, 1)).toEqual([]);
    Object.defineProperty(r.stats.queued, '__proto__', { value: 2, enumerable: true });
    expect(names(r, 1)).toEqual(['consumer:__proto__']);
  });

  it('given a slow cache reader (reader:<projection id>) holding work, then it is a candidate only every factor-th step, and a step where only it has work waits for it by name', () => {
    const r = run();
    r.processes.push({ id: 'reader:counts', kind: 'reader', nodeId: 'counts', incarnation: 1, readQueue: ['k'] });
    r.settings = mergeSettings(r.settings, { faults: { slowInstances: [{ instance: 'reader:counts', factor: 4 }] } });
    expect(names(r, 8)).toEqual(['reader:counts']);
    expect(names(r, 9)).toEqual([]);
    expect(waitingFor(r, 9)).toEqual({ until: 12, text: 'only slow processes have work and they sit out this step (fault): reader:counts act again at step 12' });
    expect(isQuiet(r)).toBe(false);
  });
});

