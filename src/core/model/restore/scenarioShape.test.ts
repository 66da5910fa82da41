import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreFlowDocument } from './restoreFlowDocument';
import { restoreScenario } from './scenarioShape';

const example = () => JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('restoreFlowDocument: scenarios', () => {
  it('given a design without scenarios, when restored, then it has none (the field stays optional)', () => {
    const doc = example();
    delete doc.scenarios;
    const restored = restoreFlowDocument(doc);
    expect(restored.ok && restored.doc.scenarios).toBe(undefined);
  });

  it('given a scenario with only an id and a name, when restored, then the defaults are filled in', () => {
    const doc = example();
    doc.scenarios = [{ id: 's', name: 'Nothing yet', given: { commands: [{ producerId: 'content-ingest', commandId: 'ingest-video' }] } }];
    const restored = restoreFlowDocument(doc);
    expect(restored.ok && restored.doc.scenarios).toEqual([{
      id: 's', name: 'Nothing yet', given: { commands: [{ producerId: 'content-ingest', commandId: 'ingest-video', count: 1 }] },
      when: { seed: 1 }, then: { rows: [], expectAnomalies: [], allowAnomalies: [] },
    }]);
  });

  it('given broken scenario fields, when restored, then each error has its JSON pointer and says what was expected', () => {
    const doc = example();
    doc.scenarios[0].when.faults.duplicateDelivery = 1.5;
    doc.scenarios[1].then.expectAnomalies = ['vanished'];
    doc.scenarios[2].given.commands[1].input = 'blocked';
    const restored = restoreFlowDocument(doc);
    expect(restored.ok).toBe(false);
    expect(!restored.ok && restored.errors).toEqual([
      { path: '/scenarios/0/when/faults/duplicateDelivery', message: 'duplicateDelivery: expected a probability between 0 and 1, found the number 1.5' },
      { path: '/scenarios/1/then/expectAnomalies/0', message: expect.stringMatching(/^0: expected one of 'lost', 'phantom', .*found the text "vanished"$/) },
      { path: '/scenarios/2/given/commands/1/input', message: 'input: expected an object, found the text "blocked"' },
    ]);
  });

  it('given two scenarios with one id, when restored, then it is refused at the second', () => {
    const doc = example();
    doc.scenarios[1].id = doc.scenarios[0].id;
    const restored = restoreFlowDocument(doc);
    expect(!restored.ok && restored.errors).toEqual([{ path: '/scenarios/1/id', message: `id: '${doc.scenarios[0].id}' is used by another scenario too` }]);
  });

  it('given pattern switches keyed by ids like __proto__, when restored, then they stay own keys', () => {
    const doc = JSON.parse(JSON.stringify(example()).replace('"patterns":{"outbox":{"content-ingest":false}}', '"patterns":{"outbox":{"__proto__":false}}')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    doc.scenarios[1].when.patterns = JSON.parse('{"inbox":{"__proto__":false}}');
    const restored = restoreFlowDocument(doc);
    const inbox = restored.ok ? restored.doc.scenarios?.[1]?.when.patterns?.inbox : undefined;
    expect(inbox && Object.hasOwn(inbox, '__proto__')).toBe(true);
  });
});

describe('restoreFlowDocument / restoreScenario: a scenario stays within bounds', () => {
  it('given a command count, a workload and a step limit beyond the bounds, when restored, then each is refused at its pointer', () => {
    const doc = example();
    doc.scenarios[0].given.commands[0].count = 1e9;
    doc.scenarios[1].given.workload = { count: 100_001, mix: [{ producerId: 'content-ingest', commandId: 'ingest-video', weight: 1 }] };
    doc.scenarios[2].when.maxSteps = 1e12;
    const restored = restoreFlowDocument(doc);
    expect(!restored.ok && restored.errors).toEqual([
      { path: '/scenarios/0/given/commands/0/count', message: 'count: expected a count from 1 to 100,000, found the number 1000000000' },
      { path: '/scenarios/1/given/workload/count', message: 'count: expected a count from 1 to 100,000, found the number 100001' },
      { path: '/scenarios/2/when/maxSteps', message: 'maxSteps: expected a step limit from 1 to 10,000,000, found the number 1000000000000' },
    ]);
  });

  it('given one scenario edited as JSON with a count of a billion, when restored, then it is refused with the pointer inside the scenario', () => {
    const scenario = structuredClone(example().scenarios[0]);
    scenario.given.commands[0].count = 1e9;
    expect(restoreScenario(scenario)).toEqual({ ok: false, errors: [{ path: '/given/commands/0/count', message: 'count: expected a count from 1 to 100,000, found the number 1000000000' }] });
    scenario.given.commands[0].count = 100_000;
    expect(restoreScenario(scenario).ok).toBe(true);
  });
});
