import { describe, expect, it } from 'vitest';
import { createSimulationEngine } from '../engine';
import { createMemorySimulationStore } from '../memoryStore';
import type { EngineMutants } from '../mutants';
import type { TraceRecord } from '../records';
import { pipelineFlow } from '../testing/smallFlows';
import { explainStep, STEP_PHASES } from './explainStep';
import { patternOf } from './patterns';

async function traceOf(options: Parameters<typeof pipelineFlow>[0], mutants?: Partial<EngineMutants>): Promise<TraceRecord[]> {
  const engine = createSimulationEngine(createMemorySimulationStore(), mutants ? { mutants: mutants as EngineMutants } : {});
  const flow = pipelineFlow(options);
  await engine.startRun(flow, { seed: 7 });
  await engine.fireMany(flow.id, { count: 1 });
  const trace: TraceRecord[] = [];
  for (let row = await engine.step(flow.id); row; row = await engine.step(flow.id)) trace.push(row);
  return trace;
}

const phasesOf = (trace: readonly TraceRecord[]) => trace.map((t) => t.phase);

describe('explainStep', () => {
  it('names the article\'s outbox steps: the commit is steps 2–3 of 7, one transaction of business row and outbox row', () => {
    const step = explainStep('command-commit-outbox');
    expect(step.headline).toBe('outbox steps 2–3 of 7: business row, event store append and outbox row committed in one transaction');
    expect(step.transaction).toEqual(['business row', 'event store', 'outbox row']);
    expect(explainStep('relay-mark-sent').label).toBe('outbox step 7 of 7');
    expect(explainStep('inbox-apply').label).toBe('inbox steps 1–3 of 3');
  });

  it('every phase names steps its pattern has, and a step that writes nothing names no transaction', () => {
    for (const phase of STEP_PHASES) {
      const step = explainStep(phase);
      expect(step.headline.length, phase).toBeGreaterThan(10);
      if (!step.pattern) continue;
      const [from, to] = step.steps!;
      expect(from, phase).toBeGreaterThanOrEqual(1);
      expect(to, phase).toBeLessThanOrEqual(patternOf(step.pattern).steps.length);
      expect(from, phase).toBeLessThanOrEqual(to);
    }
    for (const phase of ['relay-publish', 'direct-publish', 'deliver', 'ack', 'command-crashed', 'handle-crashed', 'handle-failed'] as const) {
      expect(explainStep(phase).transaction, phase).toBeUndefined();
    }
  });
});

describe('the phase each step writes on its trace row', () => {
  it('given the outbox and the inbox on, one command goes through the outbox steps in order, then each consumer checks, applies and records', async () => {
    const trace = await traceOf({});
    expect(trace.every((t) => t.phase !== undefined)).toBe(true);
    const phases = phasesOf(trace);
    const order = ['command-load', 'command-commit-outbox', 'relay-publish', 'relay-mark-sent'].map((p) => phases.indexOf(p as never));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(phases).toContain('inbox-apply');
    expect(phases).not.toContain('apply-without-inbox');
    expect(phases).not.toContain('direct-publish');
    // Each delivery is acknowledged after it was applied.
    expect(phases.filter((p) => p === 'deliver').length).toBe(phases.filter((p) => p === 'ack').length);
  });

  it('given dual write and the inbox off, the commit is dual write step 1, a direct publish follows, and consumers apply without a check', async () => {
    const phases = phasesOf(await traceOf({ outbox: false, inbox: false }));
    expect(phases).toContain('command-commit-dual-write');
    expect(phases).toContain('direct-publish');
    expect(phases).not.toContain('relay-publish');
    expect(phases).toContain('apply-without-inbox');
    expect(phases).not.toContain('inbox-apply');
  });

  it('given the at-most-once relay mutant, the trace says the row was marked sent before it was published', async () => {
    const phases = phasesOf(await traceOf({}, { atMostOnceRelay: true }));
    expect(phases).toContain('relay-mark-before-publish');
    expect(phases).not.toContain('relay-mark-sent');
  });
});
